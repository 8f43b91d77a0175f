import { describe, expect, it } from "vitest";
import { deleteAccountSchema } from "./account";

describe("deleteAccountSchema", () => {
  it.each(["delete my account", "  Delete  my ACCOUNT "])("accepts %j", (confirmation) => {
    expect(deleteAccountSchema.safeParse({ confirmation }).success).toBe(true);
  });

  it.each([undefined, "", "delete", "delete my acount", "yes"])("refuses %j", (confirmation) => {
    const parsed = deleteAccountSchema.safeParse({ confirmation });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["confirmation"]);
    expect(parsed.error?.issues[0]?.message).toMatch(/delete my account/);
  });
});

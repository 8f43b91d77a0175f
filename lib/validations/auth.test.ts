import { describe, expect, it } from "vitest";
import { safeCallbackPath, signUpSchema } from "./auth";

describe("safeCallbackPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeCallbackPath("/contacts?q=dana")).toBe("/contacts?q=dana");
  });

  it.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "javascript:alert(1)",
    "/sign-in",
    "/api/auth/signout",
  ])("falls back to the dashboard for %s", (value) => {
    expect(safeCallbackPath(value)).toBe("/dashboard");
  });
});

describe("signUpSchema", () => {
  it("normalises the email and trims the name", () => {
    const parsed = signUpSchema.parse({
      name: "  Ana  ",
      email: " Ana@Example.COM ",
      password: "x".repeat(10),
    });
    expect(parsed).toMatchObject({ name: "Ana", email: "ana@example.com" });
  });

  it("explains short passwords and bad emails", () => {
    const result = signUpSchema.safeParse({ name: "Ana", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((issue) => issue.message).join(" ");
    expect(messages).toContain("valid email");
    expect(messages).toContain("at least 10");
  });
});

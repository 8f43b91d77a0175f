import { describe, expect, it } from "vitest";
import { checkbox, optionalDate, optionalInt, optionalText, optionalUrl, tagList } from "./fields";

describe("field schemas", () => {
  it("treats blank optional fields as null", () => {
    expect(optionalText().parse("   ")).toBeNull();
    expect(optionalUrl().parse("")).toBeNull();
    expect(optionalDate().parse("")).toBeNull();
    expect(optionalInt(1, 5).parse("")).toBeNull();
  });

  it("adds https:// to a bare domain and refuses other schemes", () => {
    expect(optionalUrl().parse("acme.com/careers")).toBe("https://acme.com/careers");
    expect(optionalUrl().safeParse("javascript:alert(1)").success).toBe(false);
  });

  it("coerces numbers within range and explains the range", () => {
    expect(optionalInt(1, 5).parse("4")).toBe(4);
    const result = optionalInt(1, 5).safeParse("9");
    expect(result.error?.issues[0]?.message).toBe("Enter a number from 1 to 5.");
  });

  it("reads checkboxes and tag lists", () => {
    expect(checkbox().parse("on")).toBe(true);
    expect(checkbox().parse(undefined)).toBe(false);
    expect(tagList().parse(" Design, design ,  remote,")).toEqual(["design", "remote"]);
  });

  it("accepts ISO dates only", () => {
    expect(optionalDate().parse("2026-11-26")).toBe("2026-11-26");
    expect(optionalDate().safeParse("26/11/2026").success).toBe(false);
  });
});

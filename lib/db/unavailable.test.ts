import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

const withCode = (code: string) => Object.assign(new Error(code), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises connection failures, directly or wrapped by drizzle", () => {
    for (const code of ["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "ECONNREFUSED", "57P01", "08006"]) {
      expect(isDatabaseUnavailable(withCode(code))).toBe(true);
      expect(isDatabaseUnavailable(new Error("Failed query", { cause: withCode(code) }))).toBe(
        true,
      );
    }
  });

  it("leaves other database errors and plain errors alone", () => {
    // unique_violation, syntax_error, invalid_text_representation
    for (const code of ["23505", "42601", "22P02"]) {
      expect(isDatabaseUnavailable(withCode(code))).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { clientAddress } from "./sign-in-limit";

describe("clientAddress", () => {
  it("uses the entry appended by the nearest proxy, not a forged first one", () => {
    const headers = new Headers({ "x-forwarded-for": "1.2.3.4, 203.0.113.9" });
    expect(clientAddress(headers)).toBe("203.0.113.9");
  });

  it("falls back to x-real-ip, then to a shared bucket", () => {
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.2" }))).toBe("198.51.100.2");
    expect(clientAddress(new Headers())).toBe("unknown");
  });
});

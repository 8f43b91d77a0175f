import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const request = (headers: Record<string, string>) =>
  new Request("http://app.test/api/x", { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the app's own origin and refuses another", () => {
    expect(isSameOrigin(request({ origin: "http://app.test", host: "app.test" }))).toBe(true);
    expect(isSameOrigin(request({ origin: "https://evil.example", host: "app.test" }))).toBe(false);
    expect(isSameOrigin(request({ origin: "null", host: "app.test" }))).toBe(false);
  });

  it("without an Origin header, trusts the browser's Sec-Fetch-Site", () => {
    expect(isSameOrigin(request({ host: "app.test" }))).toBe(true);
    expect(isSameOrigin(request({ host: "app.test", "sec-fetch-site": "cross-site" }))).toBe(false);
  });
});

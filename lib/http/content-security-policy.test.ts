import { describe, expect, it } from "vitest";
import {
  apiContentSecurityPolicy,
  createNonce,
  oauthFormTargets,
  pageContentSecurityPolicy,
  parseContentSecurityPolicy,
} from "./content-security-policy";

describe("page Content-Security-Policy", () => {
  it("allows only scripts carrying this request's nonce, never eval, in production", () => {
    const policy = parseContentSecurityPolicy(
      pageContentSecurityPolicy({ nonce: "abc123==", development: false }),
    );
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
  });

  it("adds eval and the reload socket only in development", () => {
    const policy = parseContentSecurityPolicy(
      pageContentSecurityPolicy({ nonce: "n", development: true }),
    );
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("connect-src")).toContain("ws:");
  });

  it("lets sign-in forms hand over to configured OAuth providers only", () => {
    const policy = parseContentSecurityPolicy(
      pageContentSecurityPolicy({
        nonce: "n",
        development: false,
        formTargets: [oauthFormTargets.github],
      }),
    );
    expect(policy.get("form-action")).toEqual(["'self'", "https://github.com"]);
  });
});

describe("API Content-Security-Policy", () => {
  it("lets an API answer load nothing and be framed nowhere", () => {
    const policy = parseContentSecurityPolicy(apiContentSecurityPolicy);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });
});

describe("nonce", () => {
  it("is 16 random bytes in base64 and differs every time", () => {
    const nonces = new Set(Array.from({ length: 200 }, createNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    }
  });
});

import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { forgetDecodedSessions, sessionUserId } from "./session-token";

// Cookies made by Auth.js's own encoder, read back the way pages read them.

const secret = "a-test-secret-that-is-long-enough-1234567890";
const name = "authjs.session-token";
const secureName = `__Secure-${name}`;

async function token(sub: string, options: { salt?: string; maxAge?: number; key?: string } = {}) {
  return encode({
    token: { sub, name: "Dana", email: "dana@example.test" },
    secret: options.key ?? secret,
    salt: options.salt ?? name,
    maxAge: options.maxAge ?? 3600,
  });
}

describe("sessionUserId", () => {
  beforeEach(() => forgetDecodedSessions());

  it("reads the user id from Auth.js's session cookie", async () => {
    const cookie = `theme=dark; ${name}=${await token("user-1")}; other=1`;
    expect(await sessionUserId(cookie, secret, false)).toBe("user-1");
    // Asked again with the same cookie (the kept answer): the same user.
    expect(await sessionUserId(cookie, secret, false)).toBe("user-1");
  });

  it("reads the __Secure- cookie an https site sets, salted with its own name", async () => {
    const cookie = `${secureName}=${await token("user-2", { salt: secureName })}`;
    expect(await sessionUserId(cookie, secret, true)).toBe("user-2");
  });

  it("takes the cookie the request's scheme calls for, as Auth.js does, and no other", async () => {
    const plain = `${name}=${await token("user-8")}`;
    const secureCookie = `${secureName}=${await token("user-9", { salt: secureName })}`;
    // On https a plain-named cookie (plantable over http or from a sibling domain) is no session.
    expect(await sessionUserId(plain, secret, true)).toBeNull();
    // On plain http a __Secure- cookie is not sent by browsers and is not honoured either.
    expect(await sessionUserId(secureCookie, secret, false)).toBeNull();
    // Both present: the scheme picks.
    expect(await sessionUserId(`${plain}; ${secureCookie}`, secret, true)).toBe("user-9");
    expect(await sessionUserId(`${plain}; ${secureCookie}`, secret, false)).toBe("user-8");
  });

  it("does not answer from sessions decoded with another secret", async () => {
    const cookie = `${name}=${await token("user-10")}`;
    expect(await sessionUserId(cookie, secret, false)).toBe("user-10");
    expect(
      await sessionUserId(cookie, "a-rotated-secret-that-is-long-enough-000000", false),
    ).toBeNull();
    expect(await sessionUserId(cookie, secret, false)).toBe("user-10");
  });

  it("joins a session cookie split into chunks", async () => {
    const value = await token("user-3");
    const half = Math.floor(value.length / 2);
    const cookie = `${name}.1=${value.slice(half)}; ${name}.0=${value.slice(0, half)}`;
    expect(await sessionUserId(cookie, secret, false)).toBe("user-3");
  });

  it("answers null without a cookie, or for a garbled, foreign or expired one", async () => {
    expect(await sessionUserId("", secret, false)).toBeNull();
    expect(await sessionUserId("theme=dark", secret, false)).toBeNull();
    expect(await sessionUserId(`${name}=not-a-token`, secret, false)).toBeNull();
    const otherSecret = await token("user-4", {
      key: "another-secret-that-is-long-enough-0987654",
    });
    expect(await sessionUserId(`${name}=${otherSecret}`, secret, false)).toBeNull();
    // A token made for the other cookie name (another salt) does not open under this one.
    expect(
      await sessionUserId(`${name}=${await token("user-5", { salt: secureName })}`, secret, false),
    ).toBeNull();
    const expired = await token("user-6", { maxAge: -60 });
    expect(await sessionUserId(`${name}=${expired}`, secret, false)).toBeNull();
  });

  it("keeps a bad token bad when asked twice, and a good one only for its own bytes", async () => {
    const good = await token("user-7");
    expect(await sessionUserId(`${name}=${good}`, secret, false)).toBe("user-7");
    const tampered = `${good.slice(0, -4)}${good.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await sessionUserId(`${name}=${tampered}`, secret, false)).toBeNull();
    expect(await sessionUserId(`${name}=${tampered}`, secret, false)).toBeNull();
  });
});

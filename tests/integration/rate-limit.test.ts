import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  beginSignInAttempt,
  recordSignInFailure,
  recordSignInSuccess,
} from "@/lib/auth/sign-in-limit";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { fixedWindowLimiter } from "@/lib/rate-limit";

const unique = () => randomUUID();

describe("fixedWindowLimiter", () => {
  it("allows up to the limit, then refuses with a retry time", async () => {
    const limiter = fixedWindowLimiter({ name: `test-${unique()}`, limit: 3, windowSeconds: 600 });
    const subject = "someone";
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.hit(subject));
    expect(results.map((r) => r.limited)).toEqual([false, false, false, true]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(590);
    expect((await limiter.check(subject)).limited).toBe(true);
    expect((await limiter.check("someone-else")).limited).toBe(false);
  });

  it("counts parallel hits exactly (the counter is atomic in the database)", async () => {
    const limiter = fixedWindowLimiter({ name: `test-${unique()}`, limit: 5, windowSeconds: 600 });
    const results = await Promise.all(Array.from({ length: 12 }, () => limiter.hit("burst")));
    expect(results.filter((r) => !r.limited)).toHaveLength(5);
  });

  it("starts a new window once the old one has expired", async () => {
    const name = `test-${unique()}`;
    const limiter = fixedWindowLimiter({ name, limit: 1, windowSeconds: 60 });
    await limiter.hit("x");
    expect((await limiter.hit("x")).limited).toBe(true);
    // Age the window instead of sleeping through it.
    await getDb()
      .update(rateLimits)
      .set({ windowStartedAt: sql`now() - interval '61 seconds'` })
      .where(eq(rateLimits.key, `${name}:x`));
    expect((await limiter.check("x")).limited).toBe(false);
    expect((await limiter.hit("x")).limited).toBe(false);
  });

  it("reset clears the subject's counter", async () => {
    const limiter = fixedWindowLimiter({ name: `test-${unique()}`, limit: 1, windowSeconds: 600 });
    await limiter.hit("y");
    await limiter.hit("y");
    await limiter.reset("y");
    expect((await limiter.check("y")).limited).toBe(false);
  });
});

describe("sign-in limits", () => {
  it("blocks an account after too many attempts, whatever the client address", async () => {
    const email = `${unique()}@example.test`;
    const max = env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT;
    for (let i = 0; i < max; i++) {
      expect(await beginSignInAttempt(email, `10.0.0.${i}`)).toEqual({ allowed: true });
    }
    const blocked = await beginSignInAttempt(email, "10.0.1.1");
    expect(blocked.allowed).toBe(false);
  });

  it("a successful sign-in clears the account's counter", async () => {
    const email = `${unique()}@example.test`;
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT - 1; i++) {
      await beginSignInAttempt(email, "client-a");
    }
    await recordSignInSuccess(email);
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await beginSignInAttempt(email, "client-a")).allowed).toBe(true);
    }
  });

  it("blocks a client address after too many failures across accounts", async () => {
    const client = `client-${unique()}`;
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES_PER_CLIENT; i++) {
      await recordSignInFailure(client);
    }
    const gate = await beginSignInAttempt(`${unique()}@example.test`, client);
    expect(gate.allowed).toBe(false);
    expect((await beginSignInAttempt(`${unique()}@example.test`, "another-client")).allowed).toBe(
      true,
    );
  });
});

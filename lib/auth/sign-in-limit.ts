import "server-only";
import { env } from "@/lib/env";
import { fixedWindowLimiter } from "@/lib/rate-limit";

// Failed sign-ins are limited per account and per client address.
// The account counter is incremented before the password is checked, atomically in the
// database, so a burst of parallel guesses cannot slip past it; a success clears it.
// The client counter only counts failures, so many people behind one address can still sign in.

const windowSeconds = env.SIGN_IN_WINDOW_MINUTES * 60;

const accountAttempts = fixedWindowLimiter({
  name: "sign-in:account",
  limit: env.SIGN_IN_MAX_FAILURES_PER_ACCOUNT,
  windowSeconds,
});

const clientFailures = fixedWindowLimiter({
  name: "sign-in:client",
  limit: env.SIGN_IN_MAX_FAILURES_PER_CLIENT,
  windowSeconds,
});

export type SignInGate = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export async function beginSignInAttempt(email: string, client: string): Promise<SignInGate> {
  const [account, address] = await Promise.all([
    accountAttempts.hit(email),
    clientFailures.check(client),
  ]);
  if (account.limited) return { allowed: false, retryAfterSeconds: account.retryAfterSeconds };
  if (address.limited) return { allowed: false, retryAfterSeconds: address.retryAfterSeconds };
  return { allowed: true };
}

export async function recordSignInFailure(client: string): Promise<void> {
  await clientFailures.hit(client);
}

export async function recordSignInSuccess(email: string): Promise<void> {
  await accountAttempts.reset(email);
}

/**
 * The client's address as seen by the nearest proxy: the last X-Forwarded-For entry is the one
 * appended by our own server (Next.js) or reverse proxy; earlier entries can be forged.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip") || "unknown";
}

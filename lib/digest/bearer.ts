import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Constant-time check of `Authorization: Bearer <secret>`. Both sides are hashed first, so the
 * buffers compared always have the same length and the secret's length does not leak either.
 */
export function bearerMatches(header: string | null, secret: string): boolean {
  const match = /^Bearer +(\S+) *$/i.exec(header ?? "");
  const given = createHash("sha256")
    .update(match?.[1] ?? "")
    .digest();
  const expected = createHash("sha256").update(secret).digest();
  return timingSafeEqual(given, expected) && match !== null;
}

// Whether an error means "the database cannot be reached right now" (a restart, a failover, a
// network cut) rather than a fault in what was asked. Those are answered with the
// "unavailable" message (try again; nothing typed is lost), not as a server error.

/** postgres.js's own connection failures, and Node's socket errors underneath them. */
const CONNECTION_CODES = new Set([
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/** Postgres SQLSTATEs: class 08 (connection exception) and the shutdown/starting-up states. */
function isUnavailableState(code: string): boolean {
  return code.startsWith("08") || code === "57P01" || code === "57P02" || code === "57P03";
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors (DrizzleQueryError) with the original as `cause`.
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || isUnavailableState(code))) {
      return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// The signed-in user's id, read straight from Auth.js's session cookie.
//
// Why not auth(): called from a server component, auth() runs Auth.js's whole "session" action
// on every request: it builds the configuration (adapter, providers), makes a CSRF token,
// decrypts the JWT, then encrypts a fresh one to roll the expiry, whose Set-Cookie a server
// component cannot send anyway. That was a tenth of the CPU of a small page. Decrypting the
// cookie with the same secret and salt gives the same answer for the same cookie; the result is
// kept for identical cookies, so a browser that sends the same session cookie again costs a map
// lookup. Signing in, out and the cookie's rolling renewal stay with Auth.js's route handler.

/** Auth.js's cookie: `__Secure-` prefixed when the site is served over https. */
const COOKIE = "authjs.session-token";
const SECURE_COOKIE = `__Secure-${COOKIE}`;

/** Decoded sessions kept at most; the oldest entry goes first. */
const MAX_ENTRIES = 1000;

type Decoded = { sub: string | null; exp: number };
const decoded = new Map<string, Decoded>();
/** The secret the kept sessions were decoded with: another secret starts from nothing. */
let decodedWith: string | undefined;

function remember(key: string, value: Decoded) {
  if (decoded.size >= MAX_ENTRIES) {
    const oldest = decoded.keys().next().value;
    if (oldest !== undefined) decoded.delete(oldest);
  }
  decoded.set(key, value);
}

/** Auth.js's own decode, whose result is kept for identical tokens until the token expires. */
async function cachedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, salt, secret } = params;
  if (!token) return null;
  const keyedBy = Array.isArray(secret) ? secret.join("\u0000") : secret;
  if (keyedBy !== decodedWith) {
    decoded.clear();
    decodedWith = keyedBy;
  }
  const key = `${salt}\u0000${token}`;
  const now = Date.now() / 1000;
  const hit = decoded.get(key);
  if (hit && hit.exp > now) return hit.sub ? { sub: hit.sub } : {};
  if (hit) decoded.delete(key);
  // Throws on a forged, garbled or expired token; getToken answers null then.
  const payload = await decode(params);
  if (!payload) return null;
  const exp = typeof payload.exp === "number" ? payload.exp : 0;
  if (exp > now) remember(key, { sub: typeof payload.sub === "string" ? payload.sub : null, exp });
  return payload;
}

/**
 * The user id in the request's session cookie, or null when there is no valid session.
 * Only the Cookie header is read (not an Authorization header), as auth() does. `secure` is
 * whether the request came over https (directly or through a proxy): as in Auth.js, that alone
 * decides which cookie counts, so on an https site a plain-named cookie (which anyone on plain
 * http or a sibling subdomain could plant) is never a session.
 */
export async function sessionUserId(
  cookieHeader: string,
  secret: string,
  secure: boolean,
): Promise<string | null> {
  if (!cookieHeader.includes(secure ? SECURE_COOKIE : COOKIE)) return null;
  const token = await getToken({
    req: { headers: new Headers({ cookie: cookieHeader }) },
    secret,
    secureCookie: secure,
    // getToken's decode is generic over the payload; ours always returns Auth.js's JWT.
    decode: cachedDecode as typeof decode,
  });
  return typeof token?.sub === "string" ? token.sub : null;
}

/** For tests: forget every decoded session. */
export function forgetDecodedSessions() {
  decoded.clear();
  decodedWith = undefined;
}

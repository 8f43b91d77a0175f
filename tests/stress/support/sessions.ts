import { encode } from "next-auth/jwt";
import { STRESS_AUTH_SECRET } from "./app-server";

// Session cookies for simulated users, minted the way Auth.js v5 mints them after a sign-in:
// an encrypted JWT whose key is derived from AUTH_SECRET with the cookie's name as the salt.
// Over plain http (loopback) the cookie is `authjs.session-token`, without the __Secure- prefix.
// Signing in through the form for each of dozens of users would mostly measure password hashing.

export const SESSION_COOKIE = "authjs.session-token";

export async function sessionCookie(user: { id: string; name: string; email: string }) {
  const token = await encode({
    token: { sub: user.id, name: user.name, email: user.email },
    secret: STRESS_AUTH_SECRET,
    salt: SESSION_COOKIE,
    maxAge: 60 * 60,
  });
  return `${SESSION_COOKIE}=${token}`;
}

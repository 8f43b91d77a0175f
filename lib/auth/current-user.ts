import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "@/lib/db/queries/users";
import { authSecret } from "@/lib/env";
import { sessionUserId } from "./session-token";

// Resolved once per request (React cache), so pages, layouts and actions share one answer.
// The session cookie is decrypted directly (see session-token.ts for why not auth()).
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const requestHeaders = await headers();
  // Over https, directly or behind a proxy that says so: the rule Auth.js uses (trustHost).
  const secure = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https";
  const id = await sessionUserId(requestHeaders.get("cookie") ?? "", authSecret(), secure);
  if (!id) return null;
  // A valid cookie for a deleted account is no account.
  return (await getSessionUser(id)) ?? null;
});

/** For pages under the app: the signed-in user, or a redirect to sign-in and back here after. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (user) return user;
  const requested = (await headers()).get("x-pathname") ?? "/dashboard";
  redirect(`/sign-in?callbackUrl=${encodeURIComponent(requested)}`);
}

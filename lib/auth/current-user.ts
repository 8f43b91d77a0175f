import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser, type SessionUser } from "@/lib/db/queries/users";
import { auth } from "./index";

// Resolved once per request (React cache): auth() costs a few ms of CPU, so pages, layouts
// and actions share one answer instead of asking again per component.
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
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

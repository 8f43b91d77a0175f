"use server";

import { signOut } from "@/lib/auth";
import { withUser } from "@/lib/auth/with-user";
import { getDb } from "@/lib/db/client";
import { deleteAccount } from "@/lib/db/queries/account";
import { notFound } from "@/lib/errors";
import { deleteAccountSchema } from "@/lib/validations/account";

/**
 * Deletes the signed-in user and, through ON DELETE CASCADE, everything they own; then ends
 * the session and goes to the home page. The typed phrase is checked by the schema.
 */
export const deleteAccountAction = withUser(deleteAccountSchema, async (_input, user) => {
  if (!(await deleteAccount(getDb(), user.id))) throw notFound("Your account");
  // Throws Next's redirect, which withUser lets through. Were it to fail, the old cookie is
  // harmless: currentUser() treats a session for a deleted account as signed out.
  await signOut({ redirectTo: "/" });
});

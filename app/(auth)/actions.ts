"use server";

import { AuthError, type CredentialsSignin } from "next-auth";
import { z } from "zod";
import { signIn, signOut } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { createPasswordUser } from "@/lib/db/queries/users";
import { env, oauthProviders } from "@/lib/env";
import { safeCallbackPath, signInSchema, signUpSchema } from "@/lib/validations/auth";
import { type ActionState, formValues, parseForm } from "@/lib/validations/form";

// Sign-in and sign-up are the only actions without a signed-in user; they validate with the
// same zod schemas and return the same ActionState as every withUser action.

function signInFailure(error: AuthError, formData: FormData): ActionState {
  const rateLimited = (error as CredentialsSignin).code === "rate_limited";
  return {
    status: "error",
    code: rateLimited ? "rate_limited" : "invalid",
    message: rateLimited
      ? `Too many failed sign-in attempts. Wait ${env.SIGN_IN_WINDOW_MINUTES} minutes and try again.`
      : "That email and password do not match an account. Check them and try again.",
    values: formValues(formData),
  };
}

export async function signInAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = parseForm(signInSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { email, password, callbackUrl } = parsed.data;
  try {
    // On success this throws Next's redirect, which must propagate.
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) return signInFailure(error, formData);
    throw error;
  }
  return { status: "idle" };
}

export async function signUpAction(
  _previous: ActionState,
  formData: FormData,
): Promise<ActionState> {
  const parsed = parseForm(signUpSchema, formData);
  if (!parsed.ok) return parsed.state;
  const { name, email, password, callbackUrl } = parsed.data;
  const user = await createPasswordUser({
    name,
    email,
    passwordHash: await hashPassword(password),
  });
  if (!user) {
    return {
      status: "invalid",
      message: "An account with this email already exists.",
      fieldErrors: { email: ["An account with this email already exists. Sign in instead."] },
      values: formValues(formData),
    };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackPath(callbackUrl) });
  } catch (error) {
    if (error instanceof AuthError) return signInFailure(error, formData);
    throw error;
  }
  return { status: "idle" };
}

const oauthSchema = z.object({
  provider: z.enum(["github", "google"]),
  callbackUrl: z.string().optional(),
});

export async function oauthSignInAction(formData: FormData): Promise<void> {
  const parsed = oauthSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !oauthProviders[parsed.data.provider]) return;
  await signIn(parsed.data.provider, { redirectTo: safeCallbackPath(parsed.data.callbackUrl) });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

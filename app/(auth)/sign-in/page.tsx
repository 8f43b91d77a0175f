import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/current-user";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { safeCallbackPath } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Sign in" };

// Auth.js sends failed OAuth or direct credential posts back here with ?error=…&code=….
function noticeFor(error?: string, code?: string): string | undefined {
  if (!error) return undefined;
  if (code === "rate_limited")
    return "Too many failed sign-in attempts. Wait a few minutes and try again.";
  if (error === "CredentialsSignin") return "That email and password do not match an account.";
  return "Sign-in did not complete. Please try again.";
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = firstParam(params.callbackUrl);
  if (await currentUser()) redirect(safeCallbackPath(callbackUrl));
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Welcome back. Your contacts and drafts are where you left them.
      </p>
      <SignInForm
        callbackUrl={callbackUrl ? safeCallbackPath(callbackUrl) : undefined}
        notice={noticeFor(firstParam(params.error), firstParam(params.code))}
      />
      <OAuthButtons callbackUrl={callbackUrl} />
    </>
  );
}

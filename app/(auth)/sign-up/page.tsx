import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { currentUser } from "@/lib/auth/current-user";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { safeCallbackPath } from "@/lib/validations/auth";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const raw = firstParam(params.callbackUrl);
  if (await currentUser()) redirect(safeCallbackPath(raw));
  const callbackUrl = raw ? safeCallbackPath(raw) : undefined;
  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Keep track of everyone you met, and keep the door open after a “no”.
      </p>
      <SignUpForm callbackUrl={callbackUrl} />
      <OAuthButtons callbackUrl={callbackUrl} />
    </>
  );
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction } from "@/app/(auth)/actions";
import { Field, FormAlert, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, idle } from "@/lib/validations/form";

export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
  const [state, action] = useActionState<ActionState, FormData>(signInAction, idle);
  const values = state.status === "invalid" || state.status === "error" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const message =
    state.status === "error" ? state.message : state.status === "idle" ? notice : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={message} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field id="email" label="Email" errors={errors.email}>
        {(control) => (
          <Input
            {...control}
            name="email"
            type="email"
            autoComplete="email"
            inputMode="email"
            required
            defaultValue={values.email}
            key={`email-${values.email ?? ""}`}
          />
        )}
      </Field>
      <Field id="password" label="Password" errors={errors.password}>
        {(control) => (
          <Input
            {...control}
            name="password"
            type="password"
            autoComplete="current-password"
            required
          />
        )}
      </Field>
      <SubmitButton className="w-full" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        New here?{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={
            callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"
          }
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}

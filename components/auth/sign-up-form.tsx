"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpAction } from "@/app/(auth)/actions";
import { Field, FormAlert, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type ActionState, idle } from "@/lib/validations/form";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action] = useActionState<ActionState, FormData>(signUpAction, idle);
  const values = state.status === "invalid" || state.status === "error" ? state.values : {};
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const message =
    state.status === "error" || state.status === "invalid" ? state.message : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormAlert message={message} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field id="name" label="Your name" errors={errors.name} hint="It signs the notes you send.">
        {(control) => (
          <Input
            {...control}
            name="name"
            autoComplete="name"
            required
            defaultValue={values.name}
            key={`name-${values.name ?? ""}`}
          />
        )}
      </Field>
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
      <Field id="password" label="Password" errors={errors.password} hint="At least 10 characters.">
        {(control) => (
          <Input
            {...control}
            name="password"
            type="password"
            autoComplete="new-password"
            required
          />
        )}
      </Field>
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
      <p className="text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link
          className="font-medium text-brand-700 underline"
          href={
            callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"
          }
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}

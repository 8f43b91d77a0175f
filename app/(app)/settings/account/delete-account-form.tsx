"use client";

import { deleteAccountAction } from "@/app/(app)/settings/account/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { DELETE_ACCOUNT_PHRASE } from "@/lib/validations/account";

export function DeleteAccountForm() {
  const form = useActionForm(deleteAccountAction);
  return (
    <form action={form.formAction} key={form.formKey} className="max-w-md space-y-4" noValidate>
      <FormAlert message={form.message} />
      <Field
        id="confirmation"
        label={`To confirm, type “${DELETE_ACCOUNT_PHRASE}”`}
        errors={form.errors("confirmation")}
      >
        {(control) => (
          <Input
            {...control}
            name="confirmation"
            autoComplete="off"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            defaultValue={form.value("confirmation")}
          />
        )}
      </Field>
      <SubmitButton variant="danger" pendingLabel="Deleting your account…">
        Delete my account and all my data
      </SubmitButton>
    </form>
  );
}

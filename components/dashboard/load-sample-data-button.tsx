"use client";

import { loadSampleData } from "@/app/(app)/dashboard/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

/** On an empty dashboard: fill the account with a made-up job search to try things out. */
export function LoadSampleDataButton() {
  const form = useActionForm(loadSampleData);
  return (
    <form action={form.formAction} noValidate className="flex flex-col items-center gap-2">
      <SubmitButton variant="secondary" pendingLabel="Loading sample data…">
        Load sample data
      </SubmitButton>
      <FormAlert message={form.message} />
    </form>
  );
}

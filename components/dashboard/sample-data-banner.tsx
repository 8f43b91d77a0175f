"use client";

import { FlaskConical } from "lucide-react";
import { removeSampleData } from "@/app/(app)/dashboard/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/field";

/** Shown while the account holds sample data, with the one-click way out. */
export function SampleDataBanner() {
  const form = useActionForm(removeSampleData);
  return (
    <section
      aria-labelledby="sample-data-title"
      data-testid="sample-data-banner"
      className="mb-6 flex flex-wrap items-center justify-between gap-4 rounded-xl border border-amber-200 bg-amber-50 p-4 text-amber-950"
    >
      <div className="flex min-w-0 flex-1 basis-64 gap-3">
        <FlaskConical aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-amber-700" />
        <div>
          <h2 id="sample-data-title" className="font-semibold">
            You are looking at sample data
          </h2>
          <p className="mt-1 text-sm text-amber-900">
            The companies, people and applications marked “Sample” are made up so you can try
            Runner-Up. Remove them whenever you like: what you add yourself stays.
          </p>
        </div>
      </div>
      <ConfirmButton
        action={form.formAction}
        hidden={{}}
        label="Remove sample data"
        title="Remove the sample data?"
        confirmLabel="Remove sample data"
      >
        <p>This deletes the sample companies, people, applications, interactions and opening.</p>
        <p>
          Anything attached to a sample person goes with them: interactions you logged with them,
          notes drafted to them and their follow-ups. Everything else you created stays, and a
          sample company that one of your own records uses is kept as yours.
        </p>
        <FormAlert message={form.message} />
      </ConfirmButton>
    </section>
  );
}

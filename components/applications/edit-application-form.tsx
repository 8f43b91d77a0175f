"use client";

import Link from "next/link";
import { updateApplicationAction } from "@/app/(app)/applications/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Checkbox, Field, FormAlert, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormValues } from "@/lib/validations/form";

export function EditApplicationForm({ id, initial }: { id: string; initial: FormValues }) {
  const form = useActionForm(updateApplicationAction, initial);
  // An unticked checkbox is absent from the echoed values, so read the echo when there is one.
  const finalist =
    form.formKey === "initial" ? initial.wasFinalist === "on" : form.value("wasFinalist") === "on";
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="max-w-xl space-y-5">
      <FormAlert message={form.message} />
      <input type="hidden" name="id" value={id} />
      <Field id="jobTitle" label="Job title" errors={form.errors("jobTitle")}>
        {(control) => (
          <Input {...control} name="jobTitle" required defaultValue={form.value("jobTitle")} />
        )}
      </Field>
      <Field id="postingUrl" label="Job posting (optional)" errors={form.errors("postingUrl")}>
        {(control) => (
          <Input
            {...control}
            name="postingUrl"
            type="url"
            inputMode="url"
            placeholder="https://"
            defaultValue={form.value("postingUrl")}
          />
        )}
      </Field>
      <Field id="appliedOn" label="Applied on" errors={form.errors("appliedOn")}>
        {(control) => (
          <Input {...control} name="appliedOn" type="date" defaultValue={form.value("appliedOn")} />
        )}
      </Field>
      <fieldset className="space-y-3 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-stone-900">How close you came</legend>
        <Checkbox name="wasFinalist" label="I was a finalist" defaultChecked={finalist} />
        <Field
          id="runnerUpRank"
          label="Runner-up rank (optional)"
          errors={form.errors("runnerUpRank")}
          hint="2 if they said you were their second choice."
        >
          {(control) => (
            <Input
              {...control}
              name="runnerUpRank"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              className="max-w-32"
              defaultValue={form.value("runnerUpRank")}
            />
          )}
        </Field>
      </fieldset>
      <Field
        id="feedback"
        label="Feedback received (optional)"
        errors={form.errors("feedback")}
        hint="What they told you about the decision, in their words if you can."
      >
        {(control) => (
          <Textarea {...control} name="feedback" defaultValue={form.value("feedback")} />
        )}
      </Field>
      <Field id="notes" label="Notes (optional)" errors={form.errors("notes")}>
        {(control) => <Textarea {...control} name="notes" defaultValue={form.value("notes")} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">Save changes</SubmitButton>
        <Link
          href={`/applications/${id}`}
          className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium text-stone-700 hover:bg-stone-100"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

"use client";

import { updateSettings } from "@/app/(app)/notes/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const tones = [
  { value: "warm", label: "Warm: friendly and personal" },
  { value: "formal", label: "Formal: courteous, “Dear …”" },
  { value: "brief", label: "Brief: the fewest words that still say it all" },
];

export function SettingsForm({
  initial,
}: {
  initial: { name: string; signature: string; tone: string; cadenceMonths?: string };
}) {
  const form = useActionForm(updateSettings, initial);
  return (
    <form action={form.formAction} key={form.formKey} className="max-w-xl space-y-5" noValidate>
      <FormAlert message={form.message} />
      {form.succeeded ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
          Saved. New drafts use these settings.
        </p>
      ) : null}
      <Field
        id="name"
        label="Your name"
        errors={form.errors("name")}
        hint="How your notes are signed."
      >
        {(control) => (
          <Input {...control} name="name" autoComplete="name" defaultValue={form.value("name")} />
        )}
      </Field>
      <Field
        id="signature"
        label="Signature (optional)"
        errors={form.errors("signature")}
        hint="Replaces your name under emails, e.g. your name, then a line with your portfolio."
      >
        {(control) => (
          <Textarea {...control} name="signature" rows={3} defaultValue={form.value("signature")} />
        )}
      </Field>
      <Field id="tone" label="Tone of your notes" errors={form.errors("tone")}>
        {(control) => (
          <Select {...control} name="tone" defaultValue={form.value("tone")}>
            {tones.map((tone) => (
              <option key={tone.value} value={tone.value}>
                {tone.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id="cadenceMonths"
        label="Follow-up cadence"
        errors={form.errors("cadenceMonths")}
        hint="When to check in after sending a thank-you note, in months after the rejection, separated by commas. Empty means the default: 1, 3, 6, 12. A contact can have their own."
      >
        {(control) => (
          <Input
            {...control}
            name="cadenceMonths"
            autoComplete="off"
            placeholder="1, 3, 6, 12"
            defaultValue={form.value("cadenceMonths")}
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}

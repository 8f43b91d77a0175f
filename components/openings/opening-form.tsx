"use client";

import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState, FormValues } from "@/lib/validations/form";

/**
 * Record or edit an opening. `hidden` carries the company id (new) or the opening id (edit).
 * When the action does not redirect (recording from the company page), the form clears and
 * `successMessage` confirms it.
 */
export function OpeningForm<T>({
  action,
  hidden,
  initial = {},
  submitLabel,
  successMessage,
  cancelHref,
}: {
  action: (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  hidden: Record<string, string>;
  initial?: FormValues;
  submitLabel: string;
  successMessage?: string;
  cancelHref?: string;
}) {
  const form = useActionForm<T>(action, initial);
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="space-y-4">
      <FormAlert message={form.message} />
      {form.succeeded && successMessage ? (
        <p
          role="status"
          className="rounded-lg border border-brand-100 bg-brand-50 p-3 text-sm text-brand-800"
        >
          {successMessage}
        </p>
      ) : null}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Field id="opening-title" label="Job title" errors={form.errors("title")}>
        {(control) => (
          <Input {...control} name="title" required defaultValue={form.value("title")} />
        )}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="opening-location" label="Location" errors={form.errors("location")}>
          {(control) => (
            <Input
              {...control}
              name="location"
              placeholder="City, or Remote"
              defaultValue={form.value("location")}
            />
          )}
        </Field>
        <Field id="opening-seen-on" label="Date seen" errors={form.errors("seenOn")}>
          {(control) => (
            <Input
              {...control}
              name="seenOn"
              type="date"
              required
              defaultValue={form.value("seenOn")}
            />
          )}
        </Field>
      </div>
      <Field id="opening-url" label="Link to the posting" errors={form.errors("url")}>
        {(control) => (
          <Input
            {...control}
            name="url"
            type="url"
            inputMode="url"
            placeholder="https://"
            defaultValue={form.value("url")}
          />
        )}
      </Field>
      <Field
        id="opening-notes"
        label="Notes"
        hint="Who might be hiring for it, and whom you could write to."
        errors={form.errors("notes")}
      >
        {(control) => <Textarea {...control} name="notes" defaultValue={form.value("notes")} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        {cancelHref ? (
          <Button asChild variant="secondary">
            <Link href={cancelHref}>Cancel</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}

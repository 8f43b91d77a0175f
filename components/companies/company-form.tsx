"use client";

import Link from "next/link";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input, Label, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { type CompanyFormState, interestLabels, interestLevels } from "@/lib/validations/companies";
import type { FormValues } from "@/lib/validations/form";

type CompanyAction = (previous: CompanyFormState, formData: FormData) => Promise<CompanyFormState>;

/** Add or edit a company. The action redirects on success; failures keep what was typed. */
export function CompanyForm({
  action,
  initial = {},
  companyId,
  submitLabel,
  cancelHref,
}: {
  action: CompanyAction;
  initial?: FormValues;
  companyId?: string;
  submitLabel: string;
  cancelHref: string;
}) {
  const form = useActionForm<undefined>(action, initial);
  // Only the company actions' own state carries this: the company that already has the name.
  const duplicate = (form.state as CompanyFormState).duplicateOf;
  const nameErrors = form.errors("name");
  return (
    <form
      key={form.formKey}
      action={form.formAction}
      noValidate
      className="max-w-xl space-y-5 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <FormAlert message={form.message} />
      {companyId ? <input type="hidden" name="id" value={companyId} /> : null}

      <div className="space-y-1.5">
        <Label htmlFor="company-name">Name</Label>
        <Input
          id="company-name"
          name="name"
          autoComplete="organization"
          required
          defaultValue={form.value("name")}
          aria-invalid={nameErrors ? true : undefined}
          aria-describedby={nameErrors ? "company-name-error" : undefined}
        />
        {nameErrors ? (
          <p id="company-name-error" className="text-sm font-medium text-red-700">
            {duplicate ? (
              <>
                You already have{" "}
                <Link className="underline underline-offset-2" href={`/companies/${duplicate.id}`}>
                  {duplicate.name}
                </Link>
                . Open it, or use a different name.
              </>
            ) : (
              nameErrors.join(" ")
            )}
          </p>
        ) : null}
      </div>

      <Field id="company-website" label="Website" errors={form.errors("website")}>
        {(control) => (
          <Input
            {...control}
            name="website"
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://example.com"
            defaultValue={form.value("website")}
          />
        )}
      </Field>

      <Field
        id="company-careers"
        label="Careers page"
        hint="Where they post openings, so you can check back."
        errors={form.errors("careersUrl")}
      >
        {(control) => (
          <Input
            {...control}
            name="careersUrl"
            type="url"
            inputMode="url"
            placeholder="https://example.com/careers"
            defaultValue={form.value("careersUrl")}
          />
        )}
      </Field>

      <Field
        id="company-interest"
        label="Your interest in working there"
        hint="The dashboard ranks people at the employers you care about most higher."
        errors={form.errors("interest")}
      >
        {(control) => (
          <Select {...control} name="interest" defaultValue={form.value("interest")}>
            <option value="">Not set</option>
            {interestLevels.map((level) => (
              <option key={level} value={String(level)}>
                {level} – {interestLabels[level]}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field id="company-notes" label="Notes" errors={form.errors("notes")}>
        {(control) => <Textarea {...control} name="notes" defaultValue={form.value("notes")} />}
      </Field>

      <div className="flex flex-wrap gap-2">
        <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
        <Button asChild variant="secondary">
          <Link href={cancelHref}>Cancel</Link>
        </Button>
      </div>
    </form>
  );
}

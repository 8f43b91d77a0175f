"use client";

import Link from "next/link";
import { createApplicationAction } from "@/app/(app)/applications/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CompanyOption } from "@/lib/db/queries/companies";
import { stageOptions } from "./options";

export function NewApplicationForm({
  companies,
  companyId,
  today,
}: {
  companies: CompanyOption[];
  companyId?: string;
  today: string;
}) {
  const form = useActionForm(createApplicationAction, {
    companyId: companyId ?? "",
    stage: "applied",
    appliedOn: today,
  });
  const companyErrors = form.errors("companyId");
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="max-w-xl space-y-5">
      <FormAlert message={form.message} />
      <fieldset
        className="space-y-4 rounded-xl border border-stone-200 bg-white p-4"
        aria-describedby={companyErrors?.length ? "company-error" : undefined}
      >
        <legend className="px-1 text-sm font-semibold text-stone-900">Company</legend>
        {companies.length > 0 ? (
          <Field id="companyId" label="One of your companies">
            {(control) => (
              <Select
                {...control}
                aria-invalid={companyErrors?.length ? true : undefined}
                name="companyId"
                defaultValue={form.value("companyId")}
              >
                <option value="">Choose a company…</option>
                {companies.map((company) => (
                  <option key={company.id} value={company.id}>
                    {company.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ) : null}
        <Field
          id="newCompanyName"
          label={companies.length > 0 ? "or a new company" : "Company name"}
          errors={form.errors("newCompanyName")}
          hint={companies.length > 0 ? "Typing a name you already have reuses it." : undefined}
        >
          {(control) => (
            <Input
              {...control}
              name="newCompanyName"
              autoComplete="organization"
              defaultValue={form.value("newCompanyName")}
            />
          )}
        </Field>
        {companyErrors?.length ? (
          <p id="company-error" className="text-sm font-medium text-red-700">
            {companyErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>

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
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="stage" label="Stage" errors={form.errors("stage")}>
          {(control) => (
            <Select {...control} name="stage" defaultValue={form.value("stage")}>
              {stageOptions.map(([stage, label]) => (
                <option key={stage} value={stage}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="appliedOn" label="Applied on" errors={form.errors("appliedOn")}>
          {(control) => (
            <Input
              {...control}
              name="appliedOn"
              type="date"
              defaultValue={form.value("appliedOn")}
            />
          )}
        </Field>
      </div>
      <Field id="notes" label="Notes (optional)" errors={form.errors("notes")}>
        {(control) => <Textarea {...control} name="notes" defaultValue={form.value("notes")} />}
      </Field>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">Save application</SubmitButton>
        <Link
          href="/applications"
          className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium text-stone-700 hover:bg-stone-100"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

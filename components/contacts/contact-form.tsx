"use client";

import Link from "next/link";
import { createContactAction, updateContactAction } from "@/app/(app)/contacts/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { CompanyOption } from "@/lib/db/queries/companies";
import type { FormValues } from "@/lib/validations/form";

/** New contact (no `contactId`) or edit of an existing one. */
export function ContactForm({
  companies,
  initial = {},
  contactId,
  cancelHref,
}: {
  companies: CompanyOption[];
  initial?: FormValues;
  contactId?: string;
  cancelHref: string;
}) {
  const form = useActionForm(contactId ? updateContactAction : createContactAction, initial);
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="max-w-xl space-y-5">
      <FormAlert message={form.message} />
      {contactId ? <input type="hidden" name="id" value={contactId} /> : null}

      <Field id="fullName" label="Full name" errors={form.errors("fullName")}>
        {(control) => (
          <Input
            {...control}
            name="fullName"
            required
            autoComplete="off"
            defaultValue={form.value("fullName")}
          />
        )}
      </Field>
      <Field
        id="title"
        label="Title"
        errors={form.errors("title")}
        hint="Their job title, like Engineering Manager."
      >
        {(control) => <Input {...control} name="title" defaultValue={form.value("title")} />}
      </Field>

      <fieldset className="space-y-4 rounded-xl border border-stone-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-stone-900">Current company</legend>
        <Field id="companyId" label="Company" errors={form.errors("companyId")}>
          {(control) => (
            <Select {...control} name="companyId" defaultValue={form.value("companyId")}>
              <option value="">No company</option>
              {companies.map((company) => (
                <option key={company.id} value={company.id}>
                  {company.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id="newCompanyName"
          label="or a new company name"
          errors={form.errors("newCompanyName")}
          hint="Used instead of the list when filled in. A name you already have is reused. If they changed employer, their past processes stay on their page."
        >
          {(control) => (
            <Input
              {...control}
              name="newCompanyName"
              autoComplete="off"
              defaultValue={form.value("newCompanyName")}
            />
          )}
        </Field>
      </fieldset>

      <Field id="email" label="Email" errors={form.errors("email")}>
        {(control) => (
          <Input
            {...control}
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            defaultValue={form.value("email")}
          />
        )}
      </Field>
      <Field id="phone" label="Phone" errors={form.errors("phone")}>
        {(control) => (
          <Input
            {...control}
            name="phone"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            defaultValue={form.value("phone")}
          />
        )}
      </Field>
      <Field id="linkedinUrl" label="LinkedIn URL" errors={form.errors("linkedinUrl")}>
        {(control) => (
          <Input
            {...control}
            name="linkedinUrl"
            type="url"
            inputMode="url"
            placeholder="https://www.linkedin.com/in/…"
            defaultValue={form.value("linkedinUrl")}
          />
        )}
      </Field>
      <Field
        id="tags"
        label="Tags"
        errors={form.errors("tags")}
        hint="Separated by commas, like recruiter, agency, design."
      >
        {(control) => <Input {...control} name="tags" defaultValue={form.value("tags")} />}
      </Field>
      <Field id="notes" label="Notes" errors={form.errors("notes")}>
        {(control) => (
          <Textarea {...control} name="notes" rows={5} defaultValue={form.value("notes")} />
        )}
      </Field>
      <Field
        id="cadenceMonths"
        label="Follow-up cadence (months, optional)"
        errors={form.errors("cadenceMonths")}
        hint="Check-ins after a thank-you note, in months after the rejection, like 1, 3, 6, 12. Leave empty to use your setting."
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

      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">
          {contactId ? "Save changes" : "Add contact"}
        </SubmitButton>
        <Link
          href={cancelHref}
          className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium text-stone-700 hover:bg-stone-100"
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}

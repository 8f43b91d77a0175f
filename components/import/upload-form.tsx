"use client";

import { Upload } from "lucide-react";
import { type FormEvent, useState } from "react";
import { uploadImportAction } from "@/app/(app)/contacts/import/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

const MAX_BYTES = 5 * 1024 * 1024;

/**
 * Choose a CSV and send it. The size limit is checked here too, so a big file is refused
 * without waiting for the upload; the server checks everything again.
 */
export function UploadForm() {
  const form = useActionForm(uploadImportAction);
  const [tooBig, setTooBig] = useState<string>();
  const errors = tooBig ? [tooBig] : form.errors("file");

  function check(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("file");
    const file = input instanceof HTMLInputElement ? input.files?.[0] : undefined;
    if (file && file.size > MAX_BYTES) {
      event.preventDefault();
      setTooBig(
        `This file is ${(file.size / (1024 * 1024)).toFixed(1)} MB: the limit is 5 MB (and 10,000 rows). Split it into smaller files and import them one by one.`,
      );
    } else {
      setTooBig(undefined);
    }
  }

  return (
    <form
      key={form.formKey}
      action={form.formAction}
      onSubmit={check}
      noValidate
      className="space-y-4"
      data-testid="import-upload-form"
    >
      <FormAlert message={tooBig ? undefined : form.message} />
      <Field
        id="import-file"
        label="CSV file"
        errors={errors}
        hint="LinkedIn’s Connections.csv, or any CSV with a header row. Up to 5 MB and 10,000 rows."
      >
        {(control) => (
          <input
            {...control}
            type="file"
            name="file"
            accept=".csv,text/csv,text/plain"
            className="block min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 file:mr-3 file:min-h-9 file:rounded-md file:border-0 file:bg-stone-100 file:px-3 file:text-sm file:font-medium file:text-stone-900"
          />
        )}
      </Field>
      <SubmitButton pendingLabel="Reading the file…">
        <Upload aria-hidden="true" className="size-4" />
        Upload and preview
      </SubmitButton>
    </form>
  );
}

"use client";

import { RefreshCw } from "lucide-react";
import type { FormEvent } from "react";
import { saveImportMappingAction } from "@/app/(app)/contacts/import/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { IMPORT_FIELD_LABELS, IMPORT_FIELDS, type ImportField } from "@/lib/csv/guess-mapping";
import { useImportReview } from "./review-state";

export type MappingColumn = { index: number; name: string; field: ImportField; samples: string[] };

/**
 * One choice per column of the file: which contact field it fills, or Ignore. A table on wide
 * screens, a card per column on a phone (same markup, laid out by the grid).
 */
export function MappingForm({
  batchId,
  columns,
  locked,
}: {
  batchId: string;
  columns: MappingColumn[];
  /** LinkedIn's columns are known: the form still lets the user change them. */
  locked?: boolean;
}) {
  const form = useActionForm(saveImportMappingAction);
  const { mappingChanged, setMappingChanged } = useImportReview();
  const echoed = form.state.status === "invalid" || form.state.status === "error";
  // Repeated "field" values come back joined by newlines.
  const echoedFields = echoed ? form.value("field").split("\n") : [];
  const current = (column: MappingColumn) =>
    (echoedFields[column.index] as ImportField | undefined) ?? column.field;

  function onChange(event: FormEvent<HTMLFormElement>) {
    const selects = event.currentTarget.querySelectorAll<HTMLSelectElement>("select[name=field]");
    const changed = [...selects].some((select, index) => select.value !== columns[index]?.field);
    setMappingChanged(changed);
  }

  return (
    <form
      key={form.formKey}
      action={form.formAction}
      onChange={onChange}
      noValidate
      className="space-y-4"
      data-testid="import-mapping-form"
    >
      <input type="hidden" name="batchId" value={batchId} />
      <FormAlert message={form.message} />
      {locked ? (
        <p className="text-sm text-stone-700">
          LinkedIn’s columns are mapped for you. Change a choice only if you want to leave something
          out.
        </p>
      ) : null}
      <div className="overflow-hidden rounded-xl border border-stone-200 bg-white">
        <div
          aria-hidden="true"
          className="hidden grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_14rem] gap-4 border-b border-stone-200 bg-stone-50 px-4 py-2 text-xs font-medium tracking-wide text-stone-600 uppercase sm:grid"
        >
          <span>Column in the file</span>
          <span>First values</span>
          <span>Import as</span>
        </div>
        <ul className="divide-y divide-stone-200">
          {columns.map((column) => {
            const id = `import-column-${column.index}`;
            return (
              <li
                key={column.index}
                className="grid gap-2 p-4 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.4fr)_14rem] sm:items-center sm:gap-4 sm:py-2"
              >
                <label htmlFor={id} className="min-w-0 font-medium wrap-anywhere text-stone-900">
                  {column.name}
                </label>
                <p className="min-w-0 text-sm wrap-anywhere text-stone-600">
                  {column.samples.length > 0 ? (
                    column.samples.join(" · ")
                  ) : (
                    <span className="italic">empty</span>
                  )}
                </p>
                <Select id={id} name="field" defaultValue={current(column)}>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {IMPORT_FIELD_LABELS[field]}
                    </option>
                  ))}
                </Select>
              </li>
            );
          })}
        </ul>
      </div>
      <p className="text-sm text-stone-600">
        When several columns are set to the same field, the first one with a value is used; tags and
        notes from several columns are combined.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant={mappingChanged ? "primary" : "secondary"} pendingLabel="Updating…">
          <RefreshCw aria-hidden="true" className="size-4" />
          Update preview
        </SubmitButton>
        {mappingChanged ? (
          <p role="status" className="text-sm font-medium text-amber-800">
            You changed the columns: update the preview to see the result.
          </p>
        ) : null}
      </div>
    </form>
  );
}

"use client";

import { Import } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { confirmImportAction } from "@/app/(app)/contacts/import/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { DUPLICATE_REASON_TEXT, type DuplicateReason } from "@/lib/csv/import-text";
import { useImportReview } from "./review-state";
import { countText } from "./words";

export type DuplicateItem = {
  line: number;
  fullName: string;
  detail: string;
  reason: DuplicateReason;
  target:
    | { kind: "existing"; id: string; fullName: string; detail: string }
    | { kind: "row"; line: number; fullName: string };
};

/**
 * The confirmation: a Merge / Skip choice for each duplicate (Skip unless the user says
 * otherwise), what will happen in numbers, and the button that imports exactly that.
 */
export function ConfirmImportForm({
  batchId,
  mappingKey,
  newCount,
  duplicateCount,
  problemCount,
  duplicates,
  hasName,
}: {
  batchId: string;
  mappingKey: string;
  newCount: number;
  duplicateCount: number;
  problemCount: number;
  duplicates: DuplicateItem[];
  hasName: boolean;
}) {
  const form = useActionForm(confirmImportAction);
  const { mappingChanged } = useImportReview();
  const unlisted = duplicateCount - duplicates.length;
  const initialChoice = (line: number) =>
    form.value(`row-${line}`) === "merge" ? "merge" : "skip";
  const [merges, setMerges] = useState(
    () => duplicates.filter((item) => initialChoice(item.line) === "merge").length,
  );
  const [othersMerge, setOthersMerge] = useState(form.value("otherDuplicates") === "merge");

  function onChange(event: FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    setMerges(duplicates.filter((item) => data.get(`row-${item.line}`) === "merge").length);
    setOthersMerge(data.get("otherDuplicates") === "merge");
  }

  const merged = merges + (othersMerge ? unlisted : 0);
  const skipped = duplicateCount - merged;
  const nothingToDo = newCount === 0 && merged === 0;
  const blocked = !hasName || mappingChanged || nothingToDo;

  return (
    <form
      key={form.formKey}
      action={form.formAction}
      onChange={onChange}
      noValidate
      className="space-y-6"
      data-testid="import-confirm-form"
    >
      <input type="hidden" name="batchId" value={batchId} />
      <input type="hidden" name="mappingKey" value={mappingKey} />

      {duplicates.length > 0 ? (
        <section aria-labelledby="duplicates-heading" className="space-y-3">
          <h2 id="duplicates-heading" className="text-lg font-semibold">
            Possible duplicates ({duplicateCount.toLocaleString("en-US")})
          </h2>
          <p className="text-sm text-stone-700">
            These rows look like people you already have, or like an earlier row of the file. They
            are skipped unless you choose Merge: merging fills the other record’s blank fields and
            adds the tags, and never overwrites what is already there.
          </p>
          <ul className="space-y-3">
            {duplicates.map((item) => (
              <li key={item.line} className="rounded-xl border border-stone-200 bg-white p-4">
                <fieldset>
                  <legend className="text-sm text-stone-900">
                    <span className="font-medium">
                      Line {item.line}: {item.fullName}
                    </span>
                    {item.detail ? (
                      <span className="block wrap-anywhere text-stone-600">{item.detail}</span>
                    ) : null}
                    <span className="mt-1 block text-stone-700">
                      {DUPLICATE_REASON_TEXT[item.reason]} as{" "}
                      {item.target.kind === "existing" ? (
                        <>
                          <Link
                            href={`/contacts/${item.target.id}`}
                            className="font-medium text-brand-700 underline underline-offset-2"
                            target="_blank"
                          >
                            {item.target.fullName}
                          </Link>{" "}
                          (already in your contacts
                          {item.target.detail ? `: ${item.target.detail}` : ""})
                        </>
                      ) : (
                        <>
                          line {item.target.line} of this file ({item.target.fullName})
                        </>
                      )}
                    </span>
                  </legend>
                  <div className="mt-3 grid gap-2 sm:grid-cols-2">
                    <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-stone-200 px-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50">
                      <input
                        type="radio"
                        name={`row-${item.line}`}
                        value="skip"
                        defaultChecked={initialChoice(item.line) === "skip"}
                        className="size-5 shrink-0 accent-brand-700"
                      />
                      Skip this row
                    </label>
                    <label className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-stone-200 px-3 text-sm has-checked:border-brand-600 has-checked:bg-brand-50">
                      <input
                        type="radio"
                        name={`row-${item.line}`}
                        value="merge"
                        defaultChecked={initialChoice(item.line) === "merge"}
                        className="size-5 shrink-0 accent-brand-700"
                      />
                      Merge into{" "}
                      {item.target.kind === "existing"
                        ? "the existing contact"
                        : `line ${item.target.line}`}
                    </label>
                  </div>
                </fieldset>
              </li>
            ))}
          </ul>
          {unlisted > 0 ? (
            <div className="space-y-1.5 rounded-xl border border-stone-200 bg-white p-4">
              <label
                htmlFor="other-duplicates"
                className="block text-sm font-medium text-stone-800"
              >
                The other {countText(unlisted, "duplicate")} (not listed above)
              </label>
              <Select
                id="other-duplicates"
                name="otherDuplicates"
                defaultValue={othersMerge ? "merge" : "skip"}
              >
                <option value="skip">Skip them</option>
                <option value="merge">Merge them</option>
              </Select>
            </div>
          ) : null}
        </section>
      ) : null}

      <section
        aria-labelledby="import-summary-heading"
        className="space-y-3 rounded-2xl border border-brand-200 bg-brand-50 p-4 sm:p-6"
      >
        <h2 id="import-summary-heading" className="text-lg font-semibold">
          Import
        </h2>
        <FormAlert message={form.message} />
        <p className="text-sm text-stone-800" data-testid="import-plan">
          Adds {countText(newCount, "new contact")}, merges {merged.toLocaleString("en-US")}, skips{" "}
          {countText(skipped, "duplicate")}
          {problemCount > 0
            ? `; ${countText(problemCount, "row")} with problems ${problemCount === 1 ? "is" : "are"} left out`
            : ""}
          . Everything is written at once, or nothing is.
        </p>
        {!hasName ? (
          <p className="text-sm font-medium text-red-800">
            Choose the column with the name first (Full name, or First name and Last name).
          </p>
        ) : mappingChanged ? (
          <p className="text-sm font-medium text-amber-800">
            Update the preview first, so you import what you see.
          </p>
        ) : null}
        <SubmitButton
          pendingLabel="Importing…"
          {...(blocked ? { disabled: true, "aria-disabled": true } : {})}
        >
          <Import aria-hidden="true" className="size-4" />
          Import {countText(newCount + merged, "contact")}
        </SubmitButton>
      </section>
    </form>
  );
}

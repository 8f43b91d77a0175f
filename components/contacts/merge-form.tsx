"use client";

import { mergeContactsAction } from "@/app/(app)/contacts/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export type MergeCandidate = {
  id: string;
  fullName: string;
  /** "Title · Company", already joined. */
  detail: string;
  email: string | null;
  interactionCount: number;
  lastContacted: string;
  added: string;
  isSample: boolean;
};

/**
 * Pick the record to keep; every other one in the group is merged into it (its interactions,
 * notes, follow-ups and processes move over, blank fields are filled, tags are united).
 */
export function MergeForm({
  candidates,
  defaultKeepId,
  legend,
}: {
  candidates: MergeCandidate[];
  defaultKeepId: string;
  legend: string;
}) {
  const form = useActionForm(mergeContactsAction, { keepId: defaultKeepId });
  const errors = [...(form.errors("keepId") ?? []), ...(form.errors("ids") ?? [])];
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="space-y-4">
      <FormAlert message={form.message} />
      {candidates.map((candidate) => (
        <input key={candidate.id} type="hidden" name="ids" value={candidate.id} />
      ))}
      <fieldset className="space-y-2">
        <legend className="mb-2 text-sm font-medium text-stone-800">{legend}</legend>
        {candidates.map((candidate) => (
          <label
            key={candidate.id}
            className="flex min-h-11 cursor-pointer gap-3 rounded-xl border border-stone-200 bg-white p-3 has-checked:border-brand-600 has-checked:bg-brand-50"
          >
            <input
              type="radio"
              name="keepId"
              value={candidate.id}
              defaultChecked={form.value("keepId") === candidate.id}
              className="mt-1 size-5 shrink-0 accent-brand-700"
            />
            <span className="min-w-0 text-sm">
              <span className="block font-medium text-stone-900">
                Keep {candidate.fullName}
                {candidate.isSample ? (
                  <span className="ml-2 text-xs font-normal text-stone-600">(sample)</span>
                ) : null}
              </span>
              {candidate.detail ? (
                <span className="block text-stone-700">{candidate.detail}</span>
              ) : null}
              <span className="block wrap-anywhere text-stone-600">
                {[
                  candidate.email,
                  `${candidate.interactionCount} ${candidate.interactionCount === 1 ? "interaction" : "interactions"}`,
                  `last contacted ${candidate.lastContacted}`,
                  `added ${candidate.added}`,
                ]
                  .filter(Boolean)
                  .join(" · ")}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {errors.length ? (
        <p className="text-sm font-medium text-red-700">{errors.join(" ")}</p>
      ) : null}
      <p className="text-sm text-stone-600">
        The{" "}
        {candidates.length - 1 === 1
          ? "other record is"
          : `other ${candidates.length - 1} records are`}{" "}
        merged into the one you keep: every interaction, note, follow-up and hiring process moves
        over, its empty fields are filled from the others, tags are combined, and then the other{" "}
        {candidates.length - 1 === 1 ? "record is" : "records are"} deleted.
      </p>
      <SubmitButton pendingLabel="Merging…">Merge {candidates.length} records</SubmitButton>
    </form>
  );
}

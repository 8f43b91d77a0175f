"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { markSent, recordOutcome } from "@/app/(app)/notes/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { outcomeLabels } from "@/lib/labels";

/** Mark a draft as sent (logs it and schedules the follow-ups), then record what came of it. */
export function SendPanel({
  noteId,
  status,
  sentOn,
  outcome,
  today,
}: {
  noteId: string;
  status: "draft" | "sent";
  sentOn: string | null;
  outcome: keyof typeof outcomeLabels | null;
  today: string;
}) {
  const router = useRouter();
  const send = useActionForm(markSent, { sentOn: today });
  const result = useActionForm(recordOutcome, { outcome: outcome ?? "" });
  useEffect(() => {
    if (send.succeeded || result.succeeded) router.refresh();
  }, [send.succeeded, result.succeeded, router]);

  if (status === "draft") {
    return (
      <form action={send.formAction} key={send.formKey} className="space-y-3" noValidate>
        <input type="hidden" name="id" value={noteId} />
        <FormAlert message={send.message} />
        <div className="flex flex-wrap items-end gap-3">
          <Field id={`sent-on-${noteId}`} label="Sent on" errors={send.errors("sentOn")}>
            {(control) => (
              <Input
                {...control}
                type="date"
                name="sentOn"
                max={today}
                defaultValue={send.value("sentOn")}
              />
            )}
          </Field>
          <SubmitButton pendingLabel="Saving…">Mark as sent</SubmitButton>
        </div>
        <p className="text-sm text-stone-600">
          Logs the note on their timeline and schedules check-ins over the coming months.
        </p>
      </form>
    );
  }
  return (
    <form action={result.formAction} key={result.formKey} className="space-y-3" noValidate>
      <input type="hidden" name="id" value={noteId} />
      <p className="text-sm font-medium text-brand-800" data-testid="sent-state">
        Sent{sentOn ? ` on ${sentOn}` : ""}. Follow-ups are scheduled.
      </p>
      <FormAlert message={result.message} />
      <div className="flex flex-wrap items-end gap-3">
        <Field id={`outcome-${noteId}`} label="What came of it" errors={result.errors("outcome")}>
          {(control) => (
            <Select {...control} name="outcome" defaultValue={result.value("outcome")}>
              <option value="" disabled>
                Choose…
              </option>
              {Object.entries(outcomeLabels).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save outcome
        </SubmitButton>
      </div>
    </form>
  );
}

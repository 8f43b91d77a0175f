"use client";

import { createFollowUpAction } from "@/app/(app)/dashboard/follow-up-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatCalendarDay } from "@/lib/calendar-day";

/** On a contact's page: plan a next step with them by hand (a date and what it is about). */
export function AddFollowUpForm({
  contactId,
  defaultDueOn,
}: {
  contactId: string;
  /** Suggested date, "YYYY-MM-DD" (a week from today). */
  defaultDueOn: string;
}) {
  const form = useActionForm(createFollowUpAction, { dueOn: defaultDueOn });
  const added = form.state.status === "success" ? form.state.data : undefined;
  // After adding one, a fresh key clears the fields for the next.
  const key = `${form.formKey}-${added?.id ?? ""}`;
  return (
    <form key={key} action={form.formAction} noValidate className="space-y-4">
      <FormAlert message={form.message} />
      {added ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
          Follow-up added for {formatCalendarDay(added.dueOn)}.
        </p>
      ) : null}
      <input type="hidden" name="contactId" value={contactId} />
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field id="new-follow-up-due" label="When" errors={form.errors("dueOn")}>
          {(control) => (
            <Input
              {...control}
              name="dueOn"
              type="date"
              required
              defaultValue={form.value("dueOn")}
            />
          )}
        </Field>
        <Field
          id="new-follow-up-reason"
          label="What about"
          errors={form.errors("reason")}
          hint="Like “Ask how the new team is settling in” or “Congratulate them on the launch”."
        >
          {(control) => (
            <Input
              {...control}
              name="reason"
              required
              maxLength={300}
              autoComplete="off"
              defaultValue={form.value("reason")}
            />
          )}
        </Field>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add follow-up
      </SubmitButton>
    </form>
  );
}

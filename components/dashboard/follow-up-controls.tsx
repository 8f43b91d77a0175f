"use client";

import { Check, Clock, SkipForward } from "lucide-react";
import {
  completeFollowUpAction,
  skipFollowUpAction,
  snoozeFollowUpAction,
} from "@/app/(app)/dashboard/follow-up-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatCalendarDay } from "@/lib/calendar-day";

/**
 * Done, snooze (+1 week, +1 month) and skip for one open follow-up: a small form per button, so
 * each works without JavaScript and shows its own pending state. `what` names the follow-up for
 * screen readers ("Check in (Dana Whitfield)"). Snoozing an overdue step counts from today.
 */
export function FollowUpControls({ id, what }: { id: string; what: string }) {
  const done = useActionForm(completeFollowUpAction);
  const snooze = useActionForm(snoozeFollowUpAction);
  const skip = useActionForm(skipFollowUpAction);
  const message = done.message ?? snooze.message ?? skip.message;
  const snoozedTo =
    snooze.state.status === "success" ? snooze.state.data.followUp.dueOn : undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <form action={done.formAction} noValidate>
          <input type="hidden" name="id" value={id} />
          <SubmitButton size="compact">
            <Check aria-hidden="true" className="size-4" />
            Done
            <span className="sr-only">: {what}</span>
          </SubmitButton>
        </form>
        {(["week", "month"] as const).map((by) => (
          <form key={by} action={snooze.formAction} noValidate>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="by" value={by} />
            <SubmitButton variant="secondary" size="compact">
              {by === "week" ? <Clock aria-hidden="true" className="size-4" /> : null}
              +1 {by}
              <span className="sr-only">: snooze {what}</span>
            </SubmitButton>
          </form>
        ))}
        <form action={skip.formAction} noValidate>
          <input type="hidden" name="id" value={id} />
          <SubmitButton variant="ghost" size="compact">
            <SkipForward aria-hidden="true" className="size-4" />
            Skip
            <span className="sr-only">: {what}</span>
          </SubmitButton>
        </form>
      </div>
      {snoozedTo ? (
        <p role="status" className="text-sm text-stone-600">
          Snoozed to {formatCalendarDay(snoozedTo)}.
        </p>
      ) : null}
      <FormAlert message={message} />
    </div>
  );
}

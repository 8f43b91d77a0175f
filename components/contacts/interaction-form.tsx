"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { createInteractionAction, updateInteractionAction } from "@/app/(app)/contacts/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { offsetForLocalValue, toLocalInputValue } from "@/lib/contacts/datetime";
import type { ApplicationOption } from "@/lib/db/queries/applications";
import type { InteractionKind } from "@/lib/db/schema";
import { interactionLabels } from "@/lib/labels";
import type { FormValues } from "@/lib/validations/form";

// From the labels (type-only schema import) so the client bundle does not pull in drizzle.
const kinds = Object.keys(interactionLabels) as InteractionKind[];

type Props = {
  applications: ApplicationOption[];
  /** The server's rendering of the moment (its own zone); replaced by the browser's after load. */
  occurredAtIso: string;
  cancelHref?: string;
} & (
  | { mode: "create"; contactId: string; initial?: FormValues }
  | { mode: "edit"; interactionId: string; initial: FormValues }
);

/**
 * Log or edit one interaction. The date and time are typed in the user's own zone; a hidden
 * field carries the browser's UTC offset for that date so the server stores the right moment.
 */
export function InteractionForm(props: Props) {
  // The edit action redirects (it never returns data), so one state type serves both.
  const action = (
    props.mode === "create" ? createInteractionAction : updateInteractionAction
  ) as typeof createInteractionAction;
  const form = useActionForm(action, props.initial ?? {});
  const echoed = form.formKey !== "initial";
  const savedId = form.state.status === "success" ? form.state.data.id : undefined;

  // Server render: the server's clock and zone. After hydration: the browser's, and its offset.
  const [localDefault, setLocalDefault] = useState(() =>
    toLocalInputValue(new Date(props.occurredAtIso), 0),
  );
  const [offset, setOffset] = useState("");
  useEffect(() => {
    const local = toLocalInputValue(new Date(props.occurredAtIso));
    setLocalDefault(local);
    setOffset(offsetForLocalValue(local));
  }, [props.occurredAtIso]);
  // After logging one, the cleared form starts again from "now".
  useEffect(() => {
    if (!savedId) return;
    const local = toLocalInputValue(new Date());
    setLocalDefault(local);
    setOffset(offsetForLocalValue(local));
  }, [savedId]);

  // On a failed submit the typed value comes back; the offset state still matches it.
  const occurredAt = echoed ? form.value("occurredAt") : localDefault;
  // The inputs are uncontrolled: a new key re-mounts them when the default moment changes
  // (hydration in another zone, or "now" again after a successful log, which also clears them).
  const key = `${form.formKey}-${savedId ?? ""}-${echoed ? "" : localDefault}`;
  const prefix = props.mode === "create" ? "new-interaction" : "interaction";

  return (
    <form key={key} action={form.formAction} noValidate className="space-y-4">
      <FormAlert message={form.message} />
      {savedId ? (
        <p role="status" className="rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
          Logged. You will find it in the timeline below.
        </p>
      ) : null}
      {props.mode === "create" ? (
        <input type="hidden" name="contactId" value={props.contactId} />
      ) : (
        <input type="hidden" name="id" value={props.interactionId} />
      )}
      <input type="hidden" name="timezoneOffset" value={offset} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${prefix}-kind`} label="What happened" errors={form.errors("kind")}>
          {(control) => (
            <Select {...control} name="kind" defaultValue={form.value("kind") || "call"}>
              {kinds.map((kind) => (
                <option key={kind} value={kind}>
                  {interactionLabels[kind]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={`${prefix}-occurredAt`} label="Date and time" errors={form.errors("occurredAt")}>
          {(control) => (
            <Input
              {...control}
              name="occurredAt"
              type="datetime-local"
              defaultValue={occurredAt}
              onChange={(event) => setOffset(offsetForLocalValue(event.currentTarget.value))}
            />
          )}
        </Field>
      </div>
      <Field
        id={`${prefix}-summary`}
        label="Summary"
        errors={form.errors("summary")}
        hint="What you talked about: it helps write a personal note later."
      >
        {(control) => (
          <Textarea {...control} name="summary" rows={3} defaultValue={form.value("summary")} />
        )}
      </Field>
      <Field
        id={`${prefix}-applicationId`}
        label="Hiring process (optional)"
        errors={form.errors("applicationId")}
      >
        {(control) => (
          <Select {...control} name="applicationId" defaultValue={form.value("applicationId")}>
            <option value="">None</option>
            {props.applications.map((application) => (
              <option key={application.id} value={application.id}>
                {application.label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <div className="flex flex-wrap gap-3">
        <SubmitButton pendingLabel="Saving…">
          {props.mode === "create" ? "Log interaction" : "Save changes"}
        </SubmitButton>
        {props.cancelHref ? (
          <Link
            href={props.cancelHref}
            className="inline-flex min-h-11 items-center rounded-lg px-4 text-sm font-medium text-stone-700 hover:bg-stone-100"
          >
            Cancel
          </Link>
        ) : null}
      </div>
    </form>
  );
}

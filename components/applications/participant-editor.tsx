"use client";

import { updateParticipantAction } from "@/app/(app)/applications/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Select, Textarea } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ParticipantRole } from "@/lib/db/schema";
import { roleOptions } from "./options";

/** Edit one person's role in this process and what was discussed with them. */
export function ParticipantEditor({
  applicationId,
  participantId,
  name,
  role,
  discussed,
}: {
  applicationId: string;
  participantId: string;
  name: string;
  role: ParticipantRole;
  discussed: string | null;
}) {
  const form = useActionForm(updateParticipantAction, { role, discussed: discussed ?? "" });
  const prefix = `participant-${participantId}`;
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="space-y-3">
      <FormAlert message={form.message} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="participantId" value={participantId} />
      <Field id={`${prefix}-role`} label={`${name}’s role`} errors={form.errors("role")}>
        {(control) => (
          <Select {...control} name="role" defaultValue={form.value("role")}>
            {roleOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={`${prefix}-discussed`}
        label="What you discussed"
        errors={form.errors("discussed")}
        hint="A detail from the conversation makes the thank-you note personal."
      >
        {(control) => (
          <Textarea {...control} name="discussed" defaultValue={form.value("discussed")} />
        )}
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Saving…">
          Save
        </SubmitButton>
        {form.succeeded ? (
          <p role="status" className="text-sm text-brand-800">
            Saved.
          </p>
        ) : null}
      </div>
    </form>
  );
}

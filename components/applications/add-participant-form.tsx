"use client";

import { addParticipantAction } from "@/app/(app)/applications/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleOptions } from "./options";

/** "Add as <role>": puts an existing contact into this process, with no duplicate contact. */
export function AddParticipantForm({
  applicationId,
  contactId,
  name,
}: {
  applicationId: string;
  contactId: string;
  name: string;
}) {
  const form = useActionForm(addParticipantAction, { role: "interviewer" });
  const selectId = `add-role-${contactId}`;
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="space-y-2">
      <FormAlert message={form.message} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="contactId" value={contactId} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-40 flex-1 space-y-1.5">
          <label htmlFor={selectId} className="block text-sm font-medium text-stone-800">
            Add {name} as
          </label>
          <Select id={selectId} name="role" defaultValue={form.value("role")}>
            {roleOptions.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </div>
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add to this process
        </SubmitButton>
      </div>
    </form>
  );
}

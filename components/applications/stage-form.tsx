"use client";

import { changeStageAction } from "@/app/(app)/applications/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Field, FormAlert, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ApplicationStage } from "@/lib/db/schema";
import { stageOptions } from "./options";

/** Move the application along (or mark it rejected), dated today unless told otherwise. */
export function StageForm({
  id,
  stage,
  today,
}: {
  id: string;
  stage: ApplicationStage;
  today: string;
}) {
  const form = useActionForm(changeStageAction, { stage, changedOn: today });
  return (
    <form key={form.formKey} action={form.formAction} noValidate className="space-y-3">
      <FormAlert message={form.message} />
      <input type="hidden" name="id" value={id} />
      <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <Field id="stage-select" label="New stage" errors={form.errors("stage")}>
          {(control) => (
            <Select {...control} name="stage" defaultValue={form.value("stage")}>
              {stageOptions.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="stage-date" label="On" errors={form.errors("changedOn")}>
          {(control) => (
            <Input
              {...control}
              name="changedOn"
              type="date"
              defaultValue={form.value("changedOn")}
            />
          )}
        </Field>
        <SubmitButton pendingLabel="Saving…">Change stage</SubmitButton>
      </div>
    </form>
  );
}

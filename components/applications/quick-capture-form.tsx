"use client";

import { Plus } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { quickCaptureAction } from "@/app/(app)/applications/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox, Field, FormAlert, Input, Select } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ParticipantRole } from "@/lib/db/schema";
import { roleOptions } from "./options";

const START_ROWS = 3;

/** Rows the echoed values use, so a failed submit shows every row that was typed in. */
function echoedRowCount(values: Record<string, string> | undefined): number {
  let count = 0;
  for (const key of Object.keys(values ?? {})) {
    const match = /^people\.(\d+)\./.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return count;
}

/**
 * Everyone met in an interview, typed with a thumb right after it: a few rows of name, role,
 * one line about the conversation and an optional email, plus the interview itself.
 */
export function QuickCaptureForm({
  applicationId,
  today,
  maxRows,
  defaultRole,
}: {
  applicationId: string;
  today: string;
  /** From the validation schema, passed in so the browser bundle does not import it. */
  maxRows: number;
  defaultRole: ParticipantRole;
}) {
  const form = useActionForm(quickCaptureAction, {
    logInterview: "on",
    interviewOn: today,
  });
  const echoed =
    form.state.status === "invalid" || form.state.status === "error"
      ? form.state.values
      : undefined;
  const [rows, setRows] = useState(START_ROWS);
  const rowCount = Math.min(maxRows, Math.max(rows, echoedRowCount(echoed)));
  const focusRow = useRef<number | null>(null);

  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(`people-${focusRow.current}-name`)?.focus();
    focusRow.current = null;
  });

  const peopleError = form.errors("people");
  const logInterview = echoed ? echoed.logInterview === "on" : true;

  return (
    <form key={form.formKey} action={form.formAction} noValidate className="space-y-6">
      <FormAlert message={form.message} />
      <input type="hidden" name="applicationId" value={applicationId} />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold">Who did you meet?</legend>
        {peopleError?.length ? (
          <p className="text-sm font-medium text-red-700" role="alert">
            {peopleError.join(" ")}
          </p>
        ) : null}
        {Array.from({ length: rowCount }, (_, index) => {
          const name = (field: string) => `people.${index}.${field}`;
          const id = (field: string) => `people-${index}-${field}`;
          return (
            <fieldset
              // Rows are only ever appended, so the index is a stable identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={index}
              className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4"
              data-testid="capture-row"
            >
              <legend className="px-1 text-sm font-semibold text-stone-700">
                Person {index + 1}
              </legend>
              <Field id={id("name")} label="Name" errors={form.errors(name("name"))}>
                {(control) => (
                  <Input
                    {...control}
                    name={name("name")}
                    autoComplete="off"
                    autoCapitalize="words"
                    enterKeyHint="next"
                    className="min-h-12"
                    defaultValue={form.value(name("name"))}
                  />
                )}
              </Field>
              <Field id={id("role")} label="Role" errors={form.errors(name("role"))}>
                {(control) => (
                  <Select
                    {...control}
                    name={name("role")}
                    className="min-h-12"
                    defaultValue={form.value(name("role")) || defaultRole}
                  >
                    {roleOptions.map(([role, label]) => (
                      <option key={role} value={role}>
                        {label}
                      </option>
                    ))}
                  </Select>
                )}
              </Field>
              <Field
                id={id("discussed")}
                label="What you talked about (one line)"
                errors={form.errors(name("discussed"))}
              >
                {(control) => (
                  <Input
                    {...control}
                    name={name("discussed")}
                    autoComplete="off"
                    enterKeyHint="next"
                    className="min-h-12"
                    defaultValue={form.value(name("discussed"))}
                  />
                )}
              </Field>
              <Field id={id("email")} label="Email (optional)" errors={form.errors(name("email"))}>
                {(control) => (
                  <Input
                    {...control}
                    name={name("email")}
                    type="email"
                    inputMode="email"
                    autoComplete="off"
                    autoCapitalize="none"
                    className="min-h-12"
                    defaultValue={form.value(name("email"))}
                  />
                )}
              </Field>
            </fieldset>
          );
        })}
        {rowCount < maxRows ? (
          <Button
            type="button"
            variant="secondary"
            className="min-h-12 w-full text-base"
            onClick={() => {
              focusRow.current = rowCount;
              setRows(rowCount + 1);
            }}
          >
            <Plus aria-hidden="true" className="size-5" />
            Add another person
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4">
        <legend className="px-1 text-lg font-semibold">Log the interview</legend>
        <Checkbox
          name="logInterview"
          label="Also log an interview today with everyone above"
          defaultChecked={logInterview}
        />
        <Field id="interviewOn" label="Date" errors={form.errors("interviewOn")}>
          {(control) => (
            <Input
              {...control}
              name="interviewOn"
              type="date"
              className="min-h-12"
              defaultValue={form.value("interviewOn")}
            />
          )}
        </Field>
        <Field
          id="interviewSummary"
          label="One-line summary (optional)"
          errors={form.errors("interviewSummary")}
        >
          {(control) => (
            <Input
              {...control}
              name="interviewSummary"
              autoComplete="off"
              className="min-h-12"
              defaultValue={form.value("interviewSummary")}
            />
          )}
        </Field>
      </fieldset>

      <SubmitButton size="large" className="w-full" pendingLabel="Saving…">
        Save everyone
      </SubmitButton>
    </form>
  );
}

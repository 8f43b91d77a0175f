"use client";

import { useActionState } from "react";
import { type ActionState, type FormValues, idle } from "@/lib/validations/form";

type Action<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * useActionState plus the helpers every form needs: what the user typed last time (so a failed
 * submit loses nothing), field errors, and the form-level message.
 *
 * `initial` holds the record's current values for edit forms. Use `key={form.formKey}` on the
 * <form> (or on fields) so React re-mounts inputs with the echoed values after a failed submit.
 */
export function useActionForm<T>(action: Action<T>, initial: FormValues = {}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, idle);
  const echoed = state.status === "invalid" || state.status === "error" ? state.values : undefined;
  const values = echoed ?? initial;
  const fieldErrors = state.status === "invalid" ? state.fieldErrors : {};
  return {
    state,
    formAction,
    pending,
    /** The value to show in a field: what was typed on a failed submit, else the record's. */
    value: (name: string) => values[name] ?? "",
    errors: (name: string) => fieldErrors[name],
    message: state.status === "error" || state.status === "invalid" ? state.message : undefined,
    succeeded: state.status === "success",
    /** Changes whenever new values are echoed, so uncontrolled inputs pick them up. */
    formKey: echoed ? JSON.stringify(echoed) : "initial",
  };
}

export type ActionFormValues = FormValues;

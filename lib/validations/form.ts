import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";

// The discriminated result every server action returns, consumed with useActionState.
// `values` echoes what the user typed (never passwords) so a form re-renders with it intact.

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string[] | undefined>;

export type ActionState<T = undefined> =
  | { status: "idle" }
  | { status: "success"; data: T; message?: string }
  | { status: "invalid"; message: string; fieldErrors: FieldErrors; values: FormValues }
  | { status: "error"; code: ErrorCode; message: string; values: FormValues };

export const idle = { status: "idle" } as const;

/** Echoable values: strings only, and never a password. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    values[key] = key in values ? `${values[key]}\n${value}` : value;
  }
  return values;
}

/** FormData → plain object; a key sent several times becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const existing = object[key];
    if (existing === undefined) object[key] = value;
    else object[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return object;
}

export type Parsed<T> = { ok: true; data: T } | { ok: false; state: ActionState<never> };

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): Parsed<z.output<S>> {
  const parsed = schema.safeParse(formDataToObject(formData));
  if (parsed.success) return { ok: true, data: parsed.data };
  return {
    ok: false,
    state: {
      status: "invalid",
      message: "Please check the highlighted fields.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as FieldErrors,
      values: formValues(formData),
    },
  };
}

import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { SessionUser } from "@/lib/db/queries/users";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { AppError, userMessageFor } from "@/lib/errors";
import { type ActionState, formValues, parseForm } from "@/lib/validations/form";
import { currentUser } from "./current-user";

/**
 * The one wrapper for server actions: authenticate first, then validate the form with zod,
 * then run `fn` with the signed-in user. Failures come back as a discriminated state with what
 * the user typed; unexpected errors are logged in full and shown as a safe message.
 * `fn` may call redirect(); that passes through.
 */
export function withUser<S extends z.ZodType, T = undefined>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<T>,
) {
  return async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    let user: SessionUser | null;
    try {
      user = await currentUser();
    } catch (error) {
      return failure(error, formData);
    }
    if (!user) {
      return {
        status: "error",
        code: "unauthenticated",
        message: userMessageFor("unauthenticated"),
        values: formValues(formData),
      };
    }
    const parsed = parseForm(schema, formData);
    if (!parsed.ok) return parsed.state;
    try {
      const data = await fn(parsed.data, user);
      return { status: "success", data };
    } catch (error) {
      unstable_rethrow(error);
      return failure(error, formData);
    }
  };
}

/** A failed action as a state the form shows, with what the user typed. */
function failure<T>(error: unknown, formData: FormData): ActionState<T> {
  const values = formValues(formData);
  if (error instanceof AppError) {
    if (error.code === "internal") console.error("Action failed:", error.cause ?? error);
    return { status: "error", code: error.code, message: error.message, values };
  }
  // The database is restarting or unreachable: say so, and keep what was typed.
  if (isDatabaseUnavailable(error)) {
    console.error("Action failed, database unavailable:", error);
    return { status: "error", code: "unavailable", message: userMessageFor("unavailable"), values };
  }
  console.error("Action failed:", error);
  return { status: "error", code: "internal", message: userMessageFor("internal"), values };
}

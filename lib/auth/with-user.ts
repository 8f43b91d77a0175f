import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { SessionUser } from "@/lib/db/queries/users";
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
    const user = await currentUser();
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
      if (error instanceof AppError) {
        if (error.code === "internal") console.error("Action failed:", error.cause ?? error);
        return {
          status: "error",
          code: error.code,
          message: error.message,
          values: formValues(formData),
        };
      }
      console.error("Action failed:", error);
      return {
        status: "error",
        code: "internal",
        message: userMessageFor("internal"),
        values: formValues(formData),
      };
    }
  };
}

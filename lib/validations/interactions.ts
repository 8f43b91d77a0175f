import { z } from "zod";
import { parseLocalDateTime } from "@/lib/contacts/datetime";
import { INTERACTION_KINDS } from "@/lib/db/schema";
import { optionalId } from "@/lib/validations/contacts";
import { idSchema, optionalInt, optionalText } from "@/lib/validations/fields";

// A day of slack for clocks and time zones; beyond that a "logged" interaction has not happened.
const maxFutureMs = 24 * 60 * 60 * 1000;

const interactionFields = z.object({
  kind: z.enum(INTERACTION_KINDS, { error: "Choose what kind of interaction it was." }),
  occurredAt: z
    .string({ error: "Enter the date and time." })
    .trim()
    .min(1, "Enter the date and time."),
  /** Set by the browser: its UTC offset in minutes for the chosen date (see lib/contacts/datetime). */
  timezoneOffset: optionalInt(-900, 900),
  summary: optionalText(5000),
  applicationId: optionalId(),
});

type InteractionFields = z.output<typeof interactionFields>;

/** Turns the wall-clock time and the browser's offset into the moment to store. */
function toMoment<T extends InteractionFields>(input: T, ctx: z.RefinementCtx) {
  const { occurredAt, timezoneOffset, ...rest } = input;
  const moment = parseLocalDateTime(occurredAt, timezoneOffset);
  if (!moment || moment.getUTCFullYear() < 1970) {
    ctx.addIssue({
      code: "custom",
      path: ["occurredAt"],
      message: "Enter a date and time, like 2026-03-05 14:30.",
    });
    return z.NEVER;
  }
  if (moment.getTime() > Date.now() + maxFutureMs) {
    ctx.addIssue({
      code: "custom",
      path: ["occurredAt"],
      message: "Log interactions that have happened: choose a date that is not in the future.",
    });
    return z.NEVER;
  }
  return { ...rest, occurredAt: moment };
}

export const createInteractionSchema = interactionFields
  .extend({ contactId: idSchema })
  .transform(toMoment);
export const updateInteractionSchema = interactionFields
  .extend({ id: idSchema })
  .transform(toMoment);
export const interactionIdSchema = z.object({ id: idSchema });

export type CreateInteractionInput = z.output<typeof createInteractionSchema>;
export type UpdateInteractionInput = z.output<typeof updateInteractionSchema>;

import { z } from "zod";
import { CADENCE_LIMITS, normalizeCadence } from "@/lib/nurture/cadence";
import { idSchema, requiredDate, requiredText } from "./fields";

export const followUpIdSchema = z.object({ id: idSchema });

export const SNOOZE_PERIODS = ["week", "month"] as const;
export type SnoozePeriod = (typeof SNOOZE_PERIODS)[number];

export const snoozeFollowUpSchema = z.object({
  id: idSchema,
  by: z.enum(SNOOZE_PERIODS, { error: "Choose a week or a month." }),
});

/** A follow-up added by hand on a contact's page. */
export const createFollowUpSchema = z.object({
  contactId: idSchema,
  dueOn: requiredDate("the day to follow up"),
  reason: requiredText("what to follow up about", 300),
});
export type CreateFollowUpInput = z.output<typeof createFollowUpSchema>;

const cadenceMessage = `Enter whole months separated by commas, like 1, 3, 6, 12 (each from ${CADENCE_LIMITS.minMonths} to ${CADENCE_LIMITS.maxMonths}).`;

/**
 * "1, 3, 6, 12" → [1, 3, 6, 12] (sorted, distinct). A blank field means the default cadence
 * (null); a form without the field leaves the stored cadence alone (undefined).
 */
export const cadenceMonthsField = () =>
  z
    .string({ error: cadenceMessage })
    .max(200, cadenceMessage)
    .optional()
    .transform((text, ctx): number[] | null | undefined => {
      if (text === undefined) return undefined;
      const parts = text.split(/[\s,;]+/).filter(Boolean);
      if (parts.length === 0) return null;
      const months: number[] = [];
      for (const part of parts) {
        const value = /^\d+$/.test(part) ? Number(part) : Number.NaN;
        if (!(value >= CADENCE_LIMITS.minMonths && value <= CADENCE_LIMITS.maxMonths)) {
          ctx.addIssue({ code: "custom", message: cadenceMessage });
          return z.NEVER;
        }
        months.push(value);
      }
      if (new Set(months).size > CADENCE_LIMITS.maxSteps) {
        ctx.addIssue({
          code: "custom",
          message: `Use at most ${CADENCE_LIMITS.maxSteps} check-ins.`,
        });
        return z.NEVER;
      }
      return normalizeCadence(months);
    });

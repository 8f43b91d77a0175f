import { z } from "zod";
import { NOTE_CHANNELS, NOTE_OUTCOMES, TONES } from "@/lib/db/schema";
import { idSchema, optionalText, rawText, requiredDate, requiredText } from "./fields";
import { cadenceMonthsField } from "./follow-ups";

const idList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z.array(idSchema).min(1, "Choose at least one person to write to.").max(200),
);

export const draftBatchSchema = z.object({
  applicationId: idSchema,
  contactIds: idList,
  channel: z.enum(NOTE_CHANNELS, { error: "Choose email or LinkedIn." }),
});

export const saveNoteSchema = z.object({
  id: idSchema,
  subject: optionalText(200),
  body: rawText(20_000, "That is far too long for a thank-you note."),
});

export const markSentSchema = z.object({
  id: idSchema,
  sentOn: requiredDate("the day you sent it"),
});

export const outcomeSchema = z.object({
  id: idSchema,
  outcome: z.enum(NOTE_OUTCOMES, { error: "Choose what came of it." }),
});

export const noteIdSchema = z.object({ id: idSchema });

export const redraftRequestSchema = z.object({
  mode: z.enum(["model", "template"]).default("model"),
});

export const settingsSchema = z.object({
  name: requiredText("your name", 100),
  signature: optionalText(500),
  tone: z.enum(TONES, { error: "Choose a tone." }),
  /** "1, 3, 6, 12": check-ins after a thank-you note; blank = the default cadence. */
  cadenceMonths: cadenceMonthsField(),
});

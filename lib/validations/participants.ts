import { z } from "zod";
import { PARTICIPANT_ROLES, type ParticipantRole } from "@/lib/db/schema";
import {
  checkbox,
  idSchema,
  optionalEmail,
  optionalText,
  requiredDate,
  requiredText,
} from "./fields";

export const participantRoleSchema = z.enum(PARTICIPANT_ROLES, { error: "Choose a role." });

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

export const addParticipantSchema = z.object({
  applicationId: idSchema,
  contactId: idSchema,
  role: participantRoleSchema,
  discussed: optionalText(1000),
});

export const updateParticipantSchema = z.object({
  applicationId: idSchema,
  participantId: idSchema,
  role: participantRoleSchema,
  discussed: optionalText(1000),
});

export const removeParticipantSchema = z.object({
  applicationId: idSchema,
  participantId: idSchema,
});

// ---------------------------------------------------------------------------------------------
// Quick capture: several people in one form, fields named `people.<row>.<field>`. Errors are
// keyed by that same flat name ("people.2.email") so the form shows each next to its row.

export const MAX_CAPTURE_ROWS = 20;
export const DEFAULT_CAPTURE_ROLE: ParticipantRole = "interviewer";

const capturedPersonSchema = z.object({
  name: requiredText("their name", 200),
  role: z.preprocess(
    (value) => (isBlank(value) ? DEFAULT_CAPTURE_ROLE : value),
    participantRoleSchema,
  ),
  discussed: optionalText(500),
  email: optionalEmail(),
});

export type CapturedPerson = z.output<typeof capturedPersonSchema> & {
  /** The row number in the form, for messages. */
  row: number;
};

const rowField = /^people\.(\d{1,2})\.(name|role|discussed|email)$/;

/** `{ "people.0.name": "Ana", … }` → `{ people: [{ row: 0, name: "Ana", … }], … }`. */
function groupRows(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const rest: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, unknown>>();
  for (const [key, value] of Object.entries(input)) {
    const match = rowField.exec(key);
    if (!match) {
      rest[key] = value;
      continue;
    }
    const row = Number(match[1]);
    const fields = rows.get(row) ?? {};
    fields[match[2]!] = value;
    rows.set(row, fields);
  }
  const people = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, fields]) => ({ ...fields, row }));
  return { ...rest, people };
}

const rawRowSchema = z.object({
  row: z.number().int().min(0),
  name: z.string().optional(),
  role: z.string().optional(),
  discussed: z.string().optional(),
  email: z.string().optional(),
});

export const quickCaptureSchema = z
  .preprocess(
    groupRows,
    z.object({
      applicationId: idSchema,
      people: z
        .array(rawRowSchema)
        .max(MAX_CAPTURE_ROWS, `Add at most ${MAX_CAPTURE_ROWS} people.`),
      logInterview: checkbox(),
      interviewOn: z.string().optional(),
      interviewSummary: z.string().optional(),
    }),
  )
  .transform((value, ctx) => {
    let invalid = false;
    const fail = (path: string, message: string) => {
      invalid = true;
      ctx.addIssue({ code: "custom", path: [path], message });
    };

    const people: CapturedPerson[] = [];
    for (const raw of value.people) {
      // The role select always has a value, so a row counts only once something is typed.
      if (isBlank(raw.name) && isBlank(raw.discussed) && isBlank(raw.email)) continue;
      const parsed = capturedPersonSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          fail(`people.${raw.row}.${String(issue.path[0] ?? "name")}`, issue.message);
        }
        continue;
      }
      people.push({ ...parsed.data, row: raw.row });
    }
    if (people.length === 0 && !invalid) {
      fail("people", "Add at least one person: a name is enough.");
    }

    let interview: { on: string; summary: string | null } | null = null;
    if (value.logInterview) {
      const on = requiredDate("the date of the interview").safeParse(value.interviewOn);
      const summary = optionalText(300).safeParse(value.interviewSummary);
      if (!on.success) fail("interviewOn", on.error.issues[0]?.message ?? "Enter a date.");
      if (!summary.success) {
        fail("interviewSummary", summary.error.issues[0]?.message ?? "Keep it to one line.");
      }
      if (on.success && summary.success) interview = { on: on.data, summary: summary.data };
    }

    if (invalid) return z.NEVER;
    return { applicationId: value.applicationId, people, interview };
  });

export type QuickCaptureInput = z.output<typeof quickCaptureSchema>;

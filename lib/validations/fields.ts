import { z } from "zod";

// Building blocks for form schemas. FormData sends every field as a string, and an empty
// input means "nothing", so optional fields turn "" into null before validating.

// Control characters in typed text are removed, not refused. NUL cannot be stored at all
// (Postgres text rejects U+0000, so unguarded it failed the whole save with a 500), and the
// other C0 and C1 controls are invisible, cannot be typed in a browser field (they come in by
// paste or a crafted request) and break line-based formats such as vCard and iCalendar. A
// message about a character the user cannot see or find would not help them, so they go
// quietly. Tab, line feed and carriage return stay: notes are multi-line. Everything else
// (markup, quotes, bidi marks, emoji) is stored exactly as typed and rendered as text. The CSV
// import applies the same rule to its cells (lib/csv/import.ts).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, tabs and line breaks included
const ANY_CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/g;

/** Typed text without control characters other than tab, line feed and carriage return. */
export function withoutControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "");
}

const cleanText = (value: unknown) =>
  typeof value === "string" ? withoutControlCharacters(value) : value;

/**
 * A search or filter from the query string (?q=…): its first value, without control
 * characters. They match nothing anyway, and NUL in a LIKE pattern is a database error.
 */
export const searchParamText = (value: unknown) => {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" ? withoutControlCharacters(first) : first;
};

const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === "string" && value.trim() === "") ? null : value;

export const requiredText = (label: string, max = 200) =>
  z.preprocess(
    cleanText,
    z
      .string({ error: `Enter ${label}.` })
      .trim()
      .min(1, `Enter ${label}.`)
      .max(max, `Keep ${label} under ${max} characters.`),
  );

export const optionalText = (max = 2000) =>
  z.preprocess(
    (value) => blankToNull(cleanText(value)),
    z.string().trim().max(max, `Keep this under ${max} characters.`).nullable(),
  );

/** Free text kept exactly as typed, surrounding spaces too (an autosaved draft), minus controls. */
export const rawText = (max: number, message: string) =>
  z.preprocess(cleanText, z.string().max(max, message));

export const optionalUrl = () =>
  z.preprocess(
    (value) => {
      // A URL holds no control characters, not even tabs or line breaks.
      const blank = blankToNull(
        typeof value === "string" ? value.replace(ANY_CONTROL_CHARACTER, "") : value,
      );
      // People paste "acme.com": assume https rather than reject it.
      if (typeof blank === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(blank.trim())) {
        return `https://${blank.trim()}`;
      }
      return typeof blank === "string" ? blank.trim() : blank;
    },
    z
      .url({ protocol: /^https?$/, error: "Enter a web address, like https://example.com." })
      .max(2000, "Keep the web address under 2,000 characters.")
      .nullable(),
  );

export const optionalEmail = () =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .toLowerCase()
      // The longest address mail servers accept; the sign-up form and the import use it too.
      .max(254, "That email address is too long.")
      .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }))
      .nullable(),
  );

const isoDate = z.iso.date({ error: "Enter a date as YYYY-MM-DD." });

/** A calendar date from <input type="date"> ("2026-11-26"), kept as that string. */
export const requiredDate = (label = "a date") =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .pipe(isoDate);

export const optionalDate = () => z.preprocess(blankToNull, isoDate.nullable());

export const optionalInt = (min: number, max: number) =>
  z.preprocess(
    blankToNull,
    z.coerce
      .number({ error: "Enter a whole number." })
      .int("Enter a whole number.")
      .min(min, `Enter a number from ${min} to ${max}.`)
      .max(max, `Enter a number from ${min} to ${max}.`)
      .nullable(),
  );

/** A checkbox: present ("on") when ticked, absent otherwise. */
export const checkbox = () =>
  z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());

export const idSchema = z.uuid({ error: "That record does not exist." });

/** Comma-separated tags → a clean, de-duplicated list. */
export const tagList = () =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? [
            ...new Set(
              withoutControlCharacters(value)
                .split(",")
                .map((tag) => tag.trim().toLowerCase())
                .filter(Boolean),
            ),
          ]
        : (value ?? []),
    z
      .array(z.string().max(40, "Keep each tag under 40 characters."))
      .max(20, "Use at most 20 tags."),
  );

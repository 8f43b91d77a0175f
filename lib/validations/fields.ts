import { z } from "zod";

// Building blocks for form schemas. FormData sends every field as a string, and an empty
// input means "nothing", so optional fields turn "" into null before validating.

const blankToNull = (value: unknown) =>
  value === undefined || (typeof value === "string" && value.trim() === "") ? null : value;

export const requiredText = (label: string, max = 200) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Keep ${label} under ${max} characters.`);

export const optionalText = (max = 2000) =>
  z.preprocess(
    blankToNull,
    z.string().trim().max(max, `Keep this under ${max} characters.`).nullable(),
  );

export const optionalUrl = () =>
  z.preprocess(
    (value) => {
      const blank = blankToNull(value);
      // People paste "acme.com": assume https rather than reject it.
      if (typeof blank === "string" && !/^[a-z][a-z0-9+.-]*:/i.test(blank.trim())) {
        return `https://${blank.trim()}`;
      }
      return typeof blank === "string" ? blank.trim() : blank;
    },
    z
      .url({ protocol: /^https?$/, error: "Enter a web address, like https://example.com." })
      .max(2000)
      .nullable(),
  );

export const optionalEmail = () =>
  z.preprocess(
    blankToNull,
    z
      .string()
      .trim()
      .toLowerCase()
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
              value
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

import type { ImportField } from "./guess-mapping";

// LinkedIn's data export ("Get a copy of your data" → Connections) writes Connections.csv as:
//
//   Notes:
//   "When exporting your connection data, you may notice that some of the email addresses are
//    missing. You will only see email addresses for connections who have allowed … "
//   (empty line)
//   First Name,Last Name,URL,Email Address,Company,Position,Connected On
//   Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,,Analytical Engines,Engineer,26 Nov 2026
//
// Older exports have no notes; people who hide their details come with empty names.

export const LINKEDIN_COLUMNS = [
  "First Name",
  "Last Name",
  "URL",
  "Email Address",
  "Company",
  "Position",
  "Connected On",
] as const;

const LINKEDIN_FIELDS: Record<(typeof LINKEDIN_COLUMNS)[number], ImportField> = {
  "First Name": "firstName",
  "Last Name": "lastName",
  URL: "linkedinUrl",
  "Email Address": "email",
  Company: "company",
  Position: "title",
  "Connected On": "connectedOn",
};

const headerKey = (cell: string) => cell.trim().toLowerCase();
const LINKEDIN_KEYS = LINKEDIN_COLUMNS.map(headerKey);

/** True for LinkedIn's header row (any case; the exact columns, in LinkedIn's order). */
export function isLinkedInHeader(cells: readonly string[]): boolean {
  const present = cells.map(headerKey);
  while (present.length > 0 && present.at(-1) === "") present.pop();
  return (
    present.length === LINKEDIN_KEYS.length &&
    present.every((cell, index) => cell === LINKEDIN_KEYS[index])
  );
}

/** True for the first line of LinkedIn's preamble ("Notes:"). */
export function isLinkedInPreamble(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== "");
  return filled.length === 1 && /^notes\s*:$/i.test(filled[0]!.trim());
}

/** How many records after "Notes:" the header may come (LinkedIn writes two: note, blank). */
export const LINKEDIN_PREAMBLE_MAX_RECORDS = 10;

/** The field for each LinkedIn column: the batch comes pre-mapped. */
export function linkedInMapping(columns: readonly string[]): ImportField[] {
  return columns.map((column) => {
    const known = LINKEDIN_COLUMNS.find((name) => headerKey(name) === headerKey(column));
    return known ? LINKEDIN_FIELDS[known] : "ignore";
  });
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Month number (1–12) from an English name or abbreviation ("Nov", "November", "Sept."). */
export function monthNumber(name: string): number | undefined {
  const key = name.trim().toLowerCase().replace(/\.$/, "");
  if (key.length < 3) return undefined;
  const index = MONTHS.findIndex((month) => month.startsWith(key));
  return index === -1 ? undefined : index + 1;
}

/** "YYYY-MM-DD" for a real calendar date in a sane range, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    return undefined;
  }
  if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** LinkedIn's "Connected On" ("26 Nov 2026", "05 Mar 2024") → "2026-11-26"; undefined if not. */
export function parseLinkedInDate(value: string): string | undefined {
  const match = /^(\d{1,2})\s+([A-Za-z]{3,9}\.?)\s+(\d{4})$/.exec(value.trim());
  if (!match) return undefined;
  const month = monthNumber(match[2]!);
  if (!month) return undefined;
  return isoDate(Number(match[3]), month, Number(match[1]));
}

import { stringify } from "csv-stringify/sync";
import type { ParticipantRole } from "@/lib/db/schema";
import { roleLabels } from "@/lib/labels";
import { splitFullName } from "./names";
import { neutraliseCell } from "./neutralise";

// The contacts CSV: what a person expects in a spreadsheet, a mail merge or an address book
// import. Pure: the rows come from lib/db/queries/contact-export.ts, page by page.

export type ContactRole = { role: ParticipantRole; companyName: string; jobTitle: string };

/** One contact with everything the exports show, gathered per page by the export query. */
export type ContactExportRecord = {
  id: string;
  fullName: string;
  title: string | null;
  companyName: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
  tags: string[];
  lastContactedAt: Date | null;
  /** Earliest open follow-up, "YYYY-MM-DD". */
  nextFollowUpOn: string | null;
  /** Processes this person took part in, most recently active first. */
  roles: ContactRole[];
  /** Nurture score, when one is available; the column stays empty otherwise. */
  score: number | null;
};

export const CONTACT_CSV_HEADER = [
  "Name",
  "First name",
  "Last name",
  "Title",
  "Company",
  "Email",
  "Phone",
  "LinkedIn URL",
  "Tags",
  "Roles in processes",
  "Last contact date",
  "Next follow-up",
  "Score",
] as const;

/** Lets Excel recognise the file as UTF-8 (otherwise "Zoë" opens as "ZoÃ«"). */
export const UTF8_BOM = "\uFEFF";

const pad = (value: number) => (value < 10 ? `0${value}` : String(value));

/**
 * The calendar day of a moment in the server's time zone, "YYYY-MM-DD", as lib/format shows
 * dates. Written out by hand: date-fns `format` costs ~1 µs a call, a second per 100,000 rows
 * on a busy machine.
 */
export function isoDay(moment: Date): string {
  return `${String(moment.getFullYear()).padStart(4, "0")}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** "Hiring manager at Northwind (Senior Designer); Interviewer at Acme (PM)". */
export function formatRoles(roles: readonly ContactRole[]): string {
  return roles
    .map((role) => `${roleLabels[role.role]} at ${role.companyName} (${role.jobTitle})`)
    .join("; ");
}

/** One CSV row, cells in CONTACT_CSV_HEADER order, every cell safe to open in a spreadsheet. */
export function contactCsvRow(record: ContactExportRecord): string[] {
  const { given, family, suffix } = splitFullName(record.fullName);
  const cells = [
    record.fullName,
    given,
    [family, suffix].filter(Boolean).join(" "),
    record.title ?? "",
    record.companyName ?? "",
    record.email ?? "",
    record.phone ?? "",
    record.linkedinUrl ?? "",
    record.tags.join("; "),
    formatRoles(record.roles),
    record.lastContactedAt ? isoDay(record.lastContactedAt) : "",
    record.nextFollowUpOn ?? "",
    record.score === null ? "" : String(Math.round(record.score)),
  ];
  return cells.map(neutraliseCell);
}

/**
 * RFC 4180 records: every cell quoted (quotes doubled inside), CRLF after each record. Quoting
 * every cell, as OWASP advises, also keeps a separator inside a value from opening a new cell.
 */
export function csvRecords(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return "";
  return stringify(rows as string[][], { quoted: true, record_delimiter: "\r\n", eof: true });
}

/** The whole file as text chunks: BOM and header first, then one chunk per page of contacts. */
export async function* contactsCsv(
  pages: AsyncIterable<readonly ContactExportRecord[]>,
): AsyncGenerator<string> {
  yield UTF8_BOM + csvRecords([CONTACT_CSV_HEADER]);
  for await (const page of pages) {
    if (page.length > 0) yield csvRecords(page.map(contactCsvRow));
  }
}

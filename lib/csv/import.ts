import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import { combineText, unionTags } from "@/lib/contacts/merge-fields";
import { optionalUrl } from "@/lib/validations/fields";
import { guessMapping, type ImportField, mappingFromRecord } from "./guess-mapping";
import type { DuplicateReason } from "./import-text";
import {
  isLinkedInHeader,
  isLinkedInPreamble,
  isoDate,
  LINKEDIN_PREAMBLE_MAX_RECORDS,
  linkedInMapping,
  monthNumber,
  parseLinkedInDate,
} from "./linkedin";

// Importing contacts from a CSV file, as pure functions: read the bytes (encoding, separator,
// LinkedIn's preamble), turn each row into a contact or a reason it cannot be one, and plan
// which rows are new and which repeat someone already known. The database side
// (lib/db/queries/imports.ts) stores the parsed rows between upload and confirmation and
// writes what this plans. Every function here answers bad input with a message, never a throw.

export const IMPORT_LIMITS = {
  maxBytes: 5 * 1024 * 1024,
  maxRows: 10_000,
  maxColumns: 200,
  /** One record (a line, or several for a quoted multi-line value), in characters. */
  maxRecordChars: 1_000_000,
} as const;

export type ImportFormat = "linkedin" | "csv";
/** One data row as stored with the batch: the cells and the file line it starts on. */
export type ImportRow = { line: number; cells: string[] };
export type ParsedFile = {
  format: ImportFormat;
  columns: string[];
  rows: ImportRow[];
  delimiter: Delimiter;
};
export type ParseOutcome = { ok: true; file: ParsedFile } | { ok: false; error: string };

export type Delimiter = "," | ";" | "\t";

const nf = new Intl.NumberFormat("en-US");

/** "4.2 MB" */
export function describeSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
}

/** The refusal for a file over the size limit, or undefined when it fits. */
export function fileSizeProblem(bytes: number): string | undefined {
  if (bytes <= IMPORT_LIMITS.maxBytes) return undefined;
  return `This file is ${describeSize(bytes)}: the limit is 5 MB (and 10,000 rows). Split it into smaller files and import them one by one.`;
}

// --- Reading the bytes ---------------------------------------------------------------------

const NOT_TEXT =
  "This file does not look like a CSV file (it contains binary data). In your spreadsheet, choose “Save as” → “CSV (UTF-8)” and upload that file.";

/**
 * The file as text. UTF-8 (with or without a byte-order mark) and UTF-16 with a mark are read
 * as such; anything else that is not valid UTF-8 is read as Windows-1252, which is what Excel
 * writes for "CSV" on Windows in Western languages.
 */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; error: string } {
  try {
    let text: string;
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
      text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
      text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
    } else {
      try {
        text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
      } catch {
        text = new TextDecoder("windows-1252").decode(bytes);
      }
    }
    if (text.startsWith("\uFEFF")) text = text.slice(1);
    // Postgres text cannot hold NUL, and no spreadsheet writes it into a CSV.
    if (text.includes("\u0000")) return { ok: false, error: NOT_TEXT };
    return { ok: true, text };
  } catch {
    return { ok: false, error: NOT_TEXT };
  }
}

/** Counts of each candidate separator outside quotes on one (logical) line. */
function separatorCounts(line: string): Record<Delimiter, number> {
  const counts: Record<Delimiter, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of line) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char] += 1;
  }
  return counts;
}

/**
 * The separator, from the header line: the first of the first lines with a separator outside
 * quotes (LinkedIn's "Notes:" preamble has none). Comma unless semicolons or tabs outnumber
 * commas there, as in files saved by Excel in most of Europe.
 */
export function detectDelimiter(text: string): Delimiter {
  // Logical lines: a newline inside quotes does not end one.
  let quoted = false;
  let start = 0;
  let examined = 0;
  for (let index = 0; index <= text.length && examined < 50; index += 1) {
    const char = text[index];
    if (char === '"') quoted = !quoted;
    if (index === text.length || (!quoted && (char === "\n" || char === "\r"))) {
      const line = text.slice(start, index);
      start = index + 1;
      if (line.trim() === "") continue;
      examined += 1;
      const counts = separatorCounts(line);
      const best = (Object.keys(counts) as Delimiter[]).reduce((winner, candidate) =>
        counts[candidate] > counts[winner] ? candidate : winner,
      );
      if (counts[best] > 0) return best;
    }
  }
  return ",";
}

class ImportFileError extends Error {}

const tooManyColumns = (count: number) =>
  `This file has ${nf.format(count)} columns: the importer reads at most ${IMPORT_LIMITS.maxColumns}. Remove the columns you do not need and upload it again.`;

const isBlankRecord = (record: readonly string[]) => record.every((cell) => cell.trim() === "");

function trimTrailingEmpty(cells: string[]): string[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1] === "") end -= 1;
  return end === cells.length ? cells : cells.slice(0, end);
}

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

/** Counts line breaks (CRLF, LF or CR each one) as the parser consumes the file. */
function lineCounter(buffer: Uint8Array) {
  let consumed = 0;
  let line = 1;
  let afterCR = false;
  return {
    get line() {
      return line;
    },
    advanceTo(offset: number) {
      const end = Math.min(offset, buffer.length);
      for (let index = consumed; index < end; index += 1) {
        const byte = buffer[index];
        if (byte === 13) {
          line += 1;
          afterCR = true;
        } else {
          if (byte === 10 && !afterCR) line += 1;
          afterCR = false;
        }
      }
      consumed = Math.max(consumed, end);
    },
  };
}

function csvErrorMessage(error: CsvError, line: number): string {
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return `A quoted value that starts on line ${nf.format(line)} is never closed (a " is missing). Fix the quotes in that line, or save the file again from your spreadsheet, and upload it again.`;
    case "CSV_MAX_RECORD_SIZE":
      return `Line ${nf.format(line)} is too long to be a contact (over a million characters). Check the file and upload it again.`;
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return `Line ${nf.format(line)} has a quote (") in an unexpected place. Fix that line and upload the file again.`;
    default:
      return `We could not read this file as CSV (near line ${nf.format(line)}). Save it as “CSV (UTF-8)” from your spreadsheet and upload it again.`;
  }
}

/** Reads an uploaded file: size, encoding, then parseImportText. */
export function parseImportFile(bytes: Uint8Array): ParseOutcome {
  const tooBig = fileSizeProblem(bytes.length);
  if (tooBig) return { ok: false, error: tooBig };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  return parseImportText(decoded.text);
}

/**
 * The columns and data rows of a CSV text: LinkedIn's Connections.csv (its "Notes:" preamble
 * skipped) or any CSV with a header row. Blank rows are dropped; every row keeps the number of
 * the file line it starts on, so problems can be reported the way an editor shows the file.
 */
export function parseImportText(input: string): ParseOutcome {
  try {
    const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
    if (text.includes("\u0000")) return { ok: false, error: NOT_TEXT };
    if (text.trim() === "") return { ok: false, error: "This file is empty." };
    const delimiter = detectDelimiter(text);
    const buffer = Buffer.from(text, "utf8");
    const lines = lineCounter(buffer);

    let header: string[] | undefined;
    let format: ImportFormat = "csv";
    let seenRecord = false;
    let inPreamble = false;
    let preambleRecords = 0;
    const records: ImportRow[] = [];
    let recordStart = 1;

    const onRecord = (record: string[], context: { bytes: number }) => {
      recordStart = lines.line;
      lines.advanceTo(context.bytes);
      if (isBlankRecord(record)) return null;
      if (header) {
        if (records.length >= IMPORT_LIMITS.maxRows) {
          throw new ImportFileError(
            `This file has more than ${nf.format(IMPORT_LIMITS.maxRows)} rows: the limit is ${nf.format(IMPORT_LIMITS.maxRows)} rows (and 5 MB). Split it into smaller files and import them one by one.`,
          );
        }
        records.push({ line: recordStart, cells: trimTrailingEmpty(record) });
        return null;
      }
      if (!seenRecord && isLinkedInPreamble(record)) {
        seenRecord = true;
        inPreamble = true;
        return null;
      }
      seenRecord = true;
      if (inPreamble && !isLinkedInHeader(record)) {
        preambleRecords += 1;
        if (preambleRecords > LINKEDIN_PREAMBLE_MAX_RECORDS) {
          throw new ImportFileError(
            "This looks like LinkedIn’s Connections.csv (it starts with “Notes:”), but its header row “First Name, Last Name, URL, Email Address, Company, Position, Connected On” is missing. Upload the file as LinkedIn exported it.",
          );
        }
        return null;
      }
      const named = trimTrailingEmpty(record.map((cell) => cell.trim())).length;
      if (named > IMPORT_LIMITS.maxColumns) throw new ImportFileError(tooManyColumns(named));
      header = record;
      format = isLinkedInHeader(record) ? "linkedin" : "csv";
      return null;
    };

    try {
      parse(buffer, {
        delimiter,
        record_delimiter: ["\r\n", "\n", "\r"],
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: IMPORT_LIMITS.maxRecordChars,
        on_record: onRecord,
      });
    } catch (error) {
      if (error instanceof ImportFileError) return { ok: false, error: error.message };
      if (error instanceof CsvError) {
        return { ok: false, error: csvErrorMessage(error, lines.line) };
      }
      throw error;
    }

    if (!header) return { ok: false, error: "This file is empty." };
    if (records.length === 0) {
      return {
        ok: false,
        error: "This file has a header row but no contacts under it.",
      };
    }
    return { ok: true, file: shapeFile(format, header, records, delimiter) };
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, error: error.message };
    // Nothing above should get here; if it does, the user still gets a message, not a crash.
    return {
      ok: false,
      error:
        "We could not read this file as CSV. Save it as “CSV (UTF-8)” from your spreadsheet and upload it again.",
    };
  }
}

/**
 * Columns as far as the header or any row has a value; unnamed ones are called "Column N".
 * Values past the header's last column are kept after the row's cells, so validation can
 * point at the row (usually a value with an unquoted separator in it).
 */
function shapeFile(
  format: ImportFormat,
  header: string[],
  records: ImportRow[],
  delimiter: Delimiter,
): ParsedFile {
  let width = trimTrailingEmpty(header.map((cell) => cell.trim())).length;
  for (const record of records) {
    const within = Math.min(record.cells.length, header.length);
    for (let index = within - 1; index >= width; index -= 1) {
      if (record.cells[index]!.trim() !== "") {
        width = index + 1;
        break;
      }
    }
  }
  if (width > IMPORT_LIMITS.maxColumns) throw new ImportFileError(tooManyColumns(width));
  const columns = Array.from({ length: width }, (_, index) => {
    const name = (header[index] ?? "").replace(/\s+/g, " ").trim();
    return name ? clip(name, 100) : `Column ${index + 1}`;
  });
  const rows = records.map(({ line, cells }) => {
    const overflow = cells.slice(header.length).filter((cell) => cell.trim() !== "");
    if (overflow.length === 0) return { line, cells: trimTrailingEmpty(cells.slice(0, width)) };
    const own = Array.from({ length: width }, (_, index) => cells[index] ?? "");
    return { line, cells: [...own, ...overflow.slice(0, 3).map((cell) => clip(cell, 200))] };
  });
  return { format, columns, rows, delimiter };
}

// --- Mapping -------------------------------------------------------------------------------

/** The mapping in force: the user's saved choice, else LinkedIn's fixed one, else a guess. */
export function effectiveMapping(batch: {
  format: ImportFormat;
  columns: readonly string[];
  mapping: Record<string, string> | null;
}): ImportField[] {
  if (batch.mapping) return mappingFromRecord(batch.mapping, batch.columns.length);
  return batch.format === "linkedin" ? linkedInMapping(batch.columns) : guessMapping(batch.columns);
}

/** Identifies a mapping, so a confirmation can prove it saw the mapping that is in force. */
export function mappingKey(mapping: readonly ImportField[]): string {
  return mapping.join(",");
}

// --- Rows → contacts -----------------------------------------------------------------------

/** A contact as read from one row, cleaned and validated. */
export type ImportedContact = {
  fullName: string;
  title: string | null;
  company: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  tags: string[];
  notes: string | null;
  connectedOn: string | null;
};

export type ValidRow = { line: number; contact: ImportedContact };
export type BadRow = { line: number; reason: string };
export type RowResult = { ok: true; contact: ImportedContact } | { ok: false; reason: string };

export const FIELD_LIMITS = {
  fullName: 200,
  title: 200,
  company: 200,
  email: 254,
  phone: 50,
  linkedinUrl: 2000,
  notes: 5000,
  tag: 40,
  tags: 20,
} as const;

/**
 * Our own export (lib/csv/neutralise.ts) puts a `'` before a value that a spreadsheet would
 * run as a formula ("+1 555…", "=…"); importing that file gives the value back without it.
 * (A value that itself starts with quotes before such a character loses one quote too, so an
 * export that also guards those stays reversible.)
 */
export function unneutraliseCell(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, keeping newlines and tabs
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]+/g;

/** One-line text: control characters and runs of spaces become one space. */
function oneLine(value: string): string {
  return value.replace(CONTROL, " ").replace(/\s+/g, " ").trim();
}

function multiLine(value: string): string {
  return value.replace(/\r\n?/g, "\n").replace(CONTROL_BUT_LINES, "").trim();
}

/** For messages: a short, one-line quote of what the file had. */
export function quoteValue(value: string): string {
  return `'${clip(oneLine(value), 40)}'`;
}

/** "a; b, c|d", Google's "x ::: y", "* myContacts" → ["a", "b", "c", "d", …], lower-cased. */
export function splitTags(value: string): string[] {
  return unionTags(
    oneLine(value)
      .split(/:::|[,;|]/)
      .map((tag) => tag.trim().replace(/^\*\s*/, "")),
  );
}

/** A date as people write it in spreadsheets → "YYYY-MM-DD"; undefined when unclear. */
export function parseImportDate(value: string): string | undefined {
  const text = value.trim();
  let match = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (match) return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  const linkedIn = parseLinkedInDate(text);
  if (linkedIn) return linkedIn;
  match = /^([A-Za-z]{3,9}\.?)\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (match) {
    const month = monthNumber(match[1]!);
    return month ? isoDate(Number(match[3]), month, Number(match[2])) : undefined;
  }
  // 26.11.2026 is day first wherever dots are used.
  match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (match) return isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
  // 26/11/2026 or 11/26/2026: only when one reading is impossible (or both agree).
  match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const dayFirst = isoDate(year, second, first);
    const monthFirst = isoDate(year, first, second);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) return undefined;
    return dayFirst ?? monthFirst;
  }
  return undefined;
}

const emailSchema = z.email();
const urlSchema = optionalUrl();

type Collected = Partial<Record<Exclude<ImportField, "ignore">, string[]>>;

/**
 * One row → a contact, or why it cannot be one (every problem, separated by "; "). Single
 * fields take the first non-blank column mapped to them; notes and tags combine all of theirs.
 */
export function mapRow(
  row: ImportRow,
  columnCount: number,
  mapping: readonly ImportField[],
): RowResult {
  const problems: string[] = [];
  if (row.cells.length > columnCount) {
    const extra = row.cells.slice(columnCount).find((cell) => cell.trim() !== "") ?? "";
    problems.push(
      `more values than columns (extra ${quoteValue(extra)}; a value may contain an unquoted separator)`,
    );
  }
  const collected: Collected = {};
  for (let index = 0; index < Math.min(columnCount, mapping.length); index += 1) {
    const field = mapping[index];
    if (!field || field === "ignore") continue;
    const raw = unneutraliseCell(row.cells[index] ?? "");
    const value = field === "notes" ? multiLine(raw) : oneLine(raw);
    if (value === "") continue;
    const list = collected[field];
    if (list) list.push(value);
    else collected[field] = [value];
  }
  const first = (field: keyof Collected) => collected[field]?.[0] ?? null;
  const tooLong = (label: string, value: string | null, max: number) => {
    if (value !== null && value.length > max) {
      problems.push(`${label} longer than ${nf.format(max)} characters`);
    }
  };

  const fullName =
    first("fullName") ??
    ([first("firstName"), first("lastName")].filter(Boolean).join(" ") || null);
  if (!fullName) problems.push("no name");
  tooLong("name", fullName, FIELD_LIMITS.fullName);

  const title = first("title");
  tooLong("title", title, FIELD_LIMITS.title);
  const company = first("company");
  tooLong("company", company, FIELD_LIMITS.company);
  const phone = first("phone");
  tooLong("phone", phone, FIELD_LIMITS.phone);

  let email = first("email");
  if (email !== null) {
    email = email.toLowerCase();
    if (email.length > FIELD_LIMITS.email || !emailSchema.safeParse(email).success) {
      problems.push(`invalid email ${quoteValue(email)}`);
    }
  }

  let linkedinUrl = first("linkedinUrl");
  if (linkedinUrl !== null) {
    const parsed = urlSchema.safeParse(linkedinUrl);
    if (parsed.success && parsed.data && parsed.data.length <= FIELD_LIMITS.linkedinUrl) {
      linkedinUrl = parsed.data;
    } else {
      problems.push(`invalid LinkedIn URL ${quoteValue(linkedinUrl)}`);
    }
  }

  let connectedOn = first("connectedOn");
  if (connectedOn !== null) {
    const parsed = parseImportDate(connectedOn);
    if (parsed) connectedOn = parsed;
    else
      problems.push(
        `unrecognised date ${quoteValue(connectedOn)} (use YYYY-MM-DD, like 2026-11-26)`,
      );
  }

  const notes = (collected.notes ?? []).reduce<string | null>(combineText, null);
  tooLong("notes", notes, FIELD_LIMITS.notes);

  const tags = unionTags(...(collected.tags ?? []).map(splitTags));
  const longTag = tags.find((tag) => tag.length > FIELD_LIMITS.tag);
  if (longTag) {
    problems.push(`tag ${quoteValue(longTag)} longer than ${FIELD_LIMITS.tag} characters`);
  }
  if (tags.length > FIELD_LIMITS.tags) problems.push(`more than ${FIELD_LIMITS.tags} tags`);

  if (problems.length > 0 || !fullName) return { ok: false, reason: problems.join("; ") };
  return {
    ok: true,
    contact: { fullName, title, company, email, phone, linkedinUrl, tags, notes, connectedOn },
  };
}

/** Every row mapped: the contacts to consider, and the rows that cannot be imported. */
export function validateRows(
  rows: readonly ImportRow[],
  columnCount: number,
  mapping: readonly ImportField[],
): { valid: ValidRow[]; bad: BadRow[] } {
  const valid: ValidRow[] = [];
  const bad: BadRow[] = [];
  for (const row of rows) {
    const result = mapRow(row, columnCount, mapping);
    if (result.ok) valid.push({ line: row.line, contact: result.contact });
    else bad.push({ line: row.line, reason: result.reason });
  }
  return { valid, bad };
}

// --- Duplicates ----------------------------------------------------------------------------

export const emailKey = (email: string) => email.trim().toLowerCase();

const collapse = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * A profile address without what varies between copies of it: scheme, "www." or a country
 * subdomain of linkedin.com, query, fragment, trailing slashes, letter case, and
 * percent-encoding ("j%C3%BCrgen" and "jürgen" are the same person).
 */
export function linkedinKey(url: string): string {
  const bare = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, "")
    .replace(/^([a-z0-9-]+\.)*linkedin\.com/, "linkedin.com")
    .replace(/^www\./, "")
    .replace(/[?#].*$/, "")
    .replace(/\/+$/, "");
  try {
    return decodeURIComponent(bare);
  } catch {
    return bare;
  }
}

/** The spellings of a profile key to look for in stored addresses (decoded and encoded). */
export function linkedinKeyVariants(url: string): string[] {
  const key = linkedinKey(url);
  let encoded = key;
  try {
    encoded = encodeURI(key).toLowerCase();
  } catch {
    // A lone surrogate cannot be encoded: the decoded key alone will do.
  }
  return [...new Set([key, encoded])];
}

/** Same name at the same company; undefined without a company (a name alone is too weak). */
export function nameCompanyKey(fullName: string, company: string | null | undefined) {
  if (!company?.trim()) return undefined;
  return `${collapse(fullName)}|${collapse(company)}`;
}

/** What the database is asked for: the keys of every valid row. */
export function duplicateLookup(valid: readonly ValidRow[]) {
  const emails = new Set<string>();
  const linkedin = new Set<string>();
  const nameCompanies = new Set<string>();
  for (const { contact } of valid) {
    if (contact.email) emails.add(emailKey(contact.email));
    if (contact.linkedinUrl) {
      for (const variant of linkedinKeyVariants(contact.linkedinUrl)) linkedin.add(variant);
    }
    const key = nameCompanyKey(contact.fullName, contact.company);
    if (key) nameCompanies.add(key);
  }
  return { emails: [...emails], linkedin: [...linkedin], nameCompanies: [...nameCompanies] };
}

/** An existing contact that some row may repeat, with what a merge needs. */
export type ExistingContact = {
  id: string;
  fullName: string;
  email: string | null;
  linkedinUrl: string | null;
  companyId: string | null;
  companyName: string | null;
  title: string | null;
  phone: string | null;
  notes: string | null;
  tags: string[];
  connectedOn: string | null;
  isSample: boolean;
};

export type { DuplicateReason } from "./import-text";

export type DuplicateTarget =
  | { kind: "existing"; contact: ExistingContact }
  | { kind: "row"; line: number; fullName: string };

export type PlannedRow =
  | { kind: "new"; line: number; contact: ImportedContact }
  | {
      kind: "duplicate";
      line: number;
      contact: ImportedContact;
      reason: DuplicateReason;
      target: DuplicateTarget;
    };

function keysOf(contact: {
  email: string | null;
  linkedinUrl: string | null;
  fullName: string;
  company?: string | null;
  companyName?: string | null;
}): [DuplicateReason, string][] {
  const keys: [DuplicateReason, string][] = [];
  if (contact.email?.trim()) keys.push(["email", `e:${emailKey(contact.email)}`]);
  if (contact.linkedinUrl?.trim()) keys.push(["linkedin", `l:${linkedinKey(contact.linkedinUrl)}`]);
  const nameKey = nameCompanyKey(contact.fullName, contact.company ?? contact.companyName);
  if (nameKey) keys.push(["name", `n:${nameKey}`]);
  return keys;
}

/**
 * Each valid row, in file order: new, or a duplicate of an existing contact (checked first:
 * same email, then LinkedIn URL, then name at company) or of an earlier row of the file.
 * `existing` comes oldest first, so the oldest of several matching contacts is the one named.
 */
export function planRows(
  valid: readonly ValidRow[],
  existing: readonly ExistingContact[],
): PlannedRow[] {
  const known = new Map<string, ExistingContact>();
  for (const contact of existing) {
    for (const [, key] of keysOf(contact)) if (!known.has(key)) known.set(key, contact);
  }
  const seen = new Map<string, DuplicateTarget>();
  const planned: PlannedRow[] = [];
  for (const { line, contact } of valid) {
    const keys = keysOf(contact);
    let duplicate: { reason: DuplicateReason; target: DuplicateTarget } | undefined;
    for (const [reason, key] of keys) {
      const match = known.get(key);
      if (match) {
        duplicate = { reason, target: { kind: "existing", contact: match } };
        break;
      }
    }
    if (!duplicate) {
      for (const [reason, key] of keys) {
        const match = seen.get(key);
        if (match) {
          duplicate = { reason, target: match };
          break;
        }
      }
    }
    const target: DuplicateTarget = duplicate?.target ?? {
      kind: "row",
      line,
      fullName: contact.fullName,
    };
    // Later rows that share any key with this one repeat the same person.
    for (const [, key] of keys) if (!seen.has(key)) seen.set(key, target);
    planned.push(
      duplicate
        ? { kind: "duplicate", line, contact, reason: duplicate.reason, target: duplicate.target }
        : { kind: "new", line, contact },
    );
  }
  return planned;
}

export type DuplicateChoice = "merge" | "skip";

export type ImportWrite = {
  /** New contacts, with the rows merged into them already folded in. */
  creates: { line: number; contact: ImportedContact }[];
  /** Existing contacts to update, with the rows merged into each, in file order. */
  merges: { existing: ExistingContact; rows: ImportedContact[] }[];
  counts: { created: number; merged: number; skipped: number };
};

/** `base` with its blank fields filled from `extra`, notes appended, tags united. */
export function foldContact(base: ImportedContact, extra: ImportedContact): ImportedContact {
  return {
    fullName: base.fullName,
    title: base.title ?? extra.title,
    company: base.company ?? extra.company,
    email: base.email ?? extra.email,
    phone: base.phone ?? extra.phone,
    linkedinUrl: base.linkedinUrl ?? extra.linkedinUrl,
    connectedOn: base.connectedOn ?? extra.connectedOn,
    notes: combineText(base.notes, extra.notes),
    tags: unionTags(base.tags, extra.tags),
  };
}

/**
 * What to write for the user's choices. A duplicate without an explicit choice gets
 * `otherwise`, which defaults to skip: nothing is merged that the user did not ask for.
 */
export function resolveChoices(
  planned: readonly PlannedRow[],
  choices: ReadonlyMap<number, DuplicateChoice>,
  otherwise: DuplicateChoice = "skip",
): ImportWrite {
  const creates = new Map<number, { line: number; contact: ImportedContact }>();
  const merges = new Map<string, { existing: ExistingContact; rows: ImportedContact[] }>();
  let merged = 0;
  let skipped = 0;
  for (const row of planned) {
    if (row.kind === "new") {
      creates.set(row.line, { line: row.line, contact: row.contact });
      continue;
    }
    if ((choices.get(row.line) ?? otherwise) !== "merge") {
      skipped += 1;
      continue;
    }
    merged += 1;
    if (row.target.kind === "existing") {
      const entry = merges.get(row.target.contact.id);
      if (entry) entry.rows.push(row.contact);
      else merges.set(row.target.contact.id, { existing: row.target.contact, rows: [row.contact] });
    } else {
      const base = creates.get(row.target.line);
      if (base) base.contact = foldContact(base.contact, row.contact);
    }
  }
  return {
    creates: [...creates.values()],
    merges: [...merges.values()],
    counts: { created: creates.size, merged, skipped },
  };
}

/** Choices from the confirm form: fields named "row-<line>" with "merge" or "skip". */
export function choicesFromForm(values: Record<string, unknown>): Map<number, DuplicateChoice> {
  const choices = new Map<number, DuplicateChoice>();
  for (const [name, value] of Object.entries(values)) {
    const match = /^row-(\d{1,9})$/.exec(name);
    const choice = Array.isArray(value) ? value[0] : value;
    if (match && (choice === "merge" || choice === "skip")) choices.set(Number(match[1]), choice);
  }
  return choices;
}

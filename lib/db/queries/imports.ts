import "server-only";
import { and, asc, desc, eq, notInArray, type SQL, sql } from "drizzle-orm";
import { type MergeableContact, mergeContactFields } from "@/lib/contacts/merge-fields";
import { type ImportField, mappingToRecord, mapsAName } from "@/lib/csv/guess-mapping";
import {
  type BadRow,
  type DuplicateChoice,
  type DuplicateReason,
  duplicateLookup,
  type ExistingContact,
  effectiveMapping,
  type ImportedContact,
  type ImportFormat,
  type ImportRow,
  mappingKey,
  planRows,
  resolveChoices,
  type ValidRow,
  validateRows,
} from "@/lib/csv/import";
import { type Executor, executeRows, getDb } from "@/lib/db/client";
import { companies, contacts, importBatches } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";

// Contact imports: the uploaded file waits in import_batches (parsed, per user) while the user
// checks the mapping and the duplicates; confirming writes everything in one transaction.

/** Uploads kept per user: older ones, and any older than a day, are dropped on the next upload. */
export const KEPT_BATCHES = 5;
export const PREVIEW_ROWS = 20;
export const LISTED_PROBLEMS = 200;
export const LISTED_DUPLICATES = 200;
const INSERT_CHUNK = 500;

// --- Batches -------------------------------------------------------------------------------

export type NewImportBatch = {
  format: ImportFormat;
  fileName: string;
  columns: string[];
  rows: ImportRow[];
};

/** Stores a parsed upload; on the way, forgets the user's stale ones. */
export async function createImportBatch(
  executor: Executor,
  userId: string,
  batch: NewImportBatch,
): Promise<{ id: string }> {
  await executor
    .delete(importBatches)
    .where(
      and(
        eq(importBatches.userId, userId),
        sql`${importBatches.createdAt} < now() - interval '1 day'`,
      ),
    );
  const newest = executor
    .select({ id: importBatches.id })
    .from(importBatches)
    .where(eq(importBatches.userId, userId))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(KEPT_BATCHES - 1);
  await executor
    .delete(importBatches)
    .where(and(eq(importBatches.userId, userId), notInArray(importBatches.id, newest)));
  const [row] = await executor
    .insert(importBatches)
    .values({ ...batch, userId })
    .returning({ id: importBatches.id });
  if (!row) throw new Error("import batch insert returned nothing");
  return row;
}

export type ImportBatchSummary = {
  id: string;
  fileName: string;
  format: ImportFormat;
  createdAt: Date;
  rowCount: number;
};

/** The user's uploads waiting for confirmation (a few at most), newest first. */
export async function listImportBatches(
  userId: string,
  limit = KEPT_BATCHES,
): Promise<ImportBatchSummary[]> {
  return getDb()
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      format: importBatches.format,
      createdAt: importBatches.createdAt,
      rowCount: sql<number>`jsonb_array_length(${importBatches.rows})`.mapWith(Number),
    })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.userId, userId),
        sql`${importBatches.createdAt} >= now() - interval '1 day'`,
      ),
    )
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit);
}

export type ImportBatch = typeof importBatches.$inferSelect;

/** The user's batch with its rows; undefined when missing or someone else's. */
export async function getImportBatch(
  userId: string,
  batchId: string,
  executor: Executor = getDb(),
): Promise<ImportBatch | undefined> {
  const [row] = await executor
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.userId, userId), eq(importBatches.id, batchId)))
    .limit(1);
  return row;
}

/** The batch without its rows (what the mapping form needs); undefined when not the user's. */
export async function getImportBatchHeader(
  userId: string,
  batchId: string,
  executor: Executor = getDb(),
) {
  const [row] = await executor
    .select({
      id: importBatches.id,
      format: importBatches.format,
      columns: importBatches.columns,
      mapping: importBatches.mapping,
    })
    .from(importBatches)
    .where(and(eq(importBatches.userId, userId), eq(importBatches.id, batchId)))
    .limit(1);
  return row;
}

/** Saves the column → field choice; false when the batch is not the user's (or is gone). */
export async function saveImportMapping(
  executor: Executor,
  userId: string,
  batchId: string,
  mapping: readonly ImportField[],
): Promise<boolean> {
  const updated = await executor
    .update(importBatches)
    .set({ mapping: mappingToRecord(mapping) })
    .where(and(eq(importBatches.userId, userId), eq(importBatches.id, batchId)))
    .returning({ id: importBatches.id });
  return updated.length > 0;
}

export async function deleteImportBatch(
  executor: Executor,
  userId: string,
  batchId: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(importBatches)
    .where(and(eq(importBatches.userId, userId), eq(importBatches.id, batchId)))
    .returning({ id: importBatches.id });
  return deleted.length > 0;
}

// --- Existing contacts a row may repeat ----------------------------------------------------

/** `expr IN (the list)`, the list sent as one JSON parameter however long it is. */
function inJsonList(expr: SQL, values: readonly string[]): SQL {
  return sql`${expr} in (select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

const collapsedLower = (column: SQL | typeof contacts.fullName | typeof companies.name) =>
  sql`lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

// Mirrors linkedinKey() in lib/csv/import.ts (percent-decoding aside: the caller sends both
// spellings), so the database narrows the candidates and the same JS keys decide.
const storedLinkedinKey = sql`rtrim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(lower(btrim(${contacts.linkedinUrl})), '^[a-z][a-z0-9+.-]*://', ''), '^([a-z0-9-]+\\.)*linkedin\\.com', 'linkedin.com'), '^www\\.', ''), '[?#].*$', ''), '/')`;

/**
 * The user's contacts sharing an email, a LinkedIn profile, or a name at the same company with
 * some of these rows, oldest first. In a transaction, `lock` holds them until it ends so a
 * merge writes over what it read.
 */
export async function findDuplicateCandidates(
  executor: Executor,
  userId: string,
  valid: readonly ValidRow[],
  { lock = false } = {},
): Promise<ExistingContact[]> {
  const lookup = duplicateLookup(valid);
  const conditions: SQL[] = [];
  if (lookup.emails.length > 0) {
    conditions.push(inJsonList(sql`lower(btrim(${contacts.email}))`, lookup.emails));
  }
  if (lookup.linkedin.length > 0) conditions.push(inJsonList(storedLinkedinKey, lookup.linkedin));
  if (lookup.nameCompanies.length > 0) {
    conditions.push(
      inJsonList(
        sql`${collapsedLower(contacts.fullName)} || '|' || ${collapsedLower(companies.name)}`,
        lookup.nameCompanies,
      ),
    );
  }
  if (conditions.length === 0) return [];
  const query = executor
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      email: contacts.email,
      linkedinUrl: contacts.linkedinUrl,
      companyId: contacts.companyId,
      companyName: companies.name,
      title: contacts.title,
      phone: contacts.phone,
      notes: contacts.notes,
      tags: contacts.tags,
      connectedOn: contacts.connectedOn,
      isSample: contacts.isSample,
    })
    .from(contacts)
    .leftJoin(
      companies,
      and(eq(companies.id, contacts.companyId), eq(companies.userId, contacts.userId)),
    )
    .where(and(eq(contacts.userId, userId), sql`(${sql.join(conditions, sql` or `)})`))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  return lock ? query.for("update", { of: contacts }) : query;
}

// --- Preview -------------------------------------------------------------------------------

export type PreviewRow =
  | { line: number; status: "new" | "duplicate"; contact: ImportedContact }
  | { line: number; status: "problem"; reason: string };

export type DuplicateView = {
  line: number;
  contact: ImportedContact;
  reason: DuplicateReason;
  target:
    | {
        kind: "existing";
        id: string;
        fullName: string;
        companyName: string | null;
        email: string | null;
      }
    | { kind: "row"; line: number; fullName: string };
};

export type ImportColumn = { index: number; name: string; field: ImportField; samples: string[] };

export type ImportPreview = {
  id: string;
  fileName: string;
  format: ImportFormat;
  createdAt: Date;
  columns: ImportColumn[];
  mappingKey: string;
  hasName: boolean;
  totalRows: number;
  counts: { new: number; duplicates: number; problems: number };
  /** The first PREVIEW_ROWS rows of the file as they would be imported. */
  preview: PreviewRow[];
  /** The first LISTED_PROBLEMS rows that cannot be imported. */
  problems: BadRow[];
  /** The first LISTED_DUPLICATES duplicates, each with its own choice on the page. */
  duplicates: DuplicateView[];
};

function sampleValues(rows: readonly ImportRow[], index: number): string[] {
  const samples: string[] = [];
  for (const row of rows) {
    const value = (row.cells[index] ?? "").replace(/\s+/g, " ").trim();
    if (value && !samples.includes(value))
      samples.push(value.length > 60 ? `${value.slice(0, 59)}…` : value);
    if (samples.length === 3) break;
  }
  return samples;
}

/** Everything the mapping and preview page shows; undefined when not the user's batch. */
export async function getImportPreview(
  userId: string,
  batchId: string,
): Promise<ImportPreview | undefined> {
  const batch = await getImportBatch(userId, batchId);
  if (!batch) return undefined;
  const mapping = effectiveMapping(batch);
  const hasName = mapsAName(mapping);
  const { valid, bad } = validateRows(batch.rows, batch.columns.length, mapping);
  const existing = hasName ? await findDuplicateCandidates(getDb(), userId, valid) : [];
  const planned = planRows(valid, existing);

  const byLine = new Map<number, PreviewRow>();
  for (const row of planned) {
    if (byLine.size >= PREVIEW_ROWS) break;
    byLine.set(row.line, { line: row.line, status: row.kind, contact: row.contact });
  }
  for (const row of bad.slice(0, PREVIEW_ROWS)) {
    byLine.set(row.line, { line: row.line, status: "problem", reason: row.reason });
  }
  const preview = [...byLine.values()].sort((a, b) => a.line - b.line).slice(0, PREVIEW_ROWS);

  const duplicates: DuplicateView[] = [];
  let duplicateCount = 0;
  for (const row of planned) {
    if (row.kind !== "duplicate") continue;
    duplicateCount += 1;
    if (duplicates.length >= LISTED_DUPLICATES) continue;
    duplicates.push({
      line: row.line,
      contact: row.contact,
      reason: row.reason,
      target:
        row.target.kind === "existing"
          ? {
              kind: "existing",
              id: row.target.contact.id,
              fullName: row.target.contact.fullName,
              companyName: row.target.contact.companyName,
              email: row.target.contact.email,
            }
          : row.target,
    });
  }

  return {
    id: batch.id,
    fileName: batch.fileName,
    format: batch.format,
    createdAt: batch.createdAt,
    columns: batch.columns.map((name, index) => ({
      index,
      name,
      field: mapping[index] ?? "ignore",
      samples: sampleValues(batch.rows, index),
    })),
    mappingKey: mappingKey(mapping),
    hasName,
    totalRows: batch.rows.length,
    counts: {
      new: planned.length - duplicateCount,
      duplicates: duplicateCount,
      problems: bad.length,
    },
    preview,
    problems: bad.slice(0, LISTED_PROBLEMS),
    duplicates,
  };
}

// --- Import --------------------------------------------------------------------------------

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) =>
    items.slice(index * size, (index + 1) * size),
  );

const companyKey = (name: string) => name.trim().toLowerCase();

// Per-name locks for a few names, as findOrCreateCompany takes them; not for thousands: the
// lock table is shared and small (max_locks_per_transaction), and a whole import already runs
// under the user's import lock.
const MAX_NAME_LOCKS = 100;

/**
 * The user's company id for each name (by lower-cased name), creating the missing ones in bulk.
 * Names compare without regard to case, like findOrCreateCompany; the first spelling wins.
 */
export async function resolveCompanies(
  tx: Executor,
  userId: string,
  names: readonly string[],
): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const name of names) {
    const key = companyKey(name);
    if (key && !wanted.has(key)) wanted.set(key, name.trim());
  }
  const ids = new Map<string, string>();
  if (wanted.size === 0) return ids;

  const findExisting = async (keys: string[]) => {
    const rows = await tx
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(
        and(eq(companies.userId, userId), inJsonList(sql`lower(btrim(${companies.name}))`, keys)),
      )
      .orderBy(asc(companies.createdAt), asc(companies.id));
    for (const row of rows) {
      const key = companyKey(row.name);
      if (!ids.has(key)) ids.set(key, row.id);
    }
  };
  await findExisting([...wanted.keys()]);
  let missing = [...wanted.keys()].filter((key) => !ids.has(key));
  if (missing.length > 0 && missing.length <= MAX_NAME_LOCKS) {
    const lockKeys = missing.map((key) => `company-name:${userId}:${key}`).sort();
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(k, 0)) from (select k from jsonb_array_elements_text(${JSON.stringify(lockKeys)}::jsonb) as t(k) order by k) as ordered`,
    );
    await findExisting(missing);
    missing = missing.filter((key) => !ids.has(key));
  }
  for (const part of chunks(missing, INSERT_CHUNK)) {
    const names = part.map((key) => wanted.get(key)!);
    const created = await executeRows<{ id: string; name: string }>(
      tx,
      sql`insert into ${companies} (user_id, name)
        select ${userId}, name from jsonb_array_elements_text(${JSON.stringify(names)}::jsonb) as t(name)
        returning id, name`,
    );
    for (const row of created) ids.set(companyKey(row.name), row.id);
  }
  return ids;
}

export type ImportOutcome = {
  created: number;
  merged: number;
  skipped: number;
  problems: number;
};

export type ImportConfirmation = {
  /** The mappingKey the preview showed; a different mapping in force refuses the import. */
  mappingKey: string;
  choices: ReadonlyMap<number, DuplicateChoice>;
  /** For duplicates without their own choice (those past the listed ones). */
  otherDuplicates: DuplicateChoice;
};

/**
 * Imports the user's batch as confirmed. Run inside a transaction: any failure writes nothing
 * and keeps the batch. New contacts go in by chunks of multi-row inserts; merges fill the
 * existing contacts' blank fields and unite tags (lib/contacts/merge-fields); the batch is
 * deleted. Rows with problems are never written.
 */
export async function runImport(
  tx: Executor,
  userId: string,
  batchId: string,
  confirmation: ImportConfirmation,
): Promise<ImportOutcome> {
  // One import at a time per user, so two of them cannot both create the same people.
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`contact-import:${userId}`}, 0))`,
  );
  // Deleting first claims the batch: a second confirmation of it finds nothing.
  const [batch] = await tx
    .delete(importBatches)
    .where(and(eq(importBatches.userId, userId), eq(importBatches.id, batchId)))
    .returning();
  if (!batch) throw notFound("This import");
  const mapping = effectiveMapping(batch);
  if (mappingKey(mapping) !== confirmation.mappingKey) {
    throw new AppError(
      "conflict",
      "The column choices changed since this preview was shown. Check the preview again, then import.",
    );
  }
  if (!mapsAName(mapping)) {
    throw new AppError(
      "invalid",
      "Choose which column holds the name (Full name, or First name and Last name) before importing.",
    );
  }

  const { valid, bad } = validateRows(batch.rows, batch.columns.length, mapping);
  const existing = await findDuplicateCandidates(tx, userId, valid, { lock: true });
  const plan = resolveChoices(
    planRows(valid, existing),
    confirmation.choices,
    confirmation.otherDuplicates,
  );

  const companyNames: string[] = [];
  for (const { contact } of plan.creates) if (contact.company) companyNames.push(contact.company);
  for (const { existing: contact, rows } of plan.merges) {
    const company = rows.find((row) => row.company)?.company;
    if (!contact.companyId && company) companyNames.push(company);
  }
  const companyIds = await resolveCompanies(tx, userId, companyNames);
  const companyIdFor = (name: string | null) =>
    name ? (companyIds.get(companyKey(name)) ?? null) : null;

  for (const part of chunks(plan.creates, INSERT_CHUNK)) {
    // One JSON parameter per chunk: binding thousands of separate parameters costs more than
    // the insert itself (measured on PGlite).
    const values = part.map(({ contact }) => ({
      full_name: contact.fullName,
      title: contact.title,
      company_id: companyIdFor(contact.company),
      email: contact.email,
      phone: contact.phone,
      linkedin_url: contact.linkedinUrl,
      tags: contact.tags,
      notes: contact.notes,
      connected_on: contact.connectedOn,
    }));
    await tx.execute(sql`
      insert into ${contacts} (user_id, full_name, title, company_id, email, phone, linkedin_url,
        tags, notes, connected_on)
      select ${userId}, v.full_name, v.title, v.company_id, v.email, v.phone, v.linkedin_url,
        array(select jsonb_array_elements_text(v.tags)), v.notes, v.connected_on
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(full_name text, title text,
        company_id uuid, email text, phone text, linkedin_url text, tags jsonb, notes text,
        connected_on date)`);
  }
  const asMergeable = (contact: ImportedContact): MergeableContact => ({
    id: "",
    companyId: companyIdFor(contact.company),
    title: contact.title,
    email: contact.email,
    phone: contact.phone,
    linkedinUrl: contact.linkedinUrl,
    notes: contact.notes,
    tags: contact.tags,
    connectedOn: contact.connectedOn,
    isSample: false,
  });
  const updates = plan.merges.map(({ existing: contact, rows }) => ({
    id: contact.id,
    // The contact's own values win; a blank company takes the file's (resolved above).
    ...mergeContactFields(contact, rows.map(asMergeable)),
  }));
  for (const part of chunks(updates, INSERT_CHUNK)) {
    await tx.execute(sql`
      update ${contacts} set
        company_id = v.company_id,
        title = v.title,
        email = v.email,
        phone = v.phone,
        linkedin_url = v.linkedin_url,
        notes = v.notes,
        tags = array(select jsonb_array_elements_text(v.tags)),
        connected_on = v.connected_on,
        is_sample = v.is_sample,
        updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(
        part.map((update) => ({
          id: update.id,
          company_id: update.companyId,
          title: update.title,
          email: update.email,
          phone: update.phone,
          linkedin_url: update.linkedinUrl,
          notes: update.notes,
          tags: update.tags,
          connected_on: update.connectedOn,
          is_sample: update.isSample,
        })),
      )}::jsonb) as v(id uuid, company_id uuid, title text, email text, phone text,
        linkedin_url text, notes text, tags jsonb, connected_on date, is_sample boolean)
      where ${contacts.id} = v.id and ${contacts.userId} = ${userId}`);
  }

  return { ...plan.counts, problems: bad.length };
}

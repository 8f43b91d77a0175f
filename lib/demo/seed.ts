import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgInsertValue, PgTable } from "drizzle-orm/pg-core";
import { type DatabaseHandle, type Executor, executeRows } from "@/lib/db/client";
import {
  applicationStageChanges,
  applications,
  companies,
  contacts,
  followUps,
  interactions,
  notes,
  openings,
  processParticipants,
  users,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { type BulkOptions, generateContacts, planBulk } from "./bulk";
import { buildSampleData, type SampleOptions } from "./sample-data";
import { addCounts, countRows, type DemoCounts, type DemoRows } from "./types";

// Writes demo rows. Deliberately free of `server-only` so scripts/seed-demo.ts (plain Node via
// tsx) and benchmarks can use it; the app reaches it through lib/db/queries/sample-data.ts.

/** Rows per INSERT: ~15 parameters a row stays far below Postgres's 65,535-parameter limit. */
export const DEFAULT_CHUNK_SIZE = 1000;

export const SAMPLE_ALREADY_LOADED =
  "Sample data is already loaded. Remove it from the dashboard first if you want a fresh copy.";

async function insertChunks<T extends PgTable>(
  executor: Executor,
  table: T,
  rows: PgInsertValue<T>[],
  chunkSize: number,
) {
  for (let start = 0; start < rows.length; start += chunkSize) {
    await executor.insert(table).values(rows.slice(start, start + chunkSize));
  }
}

/** Inserts every kind of row, parents before children, in multi-row INSERTs. */
export async function insertDemoRows(
  executor: Executor,
  rows: DemoRows,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<void> {
  await insertChunks(executor, companies, rows.companies, chunkSize);
  await insertChunks(executor, contacts, rows.contacts, chunkSize);
  await insertChunks(executor, applications, rows.applications, chunkSize);
  await insertChunks(executor, applicationStageChanges, rows.stageChanges, chunkSize);
  await insertChunks(executor, processParticipants, rows.participants, chunkSize);
  await insertChunks(executor, interactions, rows.interactions, chunkSize);
  await insertChunks(executor, notes, rows.notes, chunkSize);
  await insertChunks(executor, followUps, rows.followUps, chunkSize);
  await insertChunks(executor, openings, rows.openings, chunkSize);
}

/**
 * Whether the user has any sample data. Sample companies answer it for the usual account in
 * a few index rows; contacts cover an account where the sample companies were deleted by hand.
 */
export async function sampleDataExists(executor: Executor, userId: string): Promise<boolean> {
  const [row] = await executeRows<{ present: boolean }>(
    executor,
    sql`select (
      exists (select 1 from ${companies} where ${companies.userId} = ${userId} and ${companies.isSample})
      or exists (select 1 from ${contacts} where ${contacts.userId} = ${userId} and ${contacts.isSample})
    ) as present`,
  );
  return row?.present === true;
}

/**
 * Loads the hand-written sample account in one transaction; refuses (conflict) when the user
 * already has sample data. A per-user advisory lock makes two simultaneous clicks load it once.
 */
export async function loadSampleSet(
  executor: Executor,
  userId: string,
  options: SampleOptions = {},
): Promise<DemoCounts> {
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`sample-data:${userId}`}))`);
    if (await sampleDataExists(tx, userId)) throw new AppError("conflict", SAMPLE_ALREADY_LOADED);
    const rows = await reuseSameNamedCompanies(tx, userId, buildSampleData(userId, options));
    await insertDemoRows(tx, rows);
    return countRows(rows);
  });
}

/**
 * Company names are unique per user (case-insensitive) in the app. When the account already
 * has "Kestrel Health", the sample records attach to that company instead of a duplicate; it
 * stays the user's when the sample data is removed.
 */
async function reuseSameNamedCompanies(
  executor: Executor,
  userId: string,
  rows: DemoRows,
): Promise<DemoRows> {
  const existing = await executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(
        eq(companies.userId, userId),
        inArray(
          sql`lower(${companies.name})`,
          rows.companies.map((row) => row.name.toLowerCase()),
        ),
      ),
    );
  if (existing.length === 0) return rows;
  const byName = new Map(existing.map((row) => [row.name.toLowerCase(), row.id]));
  const replaced = new Map<string, string>();
  for (const row of rows.companies) {
    const id = byName.get(row.name.toLowerCase());
    if (id && row.id) replaced.set(row.id, id);
  }
  const relink = <T extends { companyId?: string | null }>(row: T): T =>
    row.companyId ? { ...row, companyId: replaced.get(row.companyId) ?? row.companyId } : row;
  return {
    ...rows,
    companies: rows.companies.filter((row) => !replaced.has(row.id as string)),
    contacts: rows.contacts.map(relink),
    applications: rows.applications.map(relink),
    openings: rows.openings.map(relink),
  };
}

/**
 * Foreign-key checks run through plans the session caches. A plan made while a table was
 * nearly empty (say, when the sample set was loaded on a fresh database) scans the whole table
 * for every check, which makes a bulk load quadratic: 8,000 contacts took 104 s instead of 5 s
 * on PGlite, which has no autovacuum to refresh statistics. ANALYZE (allowed in a transaction,
 * and it counts this transaction's own rows) invalidates those plans, so the next checks are
 * planned against the table's real size and use the index.
 */
async function refreshPlannerStatistics(executor: Executor, tables: PgTable[]) {
  for (const table of tables) await executor.execute(sql`analyze ${table}`);
}

export type SeedBulkOptions = BulkOptions & {
  /** Contacts generated and inserted per round (their interactions etc. come with them). */
  batchSize?: number;
  chunkSize?: number;
  onProgress?: (inserted: number, total: number) => void;
};

export type SeedBulkResult = { counts: DemoCounts; ms: number };

/**
 * Adds `contacts` generated people to the user's account, with companies (~1/20), applications
 * (~1/10, a mix of stages, with stage history), participants, ~3 interactions each, a few notes
 * and follow-ups. One transaction: the account gets all of it or none. Rows are flagged
 * isSample unless `isSample: false` (a benchmark may want a "real" large account).
 * Takes the app's handle, a drizzle database, or an open transaction.
 */
export async function seedBulk(
  target: DatabaseHandle | Executor,
  userId: string,
  options: SeedBulkOptions,
): Promise<SeedBulkResult> {
  const executor = "driver" in target ? target.db : target;
  const batchSize = options.batchSize ?? 2000;
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const started = performance.now();
  const counts = await executor.transaction(async (tx) => {
    const names = await tx
      .select({ name: sql<string>`lower(${companies.name})` })
      .from(companies)
      .where(eq(companies.userId, userId));
    const takenCompanyNames = new Set([
      ...(options.takenCompanyNames ?? []),
      ...names.map((row) => row.name),
    ]);
    const plan = planBulk(userId, { ...options, takenCompanyNames });
    await insertDemoRows(tx, plan.rows, chunkSize);
    await refreshPlannerStatistics(tx, [companies, applications]);
    let total = countRows(plan.rows);
    let analyzedAt = 0;
    for (let start = 0; start < plan.contactCount; start += batchSize) {
      const batch = generateContacts(plan, start, batchSize);
      await insertChunks(tx, contacts, batch.contacts, chunkSize);
      const inserted = start + batch.contacts.length;
      // Whenever the table has doubled since the last look: cheap, and enough for the plans.
      if (analyzedAt === 0 || inserted >= 2 * analyzedAt) {
        await refreshPlannerStatistics(tx, [contacts]);
        analyzedAt = inserted;
      }
      await insertDemoRows(tx, { ...batch, contacts: [] }, chunkSize);
      total = addCounts(total, countRows(batch));
      options.onProgress?.(inserted, plan.contactCount);
    }
    return total;
  });
  // Fresh statistics for everything just written, for the same reason as above and more:
  // without them the planner runs each cascade of a later delete (removing the sample data)
  // through the (user_id, …) indexes, which for a 10,000-contact account is quadratic.
  await refreshPlannerStatistics(executor, [
    companies,
    contacts,
    applications,
    applicationStageChanges,
    processParticipants,
    interactions,
    notes,
    followUps,
    openings,
  ]);
  return { counts, ms: Math.round(performance.now() - started) };
}

/** For the seed script: the account to fill, looked up by email as sign-in does. */
export async function findUserIdByEmail(
  executor: Executor,
  email: string,
): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: users.id })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row?.id;
}

/** For the seed script's --create-user: a throwaway account (password optional). */
export async function createDemoUser(
  executor: Executor,
  input: { email: string; name: string; passwordHash: string | null },
): Promise<string> {
  const [row] = await executor
    .insert(users)
    .values({
      email: input.email.trim().toLowerCase(),
      name: input.name,
      passwordHash: input.passwordHash,
    })
    .returning({ id: users.id });
  if (!row) throw new Error("user insert returned nothing");
  return row.id;
}

import "server-only";
import { and, asc, count, eq, getTableColumns, getTableName, gt, sql } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { type Executor, getDb } from "@/lib/db/client";
import {
  accounts,
  applicationStageChanges,
  applications,
  companies,
  contacts,
  digestDeliveries,
  followUps,
  importBatches,
  interactions,
  notes,
  openings,
  processParticipants,
  users,
} from "@/lib/db/schema";

// The account as a whole: the "download all your data" file and deleting the account.

// --- Export ------------------------------------------------------------------------------------

export const ACCOUNT_EXPORT_PAGE_SIZE = 1000;
export const ACCOUNT_EXPORT_FORMAT = "runner-up-account-export";

type OwnedTable = PgTable & { userId: AnyPgColumn };

type Section = {
  /** The key in the JSON file. */
  key: string;
  table: OwnedTable;
  /** A unique column (within the user's rows) to page by. */
  orderBy: AnyPgColumn;
  /** Rows per query: fewer for tables whose rows can be large. */
  pageSize?: number;
};

/** Every table with the user's rows, in the file's order (parents before children). */
const SECTIONS: Section[] = [
  { key: "companies", table: companies, orderBy: companies.id },
  { key: "contacts", table: contacts, orderBy: contacts.id },
  { key: "applications", table: applications, orderBy: applications.id },
  { key: "stageChanges", table: applicationStageChanges, orderBy: applicationStageChanges.id },
  { key: "participants", table: processParticipants, orderBy: processParticipants.id },
  { key: "interactions", table: interactions, orderBy: interactions.id },
  { key: "notes", table: notes, orderBy: notes.id },
  { key: "followUps", table: followUps, orderBy: followUps.id },
  { key: "openings", table: openings, orderBy: openings.id },
  // Uploaded CSV files waiting for the user to confirm an import: their rows are personal data.
  { key: "pendingImports", table: importBatches, orderBy: importBatches.id, pageSize: 20 },
  { key: "weeklyDigests", table: digestDeliveries, orderBy: digestDeliveries.weekStart },
];

export const ACCOUNT_EXPORT_SECTIONS = SECTIONS.map((section) => section.key);
/** The tables the file covers row by row (tests check that none of the user's is missing). */
export const ACCOUNT_EXPORT_TABLES = SECTIONS.map((section) => getTableName(section.table));

/** The user's profile as exported: no password hash, no calendar-feed secret. */
export async function getAccountProfile(userId: string, executor: Executor = getDb()) {
  const [row] = await executor
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      emailVerified: users.emailVerified,
      image: users.image,
      signature: users.signature,
      tone: users.tone,
      cadenceMonths: users.cadenceMonths,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
      calendarFeedEnabled: sql<boolean>`${users.calendarToken} is not null`,
      createdAt: users.createdAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** Sign-in providers linked to the account (GitHub, Google), without their tokens. */
async function listSignInProviders(executor: Executor, userId: string) {
  return executor
    .select({ provider: accounts.provider, type: accounts.type })
    .from(accounts)
    .where(eq(accounts.userId, userId))
    .orderBy(asc(accounts.provider), asc(accounts.providerAccountId))
    .limit(100);
}

/** The user's rows of one table, all columns but user_id, in keyset pages. */
async function* sectionPages(
  executor: Executor,
  userId: string,
  section: Section,
  pageSize: number,
): AsyncGenerator<Record<string, unknown>[]> {
  const { userId: _owner, ...columns } = getTableColumns(section.table) as Record<
    string,
    AnyPgColumn
  >;
  const keyName = Object.entries(columns).find(([, column]) => column === section.orderBy)?.[0];
  if (!keyName) throw new Error(`${section.key}: the paging column must be selected`);
  const size = Math.min(pageSize, section.pageSize ?? pageSize);
  let after: unknown;
  for (;;) {
    const rows = (await executor
      .select(columns)
      .from(section.table as PgTable)
      .where(
        and(
          eq(section.table.userId, userId),
          after === undefined ? undefined : gt(section.orderBy, after),
        ),
      )
      .orderBy(asc(section.orderBy))
      .limit(size)) as Record<string, unknown>[];
    if (rows.length > 0) yield rows;
    if (rows.length < size) return;
    after = rows.at(-1)![keyName];
  }
}

/**
 * Everything the user owns as one JSON document, produced piece by piece: the profile first,
 * then one array per table, read in keyset pages (one row per line). Memory stays flat
 * whatever the account's size; nothing is read until the consumer asks for more.
 */
export async function* accountExportJson(
  userId: string,
  {
    pageSize = ACCOUNT_EXPORT_PAGE_SIZE,
    now = new Date(),
    executor = getDb(),
  }: { pageSize?: number; now?: Date; executor?: Executor } = {},
): AsyncGenerator<string> {
  const profile = await getAccountProfile(userId, executor);
  if (!profile) throw new Error("account export: the user no longer exists");
  const providers = await listSignInProviders(executor, userId);
  yield `{\n"format": ${JSON.stringify(ACCOUNT_EXPORT_FORMAT)},\n"version": 1,\n"exportedAt": ${JSON.stringify(now)},\n"profile": ${JSON.stringify(profile)},\n"signInProviders": ${JSON.stringify(providers)}`;
  for (const section of SECTIONS) {
    yield `,\n${JSON.stringify(section.key)}: [`;
    let first = true;
    for await (const rows of sectionPages(executor, userId, section, pageSize)) {
      yield `${first ? "\n" : ",\n"}${rows.map((row) => JSON.stringify(row)).join(",\n")}`;
      first = false;
    }
    yield first ? "]" : "\n]";
  }
  yield "\n}\n";
}

// --- Deletion ----------------------------------------------------------------------------------

export type AccountFootprint = {
  companies: number;
  contacts: number;
  applications: number;
  notes: number;
};

/** What deleting the account takes with it, for the confirmation text. */
export async function getAccountFootprint(userId: string): Promise<AccountFootprint> {
  const countOf = (table: OwnedTable) =>
    sql<number>`(${getDb().select({ n: count() }).from(table).where(eq(table.userId, userId))})`.mapWith(
      Number,
    );
  const [row] = await getDb()
    .select({
      companies: countOf(companies),
      contacts: countOf(contacts),
      applications: countOf(applications),
      notes: countOf(notes),
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? { companies: 0, contacts: 0, applications: 0, notes: 0 };
}

/**
 * Deletes the user. Every row they own goes with them: each user-owned table references
 * users(id) ON DELETE CASCADE (tests/integration/account.test.ts checks all of them).
 * False when there was no such user.
 */
export async function deleteAccount(executor: Executor, userId: string): Promise<boolean> {
  const deleted = await executor
    .delete(users)
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return deleted.length > 0;
}

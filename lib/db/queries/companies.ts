import "server-only";
import { and, asc, count, desc, eq, ilike, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import {
  type ApplicationStage,
  applications,
  companies,
  contacts,
  followUps,
  interactions,
  notes,
  openings,
} from "@/lib/db/schema";
import type { CompanyInput, CompanySort } from "@/lib/validations/companies";

export type CompanyOption = { id: string; name: string };

/** Companies for a picker, alphabetical; bounded so a huge account cannot blow up a form. */
export async function listCompanyOptions(userId: string, limit = 500): Promise<CompanyOption[]> {
  return getDb()
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(eq(companies.userId, userId))
    .orderBy(asc(sql`lower(${companies.name})`))
    .limit(limit);
}

/**
 * The user's company with this name (case-insensitive), created if there is none, so typing
 * "acme" where "Acme" exists never makes a duplicate.
 */
export async function findOrCreateCompany(
  executor: Executor,
  userId: string,
  name: string,
): Promise<CompanyOption> {
  const trimmed = name.trim();
  await lockCompanyName(executor, userId, trimmed);
  const [existing] = await executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(eq(companies.userId, userId), eq(sql`lower(${companies.name})`, trimmed.toLowerCase())),
    )
    .limit(1);
  if (existing) return existing;
  const [created] = await executor
    .insert(companies)
    .values({ userId, name: trimmed })
    .returning({ id: companies.id, name: companies.name });
  if (!created) throw new Error("company insert returned nothing");
  return created;
}

// ---------------------------------------------------------------------------------------------
// Names are unique per user without regard to case, but the schema has no unique index for it,
// so writers that check-then-insert serialise on an advisory lock for (user, name) held until
// their transaction ends. Outside a transaction the lock is released at once (harmless).

export async function lockCompanyName(executor: Executor, userId: string, name: string) {
  const key = `company-name:${userId}:${name.trim().toLowerCase()}`;
  await executor.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** The user's company called `name` (any case), other than `exceptId`, if there is one. */
export async function findCompanyByName(
  executor: Executor,
  userId: string,
  name: string,
  exceptId?: string,
): Promise<CompanyOption | undefined> {
  const [row] = await executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(
        eq(companies.userId, userId),
        eq(sql`lower(${companies.name})`, sql`lower(${name.trim()})`),
        exceptId ? sql`${companies.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return row;
}

export async function insertCompany(
  executor: Executor,
  userId: string,
  input: CompanyInput,
): Promise<CompanyOption> {
  const [row] = await executor
    .insert(companies)
    .values({ ...input, userId })
    .returning({ id: companies.id, name: companies.name });
  if (!row) throw new Error("company insert returned nothing");
  return row;
}

/** Updates the user's company; undefined when it is not theirs (or gone). */
export async function updateCompany(
  executor: Executor,
  userId: string,
  id: string,
  input: CompanyInput,
): Promise<CompanyOption | undefined> {
  const [row] = await executor
    .update(companies)
    .set({ ...input, updatedAt: sql`now()` })
    .where(and(eq(companies.id, id), eq(companies.userId, userId)))
    .returning({ id: companies.id, name: companies.name });
  return row;
}

/**
 * Deletes the user's company. The foreign keys do the rest in the same statement: its
 * applications (with participants and stage history) and openings cascade, contacts keep
 * existing without a current company, and interactions, notes and follow-ups lose their link
 * to the deleted applications. Returns false when the company is not the user's.
 */
export async function deleteCompany(
  executor: Executor,
  userId: string,
  id: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(companies)
    .where(and(eq(companies.id, id), eq(companies.userId, userId)))
    .returning({ id: companies.id });
  return deleted.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Reads for the pages.

/** `%text%` for ILIKE, with the user's own % and _ matched literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export type CompanyListItem = {
  id: string;
  name: string;
  interest: number | null;
  isSample: boolean;
  updatedAt: Date;
  applicationCount: number;
  contactCount: number;
};

export type CompanyListQuery = { q?: string; sort?: CompanySort; page?: number };

export const COMPANY_PAGE_SIZE = 30;

/**
 * One page of the user's companies with how many applications and people each has. The page
 * is chosen first (LIMIT size + 1 tells whether there is a next one); the counts are grouped
 * over that page's companies only, all in one statement.
 */
export async function listCompanies(
  userId: string,
  { q = "", sort = "name", page = 1 }: CompanyListQuery = {},
  pageSize = COMPANY_PAGE_SIZE,
): Promise<{ rows: CompanyListItem[]; hasNext: boolean }> {
  const db = getDb();
  const search = q.trim();
  const sortName = sql<string>`lower(${companies.name})`.as("sort_name");
  const pageOf = db.$with("company_page").as(
    db
      .select({
        id: companies.id,
        name: companies.name,
        interest: companies.interest,
        isSample: companies.isSample,
        updatedAt: companies.updatedAt,
        sortName,
      })
      .from(companies)
      .where(
        and(
          eq(companies.userId, userId),
          search ? ilike(companies.name, containsPattern(search)) : undefined,
        ),
      )
      .orderBy(
        ...(sort === "recent"
          ? [desc(companies.updatedAt), asc(companies.id)]
          : [asc(sql`lower(${companies.name})`), asc(companies.id)]),
      )
      .limit(pageSize + 1)
      .offset((Math.max(1, page) - 1) * pageSize),
  );
  const pageIds = db.select({ id: pageOf.id }).from(pageOf);
  const applicationCounts = db
    .select({ companyId: applications.companyId, n: count().as("application_count") })
    .from(applications)
    .where(and(eq(applications.userId, userId), inArray(applications.companyId, pageIds)))
    .groupBy(applications.companyId)
    .as("application_counts");
  const contactCounts = db
    .select({ companyId: contacts.companyId, n: count().as("contact_count") })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.companyId, pageIds)))
    .groupBy(contacts.companyId)
    .as("contact_counts");

  const rows = await db
    .with(pageOf)
    .select({
      id: pageOf.id,
      name: pageOf.name,
      interest: pageOf.interest,
      isSample: pageOf.isSample,
      updatedAt: pageOf.updatedAt,
      applicationCount: sql<number>`coalesce(${applicationCounts.n}, 0)`.mapWith(Number),
      contactCount: sql<number>`coalesce(${contactCounts.n}, 0)`.mapWith(Number),
    })
    .from(pageOf)
    .leftJoin(applicationCounts, eq(applicationCounts.companyId, pageOf.id))
    .leftJoin(contactCounts, eq(contactCounts.companyId, pageOf.id))
    .orderBy(
      ...(sort === "recent"
        ? [desc(pageOf.updatedAt), asc(pageOf.id)]
        : [asc(pageOf.sortName), asc(pageOf.id)]),
    );
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

export type CompanyDetail = {
  id: string;
  name: string;
  website: string | null;
  careersUrl: string | null;
  interest: number | null;
  notes: string | null;
  isSample: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export async function getCompany(userId: string, id: string): Promise<CompanyDetail | undefined> {
  const [row] = await getDb()
    .select({
      id: companies.id,
      name: companies.name,
      website: companies.website,
      careersUrl: companies.careersUrl,
      interest: companies.interest,
      notes: companies.notes,
      isSample: companies.isSample,
      createdAt: companies.createdAt,
      updatedAt: companies.updatedAt,
    })
    .from(companies)
    .where(and(eq(companies.id, id), eq(companies.userId, userId)))
    .limit(1);
  return row;
}

/** A bounded slice of a list plus how many there are in all ("and N more"). */
export type Bounded<T> = { rows: T[]; total: number };

export type CompanyPerson = { id: string; fullName: string; title: string | null };

/** The people whose current company this is, by name; at most `limit`, with the total. */
export async function listCompanyContacts(
  userId: string,
  companyId: string,
  limit = 50,
): Promise<Bounded<CompanyPerson>> {
  const rows = await getDb()
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.companyId, companyId)))
    .orderBy(asc(sql`lower(${contacts.fullName})`), asc(contacts.id))
    .limit(limit);
  return {
    rows: rows.map(({ total: _total, ...person }) => person),
    total: rows[0]?.total ?? 0,
  };
}

export type CompanyApplication = {
  id: string;
  jobTitle: string;
  stage: ApplicationStage;
  appliedOn: string | null;
  isSample: boolean;
};

/** The user's applications at this company, most recently updated first; bounded, with total. */
export async function listCompanyApplications(
  userId: string,
  companyId: string,
  limit = 50,
): Promise<Bounded<CompanyApplication>> {
  const rows = await getDb()
    .select({
      id: applications.id,
      jobTitle: applications.jobTitle,
      stage: applications.stage,
      appliedOn: applications.appliedOn,
      isSample: applications.isSample,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.companyId, companyId)))
    .orderBy(desc(applications.updatedAt), asc(applications.id))
    .limit(limit);
  return {
    rows: rows.map(({ total: _total, ...application }) => application),
    total: rows[0]?.total ?? 0,
  };
}

export type CompanyDeleteImpact = {
  /** Deleted with the company (with their participants and stage history). */
  applications: number;
  /** Deleted with the company. */
  openings: number;
  /** Kept, without a current company. */
  contacts: number;
  /** Interactions, notes and follow-ups kept on their contacts that lose the application link. */
  linkedRecords: number;
};

/** What deleting the company would take with it and what it would leave; one statement. */
export async function getCompanyDeleteImpact(
  userId: string,
  companyId: string,
): Promise<CompanyDeleteImpact | undefined> {
  const db = getDb();
  const applicationIds = db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.companyId, companyId)));
  const linked = (table: typeof interactions | typeof notes | typeof followUps) =>
    db.$count(table, and(eq(table.userId, userId), inArray(table.applicationId, applicationIds)));
  const [row] = await db
    .select({
      applications: db.$count(
        applications,
        and(eq(applications.userId, userId), eq(applications.companyId, companies.id)),
      ),
      openings: db.$count(
        openings,
        and(eq(openings.userId, userId), eq(openings.companyId, companies.id)),
      ),
      contacts: db.$count(
        contacts,
        and(eq(contacts.userId, userId), eq(contacts.companyId, companies.id)),
      ),
      interactions: linked(interactions),
      notes: linked(notes),
      followUps: linked(followUps),
    })
    .from(companies)
    .where(and(eq(companies.id, companyId), eq(companies.userId, userId)))
    .limit(1);
  if (!row) return undefined;
  return {
    applications: Number(row.applications),
    openings: Number(row.openings),
    contacts: Number(row.contacts),
    linkedRecords: Number(row.interactions) + Number(row.notes) + Number(row.followUps),
  };
}

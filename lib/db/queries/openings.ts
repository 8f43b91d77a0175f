import "server-only";
import { and, asc, desc, eq, ilike, or, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { companies, openings } from "@/lib/db/schema";
import type { OpeningInput } from "@/lib/validations/openings";
import { type Bounded, containsPattern } from "./companies";

export type Opening = {
  id: string;
  companyId: string;
  title: string;
  location: string | null;
  url: string | null;
  /** "YYYY-MM-DD" */
  seenOn: string;
  notes: string | null;
  isSample: boolean;
};

const openingColumns = {
  id: openings.id,
  companyId: openings.companyId,
  title: openings.title,
  location: openings.location,
  url: openings.url,
  seenOn: openings.seenOn,
  notes: openings.notes,
  isSample: openings.isSample,
};

/**
 * Records an opening at the user's company. Check the company is the user's first
 * (assertOwned): the composite foreign key refuses another user's company regardless.
 */
export async function insertOpening(
  executor: Executor,
  userId: string,
  companyId: string,
  input: OpeningInput,
): Promise<Opening> {
  const [row] = await executor
    .insert(openings)
    .values({ ...input, userId, companyId })
    .returning(openingColumns);
  if (!row) throw new Error("opening insert returned nothing");
  return row;
}

/** Updates the user's opening; undefined when it is not theirs (or gone). */
export async function updateOpening(
  executor: Executor,
  userId: string,
  id: string,
  input: OpeningInput,
): Promise<Opening | undefined> {
  const [row] = await executor
    .update(openings)
    .set(input)
    .where(and(eq(openings.id, id), eq(openings.userId, userId)))
    .returning(openingColumns);
  return row;
}

/** Deletes the user's opening and says which company it was at; undefined when not theirs. */
export async function deleteOpening(
  executor: Executor,
  userId: string,
  id: string,
): Promise<{ companyId: string } | undefined> {
  const [row] = await executor
    .delete(openings)
    .where(and(eq(openings.id, id), eq(openings.userId, userId)))
    .returning({ companyId: openings.companyId });
  return row;
}

export type OpeningWithCompany = Opening & { companyName: string };

export async function getOpening(
  userId: string,
  id: string,
): Promise<OpeningWithCompany | undefined> {
  const [row] = await getDb()
    .select({ ...openingColumns, companyName: companies.name })
    .from(openings)
    .innerJoin(
      companies,
      and(eq(companies.id, openings.companyId), eq(companies.userId, openings.userId)),
    )
    .where(and(eq(openings.id, id), eq(openings.userId, userId)))
    .limit(1);
  return row;
}

/** Openings seen at one company, newest first; bounded, with the total. */
export async function listCompanyOpenings(
  userId: string,
  companyId: string,
  limit = 50,
): Promise<Bounded<Opening>> {
  const rows = await getDb()
    .select({ ...openingColumns, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(openings)
    .where(and(eq(openings.userId, userId), eq(openings.companyId, companyId)))
    .orderBy(desc(openings.seenOn), desc(openings.createdAt), asc(openings.id))
    .limit(limit);
  return {
    rows: rows.map(({ total: _total, ...opening }) => opening),
    total: rows[0]?.total ?? 0,
  };
}

export type OpeningSearch = { what?: string; where?: string; page?: number };

export const OPENING_PAGE_SIZE = 30;

/**
 * The user's openings, newest seen first. `what`: every word must appear in the title, the
 * notes or the company name; `where`: the location contains it. LIMIT size + 1 for paging.
 */
export async function searchOpenings(
  userId: string,
  { what = "", where = "", page = 1 }: OpeningSearch = {},
  pageSize = OPENING_PAGE_SIZE,
): Promise<{ rows: OpeningWithCompany[]; hasNext: boolean }> {
  const words = what.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const place = where.trim();
  const rows = await getDb()
    .select({ ...openingColumns, companyName: companies.name })
    .from(openings)
    .innerJoin(
      companies,
      and(eq(companies.id, openings.companyId), eq(companies.userId, openings.userId)),
    )
    .where(
      and(
        eq(openings.userId, userId),
        ...words.map((word) => {
          const pattern = containsPattern(word);
          return or(
            ilike(openings.title, pattern),
            ilike(openings.notes, pattern),
            ilike(companies.name, pattern),
          );
        }),
        place ? ilike(openings.location, containsPattern(place)) : undefined,
      ),
    )
    .orderBy(desc(openings.seenOn), desc(openings.createdAt), asc(openings.id))
    .limit(pageSize + 1)
    .offset((Math.max(1, page) - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

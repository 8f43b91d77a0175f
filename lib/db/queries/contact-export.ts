import "server-only";
import { and, asc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import type { ContactExportRecord, ContactRole } from "@/lib/csv/export";
import { type Executor, executeRows, getDb } from "@/lib/db/client";
import {
  applications,
  companies,
  contacts,
  followUps,
  type ParticipantRole,
  processParticipants,
} from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import type { ContactExportQuery } from "@/lib/validations/contact-export";
import { contactListConditions } from "./contacts";
import { assessContacts } from "./nurture-signals";

// The contacts exports (CSV, vCard) read the user's contacts in keyset pages: each page is one
// short query that continues after the last row of the previous one, so 100,000 contacts leave
// with flat memory, without holding a transaction (on PGlite that would block every other
// request), and without OFFSET re-reading everything before the page. Roles and the next
// follow-up are gathered for a whole page at a time, never per row.

export const EXPORT_PAGE_SIZE = 1000;
const FIRST_PAGE_SIZE = 250;

// Joined on the owner too, so a company row can only ever come from the same user.
const companyJoin = and(
  eq(companies.id, contacts.companyId),
  eq(companies.userId, contacts.userId),
);

/**
 * The list's orders split into stretches that each follow one index, so every page can start
 * where the last one stopped:
 * - "name": lower(full_name), id (index contacts_user_name_idx);
 * - "recent" is last_contacted_at desc nulls last, then name, then id, read as two stretches:
 *   "dated" (last_contacted_at desc, name, id: contacts_user_last_contacted_idx plus an
 *   incremental sort of equal timestamps) and then "undated" (name, id). A single keyset over
 *   the mixed directions would need an OR that no index can serve, and every page would scan
 *   from the top again.
 */
type Stretch = "name" | "dated" | "undated";

/** The last row of a page. `lastContacted` is Postgres's own text for the timestamp: a JS
 * Date keeps milliseconds only and would skip or repeat rows that differ in microseconds. */
export type ExportCursor = { nameKey: string; id: string; lastContacted: string | null };

const nameKey = sql<string>`lower(${contacts.fullName})`;
const lastContactedText = sql<string | null>`${contacts.lastContactedAt}::text`;

function stretchConditions(stretch: Stretch, after: ExportCursor | undefined): SQL[] {
  const afterName = (cursor: ExportCursor) =>
    // The row comparison is the keyset; the plain >= lets the planner start the index scan there.
    sql`(${nameKey} >= ${cursor.nameKey} and (${nameKey}, ${contacts.id}) > (${cursor.nameKey}, ${cursor.id}::uuid))`;
  switch (stretch) {
    case "name":
      return after ? [afterName(after)] : [];
    case "undated":
      return [isNull(contacts.lastContactedAt), ...(after ? [afterName(after)] : [])];
    case "dated": {
      const conditions = [isNotNull(contacts.lastContactedAt)];
      if (after?.lastContacted) {
        const at = sql`${after.lastContacted}::timestamptz`;
        conditions.push(
          sql`${contacts.lastContactedAt} <= ${at}`,
          sql`(${contacts.lastContactedAt} < ${at} or (${nameKey}, ${contacts.id}) > (${after.nameKey}, ${after.id}::uuid))`,
        );
      }
      return conditions;
    }
  }
}

function stretchOrder(stretch: Stretch): SQL[] {
  const byName = [asc(nameKey), asc(contacts.id)];
  // "nulls last" as in the index: a plain DESC means NULLS FIRST, which the index cannot serve.
  return stretch === "dated"
    ? [sql`${contacts.lastContactedAt} desc nulls last`, ...byName]
    : byName;
}

type PageRow = {
  id: string;
  full_name: string;
  title: string | null;
  company_name: string | null;
  email: string | null;
  phone: string | null;
  linkedin_url: string | null;
  notes: string | null;
  tags: string[];
  /** Milliseconds since the epoch, for a JS Date. */
  last_contacted_ms: number | null;
  name_key: string;
  last_contacted: string | null;
};

/**
 * One page of contacts. Built with drizzle's SQL helpers but read as plain rows: drizzle's
 * per-cell result mapping was the largest single cost of a 100,000-contact export.
 */
async function readStretchPage(
  executor: Executor,
  userId: string,
  filter: ContactExportQuery,
  stretch: Stretch,
  after: ExportCursor | undefined,
  limit: number,
  withNotes: boolean,
): Promise<PageRow[]> {
  const conditions = [
    ...contactListConditions(userId, filter),
    ...stretchConditions(stretch, after),
  ];
  return executeRows<PageRow>(
    executor,
    sql`select ${contacts.id} as id, ${contacts.fullName} as full_name, ${contacts.title} as title,
        ${companies.name} as company_name, ${contacts.email} as email, ${contacts.phone} as phone,
        ${contacts.linkedinUrl} as linkedin_url,
        ${withNotes ? contacts.notes : sql`null::text`} as notes,
        ${contacts.tags} as tags,
        (extract(epoch from ${contacts.lastContactedAt}) * 1000)::float8 as last_contacted_ms,
        ${nameKey} as name_key, ${lastContactedText} as last_contacted
      from ${contacts}
      left join ${companies} on ${companyJoin}
      where ${and(...conditions)}
      order by ${sql.join(stretchOrder(stretch), sql`, `)}
      limit ${limit}`,
  );
}

/**
 * The page's contact ids as a relation, for a LATERAL lookup per contact. A LATERAL with a
 * LIMIT is always a nested loop over the small per-contact index (contact_id), whatever the
 * planner estimates: a plain `contact_id = any(…)` with a thousand ids makes it pick a full
 * scan of the user's participants for every page, which is twice as slow per page and grows
 * with the account. The ids travel as one text parameter: a thousand separate parameters cost
 * more to build (drizzle checks each) than the query itself. UUIDs never contain a comma.
 */
const pageIds = (ids: string[]) =>
  sql`unnest(string_to_array(${ids.join(",")}, ',')::uuid[]) as page(contact_id)`;

/** Roles per person shown at most (a cell, not a history). */
const ROLES_PER_CONTACT = 50;

type Application = { companyName: string; jobTitle: string; updatedAt: number };

/**
 * Roles in processes for a page of contacts, most recently active process first: one query for
 * the participations, and one for the applications not seen on earlier pages (kept in `known`,
 * which holds at most the user's applications, however many contacts there are).
 */
async function rolesFor(
  executor: Executor,
  userId: string,
  contactIds: string[],
  known: Map<string, Application>,
): Promise<Map<string, ContactRole[]>> {
  const participations = await executeRows<{
    contact_id: string;
    id: string;
    role: ParticipantRole;
    application_id: string;
  }>(
    executor,
    sql`select page.contact_id, p.id, p.role, p.application_id
        from ${pageIds(contactIds)}
        cross join lateral (
          select ${processParticipants.id} as id, ${processParticipants.role} as role,
            ${processParticipants.applicationId} as application_id
          from ${processParticipants}
          where ${processParticipants.contactId} = page.contact_id
            and ${processParticipants.userId} = ${userId}
          limit ${ROLES_PER_CONTACT}) p`,
  );
  const missing = [
    ...new Set(participations.map((row) => row.application_id).filter((id) => !known.has(id))),
  ];
  if (missing.length > 0) {
    const rows = await executor
      .select({
        id: applications.id,
        jobTitle: applications.jobTitle,
        updatedAt: applications.updatedAt,
        companyName: companies.name,
      })
      .from(applications)
      .innerJoin(
        companies,
        and(eq(companies.id, applications.companyId), eq(companies.userId, applications.userId)),
      )
      .where(
        and(
          eq(applications.userId, userId),
          sql`${applications.id} = any(string_to_array(${missing.join(",")}, ',')::uuid[])`,
        ),
      );
    for (const row of rows) {
      known.set(row.id, {
        companyName: row.companyName,
        jobTitle: row.jobTitle,
        updatedAt: row.updatedAt.getTime(),
      });
    }
  }
  const byContact = new Map<string, { role: ContactRole; id: string; updatedAt: number }[]>();
  for (const row of participations) {
    const application = known.get(row.application_id);
    if (!application) continue; // deleted between the two queries
    const entry = {
      role: {
        role: row.role,
        companyName: application.companyName,
        jobTitle: application.jobTitle,
      },
      id: row.id,
      updatedAt: application.updatedAt,
    };
    const list = byContact.get(row.contact_id);
    if (list) list.push(entry);
    else byContact.set(row.contact_id, [entry]);
  }
  const roles = new Map<string, ContactRole[]>();
  for (const [contactId, entries] of byContact) {
    entries.sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    roles.set(
      contactId,
      entries.map((entry) => entry.role),
    );
  }
  return roles;
}

/** The earliest open follow-up of each contact of a page (one query). */
async function nextFollowUpsFor(
  executor: Executor,
  userId: string,
  contactIds: string[],
): Promise<Map<string, string>> {
  const rows = await executeRows<{ contact_id: string; due_on: string }>(
    executor,
    sql`select page.contact_id, f.due_on
        from ${pageIds(contactIds)}
        cross join lateral (
          select ${followUps.dueOn}::text as due_on
          from ${followUps}
          where ${followUps.contactId} = page.contact_id and ${followUps.userId} = ${userId}
            and ${followUps.status} = 'open'
          order by ${followUps.dueOn}
          limit 1) f`,
  );
  return new Map(rows.map((row) => [row.contact_id, row.due_on]));
}

async function completeRecords(
  executor: Executor,
  userId: string,
  rows: PageRow[],
  applicationsSeen: Map<string, Application>,
  today: string,
): Promise<ContactExportRecord[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [roles, nextFollowUps, assessments] = await Promise.all([
    rolesFor(executor, userId, ids, applicationsSeen),
    nextFollowUpsFor(executor, userId, ids),
    assessContacts(executor, userId, ids, today),
  ]);
  return rows.map((row) => ({
    id: row.id,
    fullName: row.full_name,
    title: row.title,
    companyName: row.company_name,
    email: row.email,
    phone: row.phone,
    linkedinUrl: row.linkedin_url,
    notes: row.notes,
    tags: row.tags,
    lastContactedAt: row.last_contacted_ms === null ? null : new Date(row.last_contacted_ms),
    roles: roles.get(row.id) ?? [],
    nextFollowUpOn: nextFollowUps.get(row.id) ?? null,
    // The same score the dashboard ranks by (deleted in between: no score).
    score: assessments.get(row.id)?.score ?? null,
  }));
}

export type ContactExportOptions = {
  /** Most contacts per query. */
  pageSize?: number;
  /** Size of the first query, doubling up to pageSize: the download starts at once. */
  firstPageSize?: number;
  /** Read each contact's notes (the vCards carry them; the CSV does not). */
  withNotes?: boolean;
  /** The day scores are computed for (yyyy-mm-dd); today by default. */
  today?: string;
  executor?: Executor;
};

/**
 * The user's contacts matching the list's filters, in the list's order, one page at a time
 * (per page: one query for the contacts, one for their roles, one for their next follow-ups,
 * one for their nurture signals, and one for applications not seen before). While the
 * consumer turns a page into text, the next page is already being read (at most one page
 * ahead), so the database and the CPU work at the same time; nothing more is read until the
 * consumer asks again.
 */
export async function* contactExportPages(
  userId: string,
  filter: ContactExportQuery,
  {
    pageSize = EXPORT_PAGE_SIZE,
    firstPageSize = Math.min(pageSize, FIRST_PAGE_SIZE),
    withNotes = false,
    today = todayIso(),
    executor = getDb(),
  }: ContactExportOptions = {},
): AsyncGenerator<ContactExportRecord[]> {
  const stretches: Stretch[] = filter.sort === "name" ? ["name"] : ["dated", "undated"];
  const applicationsSeen = new Map<string, Application>();
  let size = Math.max(1, Math.min(firstPageSize, pageSize));
  // A page: its contacts' cursor (when the stretch may go on) and their complete records.
  // Both promises are awaited only when the consumer asks for the page, possibly much later:
  // a handler attached now keeps a failure in between from counting as an unhandled
  // rejection (which would stop the process); awaiting them still throws it.
  const read = (stretch: Stretch, after: ExportCursor | undefined, limit: number) => {
    const page = readStretchPage(executor, userId, filter, stretch, after, limit, withNotes).then(
      (rows) => {
        const last = rows.at(-1);
        const records = completeRecords(executor, userId, rows, applicationsSeen, today);
        records.catch(() => {});
        const next: ExportCursor | undefined =
          rows.length === limit && last
            ? { nameKey: last.name_key, id: last.id, lastContacted: last.last_contacted }
            : undefined;
        return { next, records };
      },
    );
    page.catch(() => {});
    return page;
  };
  // A reader that stops early leaves at most one page being read; it finishes unobserved.
  for (const stretch of stretches) {
    let ahead: ReturnType<typeof read> | undefined = read(stretch, undefined, size);
    while (ahead) {
      const page: Awaited<ReturnType<typeof read>> = await ahead;
      ahead = undefined;
      if (page.next) {
        size = Math.min(pageSize, size * 2);
        ahead = read(stretch, page.next, size);
      }
      const records = await page.records;
      if (records.length > 0) yield records;
    }
  }
}

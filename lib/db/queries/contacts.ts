import "server-only";
import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  isNotNull,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { mergeContactFields, planParticipationMerge } from "@/lib/contacts/merge-fields";
import { type Executor, getDb } from "@/lib/db/client";
import {
  applications,
  companies,
  contacts,
  contactTags,
  followUps,
  interactions,
  notes,
  type ParticipantRole,
  processParticipants,
} from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { ContactListQuery } from "@/lib/validations/contacts";
import { refreshLastContacted } from "./interactions";

export const CONTACTS_PAGE_SIZE = 50;

/** `%` and `_` typed by the user match themselves, not any text. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

// Joined on the owner too, so a company row can only ever come from the same user.
const companyJoin = and(
  eq(companies.id, contacts.companyId),
  eq(companies.userId, contacts.userId),
);

// --- List --------------------------------------------------------------------------------------

export type ContactListRow = {
  id: string;
  fullName: string;
  title: string | null;
  companyId: string | null;
  companyName: string | null;
  lastContactedAt: Date | null;
  tags: string[];
  isSample: boolean;
};

/** The filters a contact list can have: the list's own query shape, or the export's. */
export type ContactFilter = {
  q?: string | null;
  role?: ParticipantRole | null;
  tag?: string | null;
};

/**
 * The contacts list's filters as WHERE conditions (shared with the CSV and vCard exports, so an
 * export of "the current view" is exactly that view): every word of `q` in the name, title,
 * email or company name (the query must join companies); a role in some process; a tag.
 */
export function contactListConditions(userId: string, filter: ContactFilter): SQL[] {
  const conditions: SQL[] = [eq(contacts.userId, userId)];
  const words = (filter.q ?? "").split(/\s+/).filter(Boolean).slice(0, 6);
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`;
    conditions.push(
      or(
        ilike(contacts.fullName, pattern),
        ilike(contacts.title, pattern),
        ilike(contacts.email, pattern),
        ilike(companies.name, pattern),
      )!,
    );
  }
  if (filter.role) {
    conditions.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(processParticipants)
          .where(
            and(
              eq(processParticipants.userId, userId),
              eq(processParticipants.contactId, contacts.id),
              eq(processParticipants.role, filter.role),
            ),
          ),
      ),
    );
  }
  if (filter.tag) conditions.push(arrayContains(contacts.tags, [filter.tag]));
  return conditions;
}

/**
 * One page of the user's contacts. Every word of `q` must appear (case-insensitive) in the
 * name, title, email or company name; `role` keeps people who had that role in some process;
 * `tag` keeps those carrying the tag. Reads pageSize + 1 rows to know whether a next page exists.
 */
export async function listContacts(
  userId: string,
  query: Omit<ContactListQuery, "page"> & { page?: number },
  pageSize = CONTACTS_PAGE_SIZE,
): Promise<{ rows: ContactListRow[]; hasNext: boolean }> {
  const conditions = contactListConditions(userId, query);

  const order =
    query.sort === "name"
      ? [asc(sql`lower(${contacts.fullName})`), asc(contacts.id)]
      : [
          sql`${contacts.lastContactedAt} desc nulls last`,
          asc(sql`lower(${contacts.fullName})`),
          asc(contacts.id),
        ];
  const page = Math.max(1, query.page ?? 1);
  const rows = await getDb()
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
      companyId: contacts.companyId,
      companyName: companies.name,
      lastContactedAt: contacts.lastContactedAt,
      tags: contacts.tags,
      isSample: contacts.isSample,
    })
    .from(contacts)
    .leftJoin(companies, companyJoin)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

/** The user's distinct tags for the filter, alphabetical and bounded. */
export async function listContactTags(userId: string, limit = 100): Promise<string[]> {
  // From contact_tags, which triggers keep in step with contacts.tags: a few index rows,
  // whatever the size of the account (reading the tags off the contacts grew with it).
  const rows = await getDb()
    .select({ tag: contactTags.tag })
    .from(contactTags)
    .where(and(eq(contactTags.userId, userId), gt(contactTags.contacts, 0)))
    .orderBy(asc(contactTags.tag))
    .limit(limit);
  return rows.map((row) => row.tag);
}

// --- One contact ---------------------------------------------------------------------------

export async function getContact(userId: string, contactId: string) {
  const [row] = await getDb()
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
      email: contacts.email,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      notes: contacts.notes,
      tags: contacts.tags,
      companyId: contacts.companyId,
      companyName: companies.name,
      lastContactedAt: contacts.lastContactedAt,
      connectedOn: contacts.connectedOn,
      cadenceMonths: contacts.cadenceMonths,
      isSample: contacts.isSample,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .leftJoin(companies, companyJoin)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .limit(1);
  return row;
}
export type ContactDetail = NonNullable<Awaited<ReturnType<typeof getContact>>>;

/** The hiring processes this person took part in, most recently active first. */
export async function listContactParticipations(userId: string, contactId: string, limit = 100) {
  return getDb()
    .select({
      id: processParticipants.id,
      role: processParticipants.role,
      discussed: processParticipants.discussed,
      applicationId: applications.id,
      jobTitle: applications.jobTitle,
      stage: applications.stage,
      companyId: companies.id,
      companyName: companies.name,
    })
    .from(processParticipants)
    .innerJoin(
      applications,
      and(
        eq(applications.id, processParticipants.applicationId),
        eq(applications.userId, processParticipants.userId),
      ),
    )
    .innerJoin(
      companies,
      and(eq(companies.id, applications.companyId), eq(companies.userId, applications.userId)),
    )
    .where(
      and(eq(processParticipants.userId, userId), eq(processParticipants.contactId, contactId)),
    )
    .orderBy(desc(applications.updatedAt), asc(processParticipants.id))
    .limit(limit);
}

/** Notes drafted for this person (read-only here), newest first. */
export async function listContactNotes(userId: string, contactId: string, limit = 50) {
  return getDb()
    .select({
      id: notes.id,
      channel: notes.channel,
      subject: notes.subject,
      status: notes.status,
      sentAt: notes.sentAt,
      updatedAt: notes.updatedAt,
      applicationId: notes.applicationId,
    })
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.contactId, contactId)))
    .orderBy(desc(notes.updatedAt), asc(notes.id))
    .limit(limit);
}

/** Follow-ups for this person: open ones first, by due date. */
export async function listContactFollowUps(userId: string, contactId: string, limit = 50) {
  return getDb()
    .select({
      id: followUps.id,
      dueOn: followUps.dueOn,
      reason: followUps.reason,
      status: followUps.status,
      completedAt: followUps.completedAt,
    })
    .from(followUps)
    .where(and(eq(followUps.userId, userId), eq(followUps.contactId, contactId)))
    .orderBy(sql`${followUps.status} <> 'open'`, asc(followUps.dueOn), asc(followUps.id))
    .limit(limit);
}

/**
 * `(select count(*) from <table> where user_id = … and contact_id = contacts.id)` for a select
 * list. Built with the query builder so the outer contacts.id stays qualified (in a one-table
 * select, drizzle writes bare column names and "id" would mean the inner table's).
 */
function countFor(
  table: typeof interactions | typeof notes | typeof followUps | typeof processParticipants,
  userId: string | typeof contacts.userId,
) {
  const inner = getDb()
    .select({ n: count() })
    .from(table)
    .where(and(eq(table.userId, userId), eq(table.contactId, contacts.id)));
  return sql<number>`(${inner})`.mapWith(Number);
}

export type ContactFootprint = {
  interactions: number;
  notes: number;
  followUps: number;
  processes: number;
};

/** What deleting this contact would take with it; undefined when it is not the user's. */
export async function getContactFootprint(
  userId: string,
  contactId: string,
): Promise<ContactFootprint | undefined> {
  const [row] = await getDb()
    .select({
      interactions: countFor(interactions, userId),
      notes: countFor(notes, userId),
      followUps: countFor(followUps, userId),
      processes: countFor(processParticipants, userId),
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .limit(1);
  return row;
}

export type ContactSummary = {
  id: string;
  fullName: string;
  title: string | null;
  email: string | null;
  companyName: string | null;
  lastContactedAt: Date | null;
  isSample: boolean;
  createdAt: Date;
  interactionCount: number;
};

// A function, not a constant: building the count subquery needs the database handle, which
// must not open at import time.
const summaryColumns = () => ({
  id: contacts.id,
  fullName: contacts.fullName,
  title: contacts.title,
  email: contacts.email,
  companyName: companies.name,
  lastContactedAt: contacts.lastContactedAt,
  isSample: contacts.isSample,
  createdAt: contacts.createdAt,
  interactionCount: countFor(interactions, contacts.userId),
});

/** One contact as the merge screens show it; undefined when not the user's. */
export async function getContactSummary(
  userId: string,
  contactId: string,
): Promise<ContactSummary | undefined> {
  const [row] = await getDb()
    .select(summaryColumns())
    .from(contacts)
    .leftJoin(companies, companyJoin)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .limit(1);
  return row;
}

/** Other contacts of this user with the same email (case-insensitive), oldest first. */
export async function listContactsWithSameEmail(
  userId: string,
  contactId: string,
  email: string | null,
  limit = 10,
): Promise<ContactSummary[]> {
  if (!email?.trim()) return [];
  return getDb()
    .select(summaryColumns())
    .from(contacts)
    .leftJoin(companies, companyJoin)
    .where(
      and(
        eq(contacts.userId, userId),
        eq(sql`lower(${contacts.email})`, email.trim().toLowerCase()),
        ne(contacts.id, contactId),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id))
    .limit(limit);
}

export type DuplicateGroup = { email: string; total: number; contacts: ContactSummary[] };

/**
 * Groups of the user's contacts sharing an email (case-insensitive). Bounded twice: at most
 * `groupLimit` groups, and `memberLimit` people shown per group (oldest first).
 */
export async function listDuplicateGroups(
  userId: string,
  { groupLimit = 50, memberLimit = 10 } = {},
): Promise<DuplicateGroup[]> {
  const db = getDb();
  const emailKey = sql<string>`lower(${contacts.email})`;
  const groups = await db
    .select({ email: emailKey, total: count() })
    .from(contacts)
    .where(
      and(eq(contacts.userId, userId), isNotNull(contacts.email), sql`${contacts.email} <> ''`),
    )
    .groupBy(emailKey)
    .having(sql`count(*) > 1`)
    .orderBy(emailKey)
    .limit(groupLimit);
  if (groups.length === 0) return [];

  const ranked = db
    .select({
      ...summaryColumns(),
      interactionCount: countFor(interactions, contacts.userId).as("interaction_count"),
      emailKey: sql<string>`lower(${contacts.email})`.as("email_key"),
      rank: sql<number>`row_number() over (partition by lower(${contacts.email}) order by ${contacts.createdAt}, ${contacts.id})`.as(
        "member_rank",
      ),
    })
    .from(contacts)
    .leftJoin(companies, companyJoin)
    .where(
      and(
        eq(contacts.userId, userId),
        inArray(
          sql`lower(${contacts.email})`,
          groups.map((group) => group.email),
        ),
      ),
    )
    .as("ranked");
  const members = await db
    .select()
    .from(ranked)
    .where(lte(ranked.rank, memberLimit))
    .orderBy(ranked.emailKey, ranked.rank);

  return groups.map((group) => ({
    email: group.email,
    total: group.total,
    contacts: members
      .filter((member) => member.emailKey === group.email)
      .map(({ emailKey: _key, rank: _rank, interactionCount, ...member }) => ({
        ...member,
        interactionCount: Number(interactionCount),
      })),
  }));
}

// --- Writes --------------------------------------------------------------------------------

export type ContactValues = {
  fullName: string;
  title: string | null;
  companyId: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  tags: string[];
  notes: string | null;
  /** Follow-up cadence in months; null = the user's setting; undefined leaves it as it is. */
  cadenceMonths?: number[] | null;
};

/** Creates a contact. The company id must already be checked as the user's. */
export async function createContact(executor: Executor, userId: string, values: ContactValues) {
  const [row] = await executor
    .insert(contacts)
    .values({ ...values, userId })
    .returning({ id: contacts.id });
  if (!row) throw new Error("contact insert returned nothing");
  return row;
}

/** Updates the user's contact; undefined when it is not theirs. History stays with the person. */
export async function updateContact(
  executor: Executor,
  userId: string,
  contactId: string,
  values: ContactValues,
) {
  const [row] = await executor
    .update(contacts)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return row;
}

/**
 * Deletes the user's contact. Their interactions, notes, follow-ups and process participations
 * go with them (ON DELETE CASCADE); companies and applications stay. False when not theirs.
 */
export async function deleteContact(
  executor: Executor,
  userId: string,
  contactId: string,
): Promise<boolean> {
  const deleted = await executor
    .delete(contacts)
    .where(and(eq(contacts.userId, userId), eq(contacts.id, contactId)))
    .returning({ id: contacts.id });
  return deleted.length > 0;
}

export type MergeResult = {
  keptId: string;
  mergedCount: number;
  movedInteractions: number;
};

/**
 * Merges `mergeIds` into `keepId`; run it inside a transaction. Interactions, notes and
 * follow-ups move to the kept contact; participations move too, one per application (the kept
 * contact's role wins, "discussed" texts are combined); blank fields are filled and tags
 * united (lib/contacts/merge-fields); last_contacted_at is recomputed; the merged contacts are
 * deleted. Throws not_found, before writing anything, unless every id is the user's.
 */
export async function mergeContacts(
  executor: Executor,
  userId: string,
  keepId: string,
  mergeIds: string[],
): Promise<MergeResult> {
  const others = [...new Set(mergeIds)].filter((id) => id !== keepId);
  if (others.length === 0) throw notFound("The contact to merge");
  const allIds = [keepId, ...others];
  // Row locks: a second merge of the same people waits for this one and then finds them gone.
  const rows = await executor
    .select({
      id: contacts.id,
      companyId: contacts.companyId,
      title: contacts.title,
      email: contacts.email,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      notes: contacts.notes,
      tags: contacts.tags,
      connectedOn: contacts.connectedOn,
      isSample: contacts.isSample,
    })
    .from(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, allIds)))
    .for("update");
  const kept = rows.find((row) => row.id === keepId);
  if (!kept || rows.length !== allIds.length) throw notFound("The contact");
  // Merge in the order the caller gave, so "first filled value" is predictable.
  const mergedRows = others.map((id) => rows.find((row) => row.id === id)!);

  const participations = await executor
    .select({
      id: processParticipants.id,
      applicationId: processParticipants.applicationId,
      contactId: processParticipants.contactId,
      role: processParticipants.role,
      discussed: processParticipants.discussed,
      createdAt: processParticipants.createdAt,
    })
    .from(processParticipants)
    .where(
      and(eq(processParticipants.userId, userId), inArray(processParticipants.contactId, allIds)),
    );
  const plan = planParticipationMerge(keepId, participations);
  if (plan.remove.length > 0) {
    await executor
      .delete(processParticipants)
      .where(
        and(eq(processParticipants.userId, userId), inArray(processParticipants.id, plan.remove)),
      );
  }
  for (const row of plan.keep) {
    const before = participations.find((participation) => participation.id === row.id)!;
    if (before.contactId === keepId && before.discussed === row.discussed) continue;
    await executor
      .update(processParticipants)
      .set({ contactId: keepId, discussed: row.discussed })
      .where(and(eq(processParticipants.userId, userId), eq(processParticipants.id, row.id)));
  }

  const moved = await executor
    .update(interactions)
    .set({ contactId: keepId })
    .where(and(eq(interactions.userId, userId), inArray(interactions.contactId, others)))
    .returning({ id: interactions.id });
  await executor
    .update(notes)
    .set({ contactId: keepId })
    .where(and(eq(notes.userId, userId), inArray(notes.contactId, others)));
  await executor
    .update(followUps)
    .set({ contactId: keepId })
    .where(and(eq(followUps.userId, userId), inArray(followUps.contactId, others)));

  await executor
    .delete(contacts)
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, others)));
  await executor
    .update(contacts)
    .set({ ...mergeContactFields(kept, mergedRows), updatedAt: new Date() })
    .where(and(eq(contacts.userId, userId), eq(contacts.id, keepId)));
  await refreshLastContacted(executor, userId, [keepId]);
  return { keptId: keepId, mergedCount: others.length, movedInteractions: moved.length };
}

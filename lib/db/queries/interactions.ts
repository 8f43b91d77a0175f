import "server-only";
import { and, desc, eq, inArray, lt, max, or, sql } from "drizzle-orm";
import type { TimelineCursor } from "@/lib/contacts/timeline-cursor";
import { type Executor, getDb } from "@/lib/db/client";
import {
  applications,
  companies,
  contacts,
  type InteractionKind,
  interactions,
} from "@/lib/db/schema";

export type NewInteraction = {
  contactId: string;
  applicationId?: string | null;
  kind: InteractionKind;
  occurredAt: Date;
  summary?: string | null;
  isSample?: boolean;
};

/**
 * Inserts interactions for the user and keeps contacts.last_contacted_at in step.
 * Call inside the caller's transaction when other writes belong with it. Contact and
 * application ids must already be checked as the user's (the composite foreign key on
 * contact_id refuses another user's contact regardless).
 */
export async function insertInteractions(
  executor: Executor,
  userId: string,
  rows: NewInteraction[],
) {
  if (rows.length === 0) return [];
  const inserted = await executor
    .insert(interactions)
    .values(rows.map((row) => ({ ...row, userId })))
    .returning();
  await refreshLastContacted(executor, userId, [...new Set(rows.map((row) => row.contactId))]);
  return inserted;
}

/** Recomputes last_contacted_at from the interactions of these contacts (after any change). */
export async function refreshLastContacted(
  executor: Executor,
  userId: string,
  contactIds: string[],
) {
  if (contactIds.length === 0) return;
  const latest = executor
    .select({ value: max(interactions.occurredAt) })
    .from(interactions)
    .where(and(eq(interactions.userId, userId), eq(interactions.contactId, contacts.id)));
  await executor
    .update(contacts)
    .set({ lastContactedAt: sql`(${latest})` })
    .where(and(eq(contacts.userId, userId), inArray(contacts.id, contactIds)));
}

export const TIMELINE_PAGE_SIZE = 50;

export type TimelineEntry = {
  id: string;
  kind: InteractionKind;
  occurredAt: Date;
  summary: string | null;
  isSample: boolean;
  applicationId: string | null;
  jobTitle: string | null;
  companyName: string | null;
};

/**
 * A contact's interactions, newest first, one page at a time: those strictly older than
 * `before` when given. `hasMore` says whether older ones exist past this page.
 */
export async function listContactInteractions(
  userId: string,
  contactId: string,
  { before, limit = TIMELINE_PAGE_SIZE }: { before?: TimelineCursor; limit?: number } = {},
): Promise<{ rows: TimelineEntry[]; hasMore: boolean }> {
  const rows = await getDb()
    .select({
      id: interactions.id,
      kind: interactions.kind,
      occurredAt: interactions.occurredAt,
      summary: interactions.summary,
      isSample: interactions.isSample,
      applicationId: applications.id,
      jobTitle: applications.jobTitle,
      companyName: companies.name,
    })
    .from(interactions)
    .leftJoin(
      applications,
      and(eq(applications.id, interactions.applicationId), eq(applications.userId, userId)),
    )
    .leftJoin(
      companies,
      and(eq(companies.id, applications.companyId), eq(companies.userId, userId)),
    )
    .where(
      and(
        eq(interactions.userId, userId),
        eq(interactions.contactId, contactId),
        before
          ? or(
              lt(interactions.occurredAt, before.occurredAt),
              and(eq(interactions.occurredAt, before.occurredAt), lt(interactions.id, before.id)),
            )
          : undefined,
      ),
    )
    .orderBy(desc(interactions.occurredAt), desc(interactions.id))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

/** One interaction of the user's, with whom it was; undefined when not theirs. */
export async function getInteraction(userId: string, interactionId: string) {
  const [row] = await getDb()
    .select({
      id: interactions.id,
      contactId: interactions.contactId,
      contactName: contacts.fullName,
      applicationId: interactions.applicationId,
      kind: interactions.kind,
      occurredAt: interactions.occurredAt,
      summary: interactions.summary,
    })
    .from(interactions)
    .innerJoin(
      contacts,
      and(eq(contacts.id, interactions.contactId), eq(contacts.userId, interactions.userId)),
    )
    .where(and(eq(interactions.userId, userId), eq(interactions.id, interactionId)))
    .limit(1);
  return row;
}

export type InteractionChanges = {
  kind: InteractionKind;
  occurredAt: Date;
  summary: string | null;
  applicationId: string | null;
};

/**
 * Edits the user's interaction (the application id must already be checked as theirs) and
 * recomputes the contact's last_contacted_at. Undefined when it is not theirs.
 */
export async function updateInteraction(
  executor: Executor,
  userId: string,
  interactionId: string,
  changes: InteractionChanges,
) {
  const [row] = await executor
    .update(interactions)
    .set(changes)
    .where(and(eq(interactions.userId, userId), eq(interactions.id, interactionId)))
    .returning({ id: interactions.id, contactId: interactions.contactId });
  if (row) await refreshLastContacted(executor, userId, [row.contactId]);
  return row;
}

/** Deletes the user's interaction and recomputes last_contacted_at; undefined when not theirs. */
export async function deleteInteraction(executor: Executor, userId: string, interactionId: string) {
  const [row] = await executor
    .delete(interactions)
    .where(and(eq(interactions.userId, userId), eq(interactions.id, interactionId)))
    .returning({ id: interactions.id, contactId: interactions.contactId });
  if (row) await refreshLastContacted(executor, userId, [row.contactId]);
  return row;
}

import "server-only";
import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { Executor } from "@/lib/db/client";
import { contacts, type InteractionKind, interactions } from "@/lib/db/schema";

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

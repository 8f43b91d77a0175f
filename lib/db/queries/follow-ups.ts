import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { applications, companies, contacts, followUps } from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import type { SnoozePeriod } from "@/lib/validations/follow-ups";

// Follow-ups: dated next steps with a person, from the cadence after a thank-you note or added
// by hand. Open ones are done, skipped or snoozed (moved later); nothing is ever deleted here.

export type ChangedFollowUp = { id: string; contactId: string; dueOn: string };

const changed = {
  id: followUps.id,
  contactId: followUps.contactId,
  dueOn: followUps.dueOn,
};

/** Marks the user's follow-up done; undefined when it is not theirs. Done twice is still done. */
export async function completeFollowUp(
  executor: Executor,
  userId: string,
  id: string,
): Promise<ChangedFollowUp | undefined> {
  const [row] = await executor
    .update(followUps)
    .set({ status: "done", completedAt: sql`coalesce(${followUps.completedAt}, now())` })
    .where(and(eq(followUps.id, id), eq(followUps.userId, userId)))
    .returning(changed);
  return row;
}

/** Skips the user's follow-up (not needed after all); undefined when it is not theirs. */
export async function skipFollowUp(
  executor: Executor,
  userId: string,
  id: string,
): Promise<ChangedFollowUp | undefined> {
  const [row] = await executor
    .update(followUps)
    .set({ status: "skipped", completedAt: sql`coalesce(${followUps.completedAt}, now())` })
    .where(and(eq(followUps.id, id), eq(followUps.userId, userId)))
    .returning(changed);
  return row;
}

/**
 * Moves an open follow-up a week or a month later, counted from today when it is overdue
 * (snoozing an overdue step should not leave it overdue). Undefined when it is not the user's
 * open follow-up.
 */
export async function snoozeFollowUp(
  executor: Executor,
  userId: string,
  id: string,
  by: SnoozePeriod,
  today = todayIso(),
): Promise<ChangedFollowUp | undefined> {
  const interval = by === "week" ? sql`interval '7 days'` : sql`interval '1 month'`;
  const [row] = await executor
    .update(followUps)
    .set({
      dueOn: sql`(greatest(${followUps.dueOn}, ${today}::date) + ${interval})::date`,
    })
    .where(and(eq(followUps.id, id), eq(followUps.userId, userId), eq(followUps.status, "open")))
    .returning(changed);
  return row;
}

/** Adds a follow-up by hand. The contact must already be checked as the user's. */
export async function createManualFollowUp(
  executor: Executor,
  userId: string,
  input: { contactId: string; dueOn: string; reason: string; applicationId?: string | null },
): Promise<ChangedFollowUp> {
  const [row] = await executor
    .insert(followUps)
    .values({
      userId,
      contactId: input.contactId,
      applicationId: input.applicationId ?? null,
      dueOn: input.dueOn,
      reason: input.reason,
      origin: "manual",
    })
    .returning(changed);
  if (!row) throw new Error("follow-up insert returned nothing");
  return row;
}

export type OpenFollowUp = {
  id: string;
  dueOn: string;
  reason: string;
  origin: "cadence" | "manual";
  contactId: string;
  contactName: string;
  companyName: string | null;
  applicationId: string | null;
  jobTitle: string | null;
  isSample: boolean;
};

export const openFollowUpColumns = {
  id: followUps.id,
  dueOn: followUps.dueOn,
  reason: followUps.reason,
  origin: followUps.origin,
  contactId: contacts.id,
  contactName: contacts.fullName,
  companyName: companies.name,
  applicationId: followUps.applicationId,
  jobTitle: applications.jobTitle,
  isSample: contacts.isSample,
};

/** The query both lists share: open follow-ups with the person, their company and process. */
export function openFollowUpsQuery(executor: Executor, userId: string) {
  return executor
    .select(openFollowUpColumns)
    .from(followUps)
    .innerJoin(
      contacts,
      and(eq(contacts.id, followUps.contactId), eq(contacts.userId, followUps.userId)),
    )
    .leftJoin(
      companies,
      and(eq(companies.id, contacts.companyId), eq(companies.userId, contacts.userId)),
    )
    .leftJoin(
      applications,
      and(eq(applications.id, followUps.applicationId), eq(applications.userId, userId)),
    )
    .$dynamic();
}

export const FOLLOW_UPS_PAGE_SIZE = 30;

/** Every open follow-up, earliest due first, one page at a time (the dashboard's "see all"). */
export async function listOpenFollowUps(
  userId: string,
  options: { page?: number } = {},
  pageSize = FOLLOW_UPS_PAGE_SIZE,
  executor: Executor = getDb(),
): Promise<{ rows: OpenFollowUp[]; hasNext: boolean }> {
  const page = Math.max(1, options.page ?? 1);
  const rows = await openFollowUpsQuery(executor, userId)
    .where(and(eq(followUps.userId, userId), eq(followUps.status, "open")))
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

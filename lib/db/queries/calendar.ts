import "server-only";
import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { FeedFollowUp } from "@/lib/calendar/feed";
import { type Executor, getDb } from "@/lib/db/client";
import { applications, companies, contacts, followUps, users } from "@/lib/db/schema";

// The private calendar feed: its secret token on the user row, and the open follow-ups it lists.

export async function getCalendarToken(userId: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ token: users.calendarToken })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.token ?? null;
}

/**
 * Turns the feed on with `token`, unless it is already on (a double click keeps the first URL).
 * Returns the token in force, or undefined when the user does not exist.
 */
export async function enableCalendarToken(
  userId: string,
  token: string,
): Promise<string | undefined> {
  const [row] = await getDb()
    .update(users)
    .set({ calendarToken: sql`coalesce(${users.calendarToken}, ${token})`, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ token: users.calendarToken });
  return row?.token ?? undefined;
}

/** Sets a new token (the old URL stops working at once), or null to turn the feed off. */
export async function replaceCalendarToken(userId: string, token: string | null): Promise<boolean> {
  const rows = await getDb()
    .update(users)
    .set({ calendarToken: token, updatedAt: new Date() })
    .where(eq(users.id, userId))
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * The feed's owner, by its secret token. Like the sign-in lookup by email, this is the one
 * query keyed by something other than the signed-in user: the token is the credential.
 * A unique-index lookup on a 256-bit random value leaks nothing useful through timing.
 */
export async function findCalendarOwner(token: string): Promise<{ id: string } | undefined> {
  const [row] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.calendarToken, token))
    .limit(1);
  return row;
}

const applicationCompany = alias(companies, "application_company");
const contactCompany = alias(companies, "contact_company");

/**
 * Open follow-ups due in [onOrAfter, onOrBefore] (either bound optional), earliest first, with
 * the person, the company (the process's employer, else the person's current one) and the job.
 */
export async function listOpenFollowUps(
  userId: string,
  range: { onOrAfter?: string; onOrBefore?: string; limit: number },
  executor: Executor = getDb(),
): Promise<FeedFollowUp[]> {
  return executor
    .select({
      id: followUps.id,
      dueOn: followUps.dueOn,
      reason: followUps.reason,
      contactId: followUps.contactId,
      contactName: contacts.fullName,
      companyName: sql<string | null>`coalesce(${applicationCompany.name}, ${contactCompany.name})`,
      jobTitle: applications.jobTitle,
    })
    .from(followUps)
    .innerJoin(
      contacts,
      and(eq(contacts.id, followUps.contactId), eq(contacts.userId, followUps.userId)),
    )
    .leftJoin(
      applications,
      and(eq(applications.id, followUps.applicationId), eq(applications.userId, followUps.userId)),
    )
    .leftJoin(applicationCompany, eq(applicationCompany.id, applications.companyId))
    .leftJoin(
      contactCompany,
      and(eq(contactCompany.id, contacts.companyId), eq(contactCompany.userId, followUps.userId)),
    )
    .where(
      and(
        eq(followUps.userId, userId),
        eq(followUps.status, "open"),
        range.onOrAfter ? gte(followUps.dueOn, range.onOrAfter) : undefined,
        range.onOrBefore ? lte(followUps.dueOn, range.onOrBefore) : undefined,
      ),
    )
    .orderBy(asc(followUps.dueOn), asc(followUps.id))
    .limit(range.limit);
}

import "server-only";
import { and, eq, exists, or, sql } from "drizzle-orm";
import { executeRows, getDb } from "@/lib/db/client";
import { refreshLastContacted } from "@/lib/db/queries/interactions";
import { applications, companies, contacts, interactions, openings } from "@/lib/db/schema";
import { loadSampleSet, sampleDataExists } from "@/lib/demo/seed";
import type { DemoCounts } from "@/lib/demo/types";

// The sample account behind "Load sample data" / "Remove sample data" on the dashboard.
// The rows themselves are defined in lib/demo/sample-data.ts.

/** Drives the dashboard banner: one EXISTS per table, stops at the first sample row. */
export async function hasSampleData(userId: string): Promise<boolean> {
  return sampleDataExists(getDb(), userId);
}

/** One transaction; throws AppError("conflict") when sample data is already there. */
export async function loadSampleData(userId: string, now?: Date): Promise<DemoCounts> {
  return loadSampleSet(getDb(), userId, { now });
}

export type RemovedSampleCounts = {
  companies: number;
  contacts: number;
  applications: number;
  interactions: number;
  openings: number;
  /** Sample companies kept because the user's own records point at them; no longer sample. */
  companiesKept: number;
};

/**
 * Deletes exactly the user's sample rows, in one transaction. What goes with them:
 * - a sample contact takes its participations, interactions (also ones the user logged),
 *   notes and follow-ups with it (foreign keys cascade; the confirmation says so);
 * - a sample application takes its stage history and participants; the user's own
 *   interactions, notes and follow-ups linked to it stay, unlinked;
 * - a sample company that one of the user's own applications, openings or contacts uses is
 *   kept and becomes the user's (deleting it would cascade to their application).
 */
export async function removeSampleData(userId: string): Promise<RemovedSampleCounts> {
  return getDb().transaction(async (tx) => {
    // The user's own contacts whose recency includes a sample interaction (none from the
    // loaders, but the flag is per row): recomputed after the delete.
    const touched = await executeRows<{ contact_id: string }>(
      tx,
      sql`select distinct ${interactions.contactId} as contact_id
          from ${interactions} join ${contacts} on ${contacts.id} = ${interactions.contactId}
          where ${interactions.userId} = ${userId} and ${interactions.isSample}
            and not ${contacts.isSample}`,
    );

    const removedOpenings = await tx
      .delete(openings)
      .where(and(eq(openings.userId, userId), eq(openings.isSample, true)))
      .returning({ id: openings.id });
    const removedInteractions = await tx
      .delete(interactions)
      .where(and(eq(interactions.userId, userId), eq(interactions.isSample, true)))
      .returning({ id: interactions.id });
    const removedApplications = await tx
      .delete(applications)
      .where(and(eq(applications.userId, userId), eq(applications.isSample, true)))
      .returning({ id: applications.id });
    const removedContacts = await tx
      .delete(contacts)
      .where(and(eq(contacts.userId, userId), eq(contacts.isSample, true)))
      .returning({ id: contacts.id });

    const usedByOwnRecords = or(
      exists(
        tx
          .select({ one: sql`1` })
          .from(applications)
          .where(and(eq(applications.userId, userId), eq(applications.companyId, companies.id))),
      ),
      exists(
        tx
          .select({ one: sql`1` })
          .from(openings)
          .where(and(eq(openings.userId, userId), eq(openings.companyId, companies.id))),
      ),
      exists(
        tx
          .select({ one: sql`1` })
          .from(contacts)
          .where(and(eq(contacts.userId, userId), eq(contacts.companyId, companies.id))),
      ),
    );
    const sampleCompanies = and(eq(companies.userId, userId), eq(companies.isSample, true));
    const kept = await tx
      .update(companies)
      .set({ isSample: false })
      .where(and(sampleCompanies, usedByOwnRecords))
      .returning({ id: companies.id });
    const removedCompanies = await tx
      .delete(companies)
      .where(sampleCompanies)
      .returning({ id: companies.id });

    await refreshLastContacted(
      tx,
      userId,
      touched.map((row) => row.contact_id),
    );

    return {
      companies: removedCompanies.length,
      contacts: removedContacts.length,
      applications: removedApplications.length,
      interactions: removedInteractions.length,
      openings: removedOpenings.length,
      companiesKept: kept.length,
    };
  });
}

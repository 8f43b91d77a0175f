import "server-only";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { applications, companies, contacts } from "@/lib/db/schema";

export type OverviewCounts = { companies: number; contacts: number; applications: number };

/** How much the user has recorded so far; drives the empty states. Three index-only counts. */
export async function getOverviewCounts(userId: string): Promise<OverviewCounts> {
  const db = getDb();
  const [[companyCount], [contactCount], [applicationCount]] = await Promise.all([
    db.select({ n: count() }).from(companies).where(eq(companies.userId, userId)),
    db.select({ n: count() }).from(contacts).where(eq(contacts.userId, userId)),
    db.select({ n: count() }).from(applications).where(eq(applications.userId, userId)),
  ]);
  return {
    companies: companyCount?.n ?? 0,
    contacts: contactCount?.n ?? 0,
    applications: applicationCount?.n ?? 0,
  };
}

import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { applications, companies } from "@/lib/db/schema";

export type ApplicationOption = { id: string; label: string };

/** Recent applications for a picker ("Product Designer at Acme"), bounded. */
export async function listApplicationOptions(
  userId: string,
  limit = 200,
): Promise<ApplicationOption[]> {
  const rows = await getDb()
    .select({ id: applications.id, jobTitle: applications.jobTitle, company: companies.name })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.updatedAt))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, label: `${row.jobTitle} at ${row.company}` }));
}

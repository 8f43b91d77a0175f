import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { companies } from "@/lib/db/schema";

export type CompanyOption = { id: string; name: string };

/** Companies for a picker, alphabetical; bounded so a huge account cannot blow up a form. */
export async function listCompanyOptions(userId: string, limit = 500): Promise<CompanyOption[]> {
  return getDb()
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(eq(companies.userId, userId))
    .orderBy(asc(sql`lower(${companies.name})`))
    .limit(limit);
}

/**
 * The user's company with this name (case-insensitive), created if there is none, so typing
 * "acme" where "Acme" exists never makes a duplicate.
 */
export async function findOrCreateCompany(
  executor: Executor,
  userId: string,
  name: string,
): Promise<CompanyOption> {
  const trimmed = name.trim();
  const [existing] = await executor
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(
      and(eq(companies.userId, userId), eq(sql`lower(${companies.name})`, trimmed.toLowerCase())),
    )
    .limit(1);
  if (existing) return existing;
  const [created] = await executor
    .insert(companies)
    .values({ userId, name: trimmed })
    .returning({ id: companies.id, name: companies.name });
  if (!created) throw new Error("company insert returned nothing");
  return created;
}

import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

// Counters are not user-owned (keys name an account or a client address), so these queries
// are the one place without a userId parameter.

export type WindowCount = { key: string; count: number; windowStartedAt: Date };

const windowStart = (windowSeconds: number) =>
  sql`now() - (${windowSeconds}::integer * interval '1 second')`;

/** Adds one to the key's counter, starting a new window when the old one has expired. */
export async function incrementCounter(key: string, windowSeconds: number): Promise<WindowCount> {
  const expired = sql`${rateLimits.windowStartedAt} <= ${windowStart(windowSeconds)}`;
  const [row] = await getDb()
    .insert(rateLimits)
    .values({ key, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${expired} then now() else ${rateLimits.windowStartedAt} end`,
      },
    })
    .returning();
  if (!row) throw new Error(`Rate limit counter ${key} was not written`);
  return row;
}

/** Current counts of the keys whose window is still open. */
export async function countersInWindow(
  keys: string[],
  windowSeconds: number,
): Promise<WindowCount[]> {
  if (keys.length === 0) return [];
  return getDb()
    .select()
    .from(rateLimits)
    .where(
      sql`${inArray(rateLimits.key, keys)} and ${rateLimits.windowStartedAt} > ${windowStart(windowSeconds)}`,
    );
}

export async function deleteCounter(key: string): Promise<void> {
  await getDb().delete(rateLimits).where(eq(rateLimits.key, key));
}

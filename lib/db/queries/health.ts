import "server-only";
import { sql } from "drizzle-orm";
import { type DatabaseHandle, databaseHandle, executeRows } from "@/lib/db/client";

export type DatabaseHealth = { ok: boolean; driver: "pglite" | "postgres"; latencyMs: number };

const timeoutMs = 3000;

/** Not user data: a liveness probe of the app's database (or of the handle given, in tests). */
export async function checkDatabase(
  handle: DatabaseHandle = databaseHandle(),
): Promise<DatabaseHealth> {
  const started = performance.now();
  const { db, driver } = handle;
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
    });
    await Promise.race([executeRows(db, sql`select 1 as ok`), timeout]);
    return { ok: true, driver, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error("Database health check failed:", error instanceof Error ? error.message : error);
    return { ok: false, driver, latencyMs: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

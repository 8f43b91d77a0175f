import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env, pgliteDir } from "@/lib/env";
import * as schema from "./schema";

// The one place that knows which driver runs: postgres.js when DATABASE_URL is set, embedded
// PGlite otherwise. Callers get a `Database` and cannot tell the difference.

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema>;
/** Either the database or an open transaction: query functions accept both. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  driver: "pglite" | "postgres";
  close: () => Promise<void>;
};

export type DatabaseOptions = { url?: string; pgliteDir?: string; poolSize?: number };

export function openDatabase(options: DatabaseOptions = {}): DatabaseHandle {
  if (options.url) {
    const client = postgres(options.url, {
      max: options.poolSize ?? 10,
      onnotice: () => {},
      // Fail fast while the server is down so /api/health and requests answer instead of hanging.
      connect_timeout: 5,
      // The app's queries are short index lookups; JIT compilation (on by default above a cost
      // estimate that lateral lookups over a page of contacts easily reach) took 48 of 79 ms
      // of a measured export page query. Compiling is never worth it here.
      connection: { jit: "off" },
      // Wait between reconnection attempts. postgres.js's default grows to 10-20 s after a few
      // refused connections, and queries queued meanwhile wait that long before they even try,
      // so during a Postgres restart pages hung for ~17 s (tests/stress/postgres-restart).
      // Short and capped: a queued query fails (or succeeds, once Postgres is back) within about
      // a second. Attempts happen only while queries are waiting, so an idle app does not poll.
      backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 1),
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Database;
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  const dir = options.pgliteDir ?? "memory://";
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

// Kept on globalThis so dev-mode module reloads reuse one connection pool / one PGlite.
const globalForDb = globalThis as unknown as { runnerUpDb?: DatabaseHandle };

/** The process-wide database, opened on first use (never at import time, so builds stay offline). */
export function databaseHandle(): DatabaseHandle {
  globalForDb.runnerUpDb ??= openDatabase({
    url: env.DATABASE_URL,
    pgliteDir,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  return globalForDb.runnerUpDb;
}

export function getDb(): Database {
  return databaseHandle().db;
}

export async function closeDb(): Promise<void> {
  const current = globalForDb.runnerUpDb;
  globalForDb.runnerUpDb = undefined;
  await current?.close();
}

/**
 * Raw SQL returning rows. PGlite answers `{ rows }`, postgres.js an array; this hides it.
 */
export async function executeRows<Row extends Record<string, unknown>>(
  db: Executor,
  query: SQL,
): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as Row[];
  return ((result as { rows?: Row[] }).rows ?? []) as Row[];
}

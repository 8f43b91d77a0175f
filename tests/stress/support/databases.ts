import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// Databases for the stress tests: a fresh, migrated Postgres database per test file, created
// next to TEST_DATABASE_URL's (same server, same credentials) and dropped afterwards; or a
// fresh embedded PGlite folder.

/** The Postgres server the tests may create databases on; unset means Postgres tests skip. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || undefined;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export type ScratchDatabase = { url: string; name: string; drop(): Promise<void> };

/** Creates `stress_<label>_<random>` on TEST_DATABASE_URL's server and migrates it. */
export async function createScratchDatabase(label: string): Promise<ScratchDatabase> {
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `stress_${label}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(testDatabaseUrl, name);
  await migrate(url);
  return {
    url,
    name,
    async drop() {
      const dropper = postgres(testDatabaseUrl, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

export async function migrate(url: string): Promise<void> {
  const handle = openDatabase({ url, poolSize: 1 });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
}

/** Opens the database (Postgres url or PGlite folder) for seeding or checking, then closes it. */
export async function withHandle<T>(
  target: { url: string } | { pgliteDir: string },
  fn: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const handle = openDatabase("url" in target ? { url: target.url, poolSize: 2 } : target);
  try {
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

export type AppDatabase = {
  /** Where to seed and check (open it only while no app holds a PGlite folder). */
  target: { url: string } | { pgliteDir: string };
  /** What startApp needs to serve this database. */
  app: { databaseUrl?: string; env?: Record<string, string> };
  driver: "postgres" | "pglite";
  cleanup(): Promise<void>;
};

/**
 * A fresh, migrated database for one test file: on TEST_DATABASE_URL's server when it is set,
 * otherwise an embedded PGlite folder (single-process: seed before the app starts it).
 */
export async function createAppDatabase(label: string): Promise<AppDatabase> {
  if (testDatabaseUrl) {
    const scratch = await createScratchDatabase(label);
    return {
      target: { url: scratch.url },
      app: { databaseUrl: scratch.url },
      driver: "postgres",
      cleanup: () => scratch.drop(),
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `runner-up-stress-${label}-`));
  const pgliteDir = path.join(dir, "pglite");
  await withHandle({ pgliteDir }, (handle) => migrateDatabase(handle));
  return {
    target: { pgliteDir },
    app: { env: { PGLITE_DIR: pgliteDir } },
    driver: "pglite",
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

import "./load-env";
import { sql } from "drizzle-orm";
import { closeDb, databaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { pgliteDir } from "@/lib/env";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded
// database when it is unset. `npm start` runs the same function before the server starts.
export async function runMigrations(): Promise<void> {
  const handle = databaseHandle();
  const target =
    handle.driver === "postgres" ? "Postgres (DATABASE_URL)" : `embedded PGlite in ${pgliteDir}`;
  const started = Date.now();
  try {
    await migrateDatabase(handle);
    // PGlite has no autovacuum: without statistics its planner scans a user's whole index on
    // cascaded deletes. Refreshing them at start-up is cheap (about 2 s at 20,000 contacts).
    if (handle.driver === "pglite") await handle.db.execute(sql`analyze`);
    console.info(`Migrations applied to ${target} in ${Date.now() - started} ms.`);
  } finally {
    await closeDb();
  }
}

const invokedDirectly = process.argv[1]?.endsWith("migrate.ts");
if (invokedDirectly) {
  runMigrations().catch((error: unknown) => {
    console.error("Migration failed:", error);
    process.exit(1);
  });
}

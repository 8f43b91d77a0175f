import { afterAll, beforeAll } from "vitest";
import { closeDb, databaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";

// Each test file gets the app's own database handle. On PGlite it is a fresh in-memory
// database, migrated here; on Postgres the global setup migrated it once, and tests keep to
// users they create, so files can share it.
beforeAll(async () => {
  const handle = databaseHandle();
  if (handle.driver === "pglite") await migrateDatabase(handle);
});

afterAll(async () => {
  await closeDb();
});

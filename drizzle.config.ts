import { defineConfig } from "drizzle-kit";

// Generation only needs the schema; migrations are applied by scripts/migrate.ts
// so the same SQL runs on PGlite and on Postgres.
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/db/schema.ts",
  out: "./lib/db/migrations",
  strict: true,
});

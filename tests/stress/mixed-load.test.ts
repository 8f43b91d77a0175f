import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/db/migrate";
import { type AppServer, startApp } from "./support/app-server";
import {
  createScratchDatabase,
  type ScratchDatabase,
  testDatabaseUrl,
  withHandle,
} from "./support/databases";
import {
  formatSummary,
  missingWrites,
  runLoad,
  SimulatedUser,
  seedUsers,
  summarize,
  type Write,
} from "./support/simulated-users";

// Many signed-in people using the production server at once for a bounded time: pages, search,
// CSV exports, and writes through the real server actions. Every request must get its expected
// answer (no 5xx, no error page, no timeout), and every write the app acknowledged must be in
// the database afterwards, checked by the unique values written.

const REQUEST_TIMEOUT_MS = 30_000;

function report(label: string, summary: ReturnType<typeof summarize>, seconds: number) {
  console.info(
    `${label}: ${summary.requests} operations (${summary.httpRequests} HTTP requests) in ${seconds.toFixed(1)} s ` +
      `(${Math.round(summary.httpRequests / seconds)} requests/s), ` +
      `${summary.errors} errors, ${summary.acknowledgedWrites} acknowledged writes`,
  );
  console.info(formatSummary(summary));
}

describe.skipIf(!testDatabaseUrl)("mixed load on Postgres", () => {
  const USERS = 24;
  const DURATION_MS = 20_000;
  let database: ScratchDatabase | undefined;
  let app: AppServer | undefined;

  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it(`serves ${USERS} users reading and writing for ${DURATION_MS / 1000} s without an error or a lost write`, async () => {
    database = await createScratchDatabase("mixed");
    const accounts = await withHandle({ url: database.url }, (handle) => seedUsers(handle, USERS));
    app = await startApp({ port: 4210, databaseUrl: database.url });

    const startedAt = performance.now();
    const users = await Promise.all(
      accounts.map((account) =>
        SimulatedUser.create(account, app!.base, { startedAt, timeoutMs: REQUEST_TIMEOUT_MS }),
      ),
    );
    const outcomes = await runLoad(users, { durationMs: DURATION_MS });
    const summary = summarize(outcomes);
    report("Postgres mixed load", summary, (performance.now() - startedAt) / 1000);

    const failures = outcomes.filter((outcome) => !outcome.ok);
    expect(
      failures.slice(0, 10).map((f) => `${f.op}: ${f.detail}`),
      app.output().slice(-3000),
    ).toEqual([]);
    // Every kind of request was exercised, so "no errors" covers them all.
    for (const op of Object.keys(summary.byOperation)) {
      expect(summary.byOperation[op]!.count, op).toBeGreaterThan(0);
    }
    expect(Object.keys(summary.byOperation).length).toBe(10);

    const writes = outcomes.flatMap((outcome) =>
      outcome.ok && outcome.write ? [outcome.write] : [],
    );
    expect(writes.length).toBeGreaterThan(50);
    const missing = await withHandle({ url: database.url }, (handle) =>
      missingWrites(handle, writes),
    );
    expect(missing).toEqual([]);
  });
});

describe("mixed load on the embedded database (PGlite)", () => {
  const USERS = 20;
  const DURATION_MS = 8000;
  let dataDir: string | undefined;
  let app: AppServer | undefined;

  afterAll(async () => {
    await app?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it(`serves ${USERS} users for ${DURATION_MS / 1000} s without an error or a lost write`, async () => {
    // PGlite is single-process: seed before the server opens the folder, check after it stops.
    dataDir = mkdtempSync(path.join(os.tmpdir(), "runner-up-stress-pglite-"));
    const pgliteDir = path.join(dataDir, "pglite");
    const accounts = await withHandle({ pgliteDir }, async (handle) => {
      await migrateDatabase(handle);
      return seedUsers(handle, USERS, 20);
    });
    app = await startApp({ port: 4211, env: { PGLITE_DIR: pgliteDir } });

    const startedAt = performance.now();
    const users = await Promise.all(
      accounts.map((account) =>
        SimulatedUser.create(account, app!.base, { startedAt, timeoutMs: REQUEST_TIMEOUT_MS }),
      ),
    );
    const outcomes = await runLoad(users, { durationMs: DURATION_MS });
    const summary = summarize(outcomes);
    report("PGlite mixed load", summary, (performance.now() - startedAt) / 1000);
    const output = app.output();
    await app.stop();
    app = undefined;

    const failures = outcomes.filter((outcome) => !outcome.ok);
    expect(
      failures.slice(0, 10).map((f) => `${f.op}: ${f.detail}`),
      output.slice(-3000),
    ).toEqual([]);
    const writes: Write[] = outcomes.flatMap((outcome) =>
      outcome.ok && outcome.write ? [outcome.write] : [],
    );
    expect(writes.length).toBeGreaterThan(10);
    const missing = await withHandle({ pgliteDir }, (handle) => missingWrites(handle, writes));
    expect(missing).toEqual([]);
  });
});

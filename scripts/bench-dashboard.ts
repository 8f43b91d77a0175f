import "./load-env";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { type DatabaseHandle, type Executor, openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  getDashboardState,
  getOutcomes,
  listDueFollowUps,
  listGoingCold,
  listUnsentThankYous,
  listWorthNurturing,
  loadDashboard,
} from "@/lib/db/queries/dashboard";
import { createDemoUser, seedBulk } from "@/lib/demo/seed";
import { env } from "@/lib/env";
import { todayIso } from "@/lib/format";

// `npm run bench:dashboard`: how the dashboard's queries scale with the size of an account.
// One user is seeded with 1,000, 10,000 and 100,000 generated contacts (lib/demo seedBulk:
// ~1 company per 20 contacts, 1 application per 10, ~3 interactions each, notes, follow-ups),
// then every section of the dashboard is timed, as the page loads it (loadDashboard, sections
// in parallel) and one by one: median and p95 over --runs runs after a warm-up.
//
// Postgres: DATABASE_URL names the server. Each size gets a fresh database created next to it
// (through the server's "postgres" database, so the role needs CREATEDB) and dropped afterwards;
// nothing is written to the database DATABASE_URL names. PGlite runs in memory (memory://).
//
//   npm run bench:dashboard                        # Postgres 1k/10k/100k, PGlite 1k/10k
//   npm run bench:dashboard -- --sizes 1000,10000 --runs 20 --skip-postgres

const SECTIONS = {
  state: getDashboardState,
  worthNurturing: (userId: string, db: Executor, today: string) =>
    listWorthNurturing(userId, { today }, db),
  dueFollowUps: (userId: string, db: Executor, today: string) =>
    listDueFollowUps(userId, { today }, db),
  unsentNotes: (userId: string, db: Executor, today: string) =>
    listUnsentThankYous(userId, { today }, db),
  goingCold: (userId: string, db: Executor, today: string) => listGoingCold(userId, { today }, db),
  outcomes: (userId: string, db: Executor, today: string) => getOutcomes(userId, { today }, db),
} satisfies Record<string, (userId: string, db: Executor, today: string) => Promise<unknown>>;
type Section = keyof typeof SECTIONS;

type Result = {
  driver: "postgres" | "pglite";
  contacts: number;
  seedSeconds: number;
  median: number;
  p95: number;
  sections: Record<Section, number>;
};

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function benchOne(
  handle: DatabaseHandle,
  contacts: number,
  runs: number,
  today: string,
): Promise<Result> {
  await migrateDatabase(handle);
  const userId = await createDemoUser(handle.db, {
    email: `bench-${contacts}@example.test`,
    name: "Bench User",
    passwordHash: null,
  });
  // Another account of the same size shares the tables, as on a real server.
  const neighbour = await createDemoUser(handle.db, {
    email: `neighbour-${contacts}@example.test`,
    name: "Neighbour",
    passwordHash: null,
  });
  process.stdout.write(`  ${handle.driver} ${contacts.toLocaleString("en-US")} contacts: seeding…`);
  const seeded = await seedBulk(handle, userId, { contacts, isSample: false, seed: 7 });
  await seedBulk(handle, neighbour, { contacts: Math.min(contacts, 10_000), seed: 8 });
  // What autovacuum does on a live server (PGlite has none): statistics and visibility maps.
  await handle.db.execute(sql`vacuum analyze`);
  process.stdout.write(` ${(seeded.ms / 1000).toFixed(1)} s; timing…`);

  const whole = await time(runs, () => loadDashboard(userId, { today }, handle.db));
  const sections = {} as Record<Section, number>;
  for (const [name, fn] of Object.entries(SECTIONS) as [Section, (typeof SECTIONS)[Section]][]) {
    sections[name] = (await time(runs, () => fn(userId, handle.db, today))).median;
  }
  process.stdout.write(" done\n");
  return {
    driver: handle.driver,
    contacts,
    seedSeconds: seeded.ms / 1000,
    ...whole,
    sections,
  };
}

async function withFreshPostgres<T>(
  url: string,
  fn: (handle: DatabaseHandle) => Promise<T>,
): Promise<T> {
  const target = new URL(url);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const name = `runner_up_bench_${process.pid}_${Date.now()}`;
  const adminClient = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  await adminClient.unsafe(`create database "${name}"`);
  target.pathname = `/${name}`;
  const handle = openDatabase({ url: target.toString(), poolSize: env.DATABASE_POOL_SIZE });
  try {
    return await fn(handle);
  } finally {
    await handle.close();
    await adminClient.unsafe(`drop database if exists "${name}"`);
    await adminClient.end({ timeout: 5 });
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function printTable(results: Result[]) {
  const sectionNames = Object.keys(SECTIONS) as Section[];
  const header = ["driver", "contacts", "seed", "median", "p95", "vs 1k", ...sectionNames];
  const rows = results.map((result) => {
    const baseline = results.find(
      (other) => other.driver === result.driver && other.contacts === 1000,
    );
    return [
      result.driver,
      result.contacts.toLocaleString("en-US"),
      `${result.seedSeconds.toFixed(1)} s`,
      ms(result.median),
      ms(result.p95),
      baseline ? `${(result.median / baseline.median).toFixed(2)}×` : "",
      ...sectionNames.map((name) => ms(result.sections[name])),
    ];
  });
  const widths = header.map((title, index) =>
    Math.max(title.length, ...rows.map((row) => (row[index] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, index) => cell.padEnd(widths[index] as number)).join(" | ")} |`;
  console.info();
  console.info(line(header));
  console.info(`|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`);
  for (const row of rows) console.info(line(row));
  console.info();
  console.info(
    "median and p95: the whole dashboard (loadDashboard, sections in parallel); section columns: each section alone, median.",
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,10000,100000" },
      "pglite-sizes": { type: "string", default: "1000,10000" },
      runs: { type: "string", default: "30" },
      "skip-postgres": { type: "boolean", default: false },
      "skip-pglite": { type: "boolean", default: false },
    },
  });
  const parseSizes = (text: string) =>
    text
      .split(",")
      .map((value) => Number(value.trim()))
      .filter((value) => Number.isInteger(value) && value > 0);
  const runs = Math.max(5, Number(values.runs) || 30);
  const today = todayIso();
  const results: Result[] = [];

  if (!values["skip-postgres"]) {
    const url = env.DATABASE_URL;
    if (!url) {
      console.error(
        "DATABASE_URL is not set: the Postgres part needs a server (a role allowed to create databases), e.g.\n  DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:dashboard\nor pass --skip-postgres.",
      );
      process.exit(2);
    }
    for (const size of parseSizes(values.sizes)) {
      results.push(await withFreshPostgres(url, (handle) => benchOne(handle, size, runs, today)));
    }
  }
  if (!values["skip-pglite"]) {
    for (const size of parseSizes(values["pglite-sizes"])) {
      const handle = openDatabase({ pgliteDir: "memory://" });
      try {
        results.push(await benchOne(handle, size, runs, today));
      } finally {
        await handle.close();
      }
    }
  }
  printTable(results);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

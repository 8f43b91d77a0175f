import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, desc, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { applications, contacts, processParticipants } from "@/lib/db/schema";
import { createDemoUser, seedBulk } from "@/lib/demo/seed";
import { type BrowserReport, measureInBrowser } from "./bench-browser";
import { signIn, waitForHealth } from "./bench-support";
import { buildIsCurrent } from "./build-state";

// `npm run bench`: seeds one user with 1,000 / 10,000 / 100,000 contacts (and the companies,
// applications, interactions and notes that come with them), starts the production build on
// that database, and measures pages over loopback with a closed-loop load generator:
// requests per second and p50/p95/p99 latency at N concurrent connections, plus the server's
// resident memory. Postgres for every size; the embedded database for the smaller ones.
// Results go to BENCHMARKS.md with the machine, the date and the command.

const PAGE_KEYS = ["dashboard", "contacts", "search", "contact", "application", "export"] as const;
type PageKey = (typeof PAGE_KEYS)[number];

// A restricted run, for comparing one change on a busy machine, writes elsewhere:
//   npm run bench -- --sizes 10000 --db postgres --pages dashboard,contacts --skip-browser \
//     --out /tmp/bench.md --db-prefix mine --port 4300
const { values: args } = parseArgs({
  options: {
    /** Contact counts measured on Postgres. */
    sizes: { type: "string", default: "1000,10000,100000" },
    /** Contact counts measured on the embedded database (100,000 takes too long to seed there). */
    "pglite-sizes": { type: "string", default: "1000,10000" },
    /** Which databases to measure: postgres, pglite or both. */
    db: { type: "string", default: "postgres,pglite" },
    /** What to measure: dashboard, contacts, search, contact, application pages; export (CSV). */
    pages: { type: "string", default: PAGE_KEYS.join(",") },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3900" },
    "admin-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    /** Prefix of the throwaway Postgres databases, so two runs on one server never collide. */
    "db-prefix": { type: "string", default: "runner_up_bench" },
    /** Contact count (Postgres, else the first target) whose pages the browser measures. */
    "browser-size": { type: "string", default: "10000" },
    /** Lighthouse runs per page; the report keeps the median performance score. */
    "lighthouse-runs": { type: "string", default: "3" },
    /** CSV downloads of all contacts per size, one after another, after a warm-up download. */
    "export-runs": { type: "string", default: "3" },
    /** Skip first-load JavaScript and Lighthouse (they need Chromium). */
    "skip-browser": { type: "boolean", default: false },
    /** Write a V8 CPU profile of the server per target into this folder (node --cpu-prof). */
    "cpu-prof": { type: "string" },
    out: { type: "string", default: "BENCHMARKS.md" },
  },
});

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const durationMs = Number(args.duration) * 1000;
const connections = Number(args.connections);
const password = "benchmark password";
const drivers = new Set(args.db!.split(",").filter(Boolean));
const pageKeys = args.pages!.split(",").filter(Boolean) as PageKey[];
for (const key of pageKeys) {
  if (!PAGE_KEYS.includes(key)) throw new Error(`unknown page "${key}": ${PAGE_KEYS.join(", ")}`);
}
if (!/^[a-z_][a-z0-9_]*$/.test(args["db-prefix"]!)) {
  throw new Error("--db-prefix: lower-case letters, digits and underscores only");
}

type Target = { driver: "postgres" | "pglite"; size: number };
type ExportResult = {
  target: Target;
  /** Time to the first byte and to the last byte, ms, median of the runs. */
  firstByteMs: number;
  lastByteMs: number;
  /** The slowest run's time to the last byte. */
  worstLastByteMs: number;
  megabytes: number;
  rows: number;
  /** Server RSS before the downloads and the largest growth above it during one. */
  baseRssMb: number;
  rssGrowthMb: number;
};
type Result = {
  target: Target;
  page: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssMb: number;
  /** CPU time per request of the app server and of the database's backends, in ms. */
  appCpuMs: number;
  dbCpuMs: number;
};

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** User + system CPU time of a process, in ms (Linux /proc; clock ticks are 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** CPU time of the Postgres backends serving one database (their title names it). */
function databaseCpuMs(database: string | undefined): number {
  if (!database) return 0;
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (title.startsWith("postgres: ") && title.includes(` ${database} `))
        total += cpuMs(Number(entry));
    } catch {}
  }
  return total;
}

/**
 * N workers request the URL back to back for the duration; every response body is read.
 * Besides latency, the CPU each request cost the app server and the database: on a machine
 * shared with other work, requests per second swing with the neighbours, CPU per request less.
 */
async function load(url: string, cookie: string, pid: number | undefined, database?: string) {
  const latencies: number[] = [];
  let errors = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(pid));
  }, 200);
  const deadline = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status !== 200) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  const appCpuBefore = pid ? cpuMs(pid) : 0;
  const dbCpuBefore = databaseCpuMs(database);
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  const appCpu = pid ? cpuMs(pid) - appCpuBefore : 0;
  const dbCpu = databaseCpuMs(database) - dbCpuBefore;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / elapsed),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors,
    rssMb: peakRss,
    appCpuMs: latencies.length ? Math.round((10 * appCpu) / latencies.length) / 10 : 0,
    dbCpuMs: latencies.length ? Math.round((10 * dbCpu) / latencies.length) / 10 : 0,
  };
}

/**
 * Downloads the whole CSV export one run at a time, reading the body as it streams, while the
 * server's RSS is sampled every 50 ms: time to first and last byte, and memory growth above
 * the RSS just before each download (the export streams, so it should stay flat).
 */
async function measureExport(target: Target, url: string, cookie: string, pid?: number) {
  const download = async () => {
    const baseRss = rssMb(pid);
    let peakRss = baseRss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb(pid));
    }, 50);
    const started = performance.now();
    const response = await fetch(url, { headers: { cookie } });
    if (response.status !== 200 || !response.body) {
      clearInterval(sampler);
      throw new Error(`export answered ${response.status}`);
    }
    let firstByte = 0;
    let bytes = 0;
    let newlines = 0;
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      if (!firstByte) firstByte = performance.now() - started;
      bytes += read.value.byteLength;
      for (const byte of read.value) if (byte === 10) newlines++;
    }
    const lastByte = performance.now() - started;
    clearInterval(sampler);
    peakRss = Math.max(peakRss, rssMb(pid));
    return { firstByte, lastByte, bytes, rows: newlines - 1, baseRss, growth: peakRss - baseRss };
  };
  await download(); // warm-up
  const runs = [];
  for (let run = 0; run < Number(args["export-runs"]); run++) runs.push(await download());
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  const result: ExportResult = {
    target,
    firstByteMs: Math.round(median(runs.map((run) => run.firstByte))),
    lastByteMs: Math.round(median(runs.map((run) => run.lastByte))),
    worstLastByteMs: Math.round(Math.max(...runs.map((run) => run.lastByte))),
    megabytes: Math.round((runs[0]!.bytes / 2 ** 20) * 10) / 10,
    rows: runs[0]!.rows,
    baseRssMb: Math.min(...runs.map((run) => run.baseRss)),
    rssGrowthMb: Math.max(...runs.map((run) => run.growth)),
  };
  console.info(
    `  CSV export             first byte ${result.firstByteMs} ms  last byte ${result.lastByteMs} ms (worst ${result.worstLastByteMs})  ${result.megabytes} MB  ${result.rows} rows  rss +${result.rssGrowthMb} MB`,
  );
  return result;
}

async function prepare(target: Target) {
  const email = `bench-${target.size}@example.test`;
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (target.driver === "postgres") {
    const name = `${args["db-prefix"]}_${target.size}_${Date.now()}`;
    const admin = postgres(args["admin-url"]!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    databaseUrl = new URL(args["admin-url"]!).toString().replace(/\/[^/]*$/, `/${name}`);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "runner-up-bench-"));
  }
  const handle = openDatabase(
    databaseUrl ? { url: databaseUrl } : { pgliteDir: path.join(dataDir!, "pglite") },
  );
  await migrateDatabase(handle);
  const userId = await createDemoUser(handle.db, {
    email,
    name: "Bench User",
    passwordHash: await hashPassword(password),
  });
  const seeded = await seedBulk(handle, userId, { contacts: target.size, isSample: false });
  const [busy] = await handle.db
    .select({ id: contacts.id })
    .from(contacts)
    .innerJoin(processParticipants, eq(processParticipants.contactId, contacts.id))
    .where(eq(contacts.userId, userId))
    .orderBy(desc(contacts.lastContactedAt))
    .limit(1);
  const [rejected] = await handle.db
    .select({ id: applications.id })
    .from(applications)
    .where(and(eq(applications.userId, userId), eq(applications.stage, "rejected")))
    .orderBy(sql`random()`)
    .limit(1);
  // Fresh statistics, as autovacuum would have them on a database that has been up a while:
  // without them the planner guesses row counts for the just-inserted tables.
  if (databaseUrl) await handle.db.execute(sql`analyze`);
  await handle.close();
  console.info(`  seeded ${target.size} contacts on ${target.driver} in ${seeded.ms} ms`);
  return { email, databaseUrl, dataDir, contactId: busy?.id, applicationId: rejected?.id };
}

function pagePaths(prepared: { contactId?: string; applicationId?: string }) {
  const paths: Record<PageKey, string | undefined> = {
    dashboard: "/dashboard",
    contacts: "/contacts",
    search: "/contacts?q=an",
    contact: prepared.contactId && `/contacts/${prepared.contactId}`,
    application: prepared.applicationId && `/applications/${prepared.applicationId}`,
    export: undefined, // measured on its own: a download, not a page (measureExport)
  };
  return pageKeys.flatMap((key) => (paths[key] ? [paths[key]] : []));
}

async function run(
  target: Target,
  withBrowser: boolean,
): Promise<{ results: Result[]; exported?: ExportResult; browser?: BrowserReport }> {
  console.info(`\n${target.driver}, ${target.size} contacts`);
  const prepared = await prepare(target);
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: prepared.databaseUrl ?? "",
    DATA_DIR: prepared.dataDir ?? process.env.DATA_DIR ?? ".data",
    PGLITE_DIR: prepared.dataDir ? path.join(prepared.dataDir, "pglite") : "",
    OPENAI_API_KEY: "",
  };
  const profile = args["cpu-prof"]
    ? [
        "--cpu-prof",
        `--cpu-prof-dir=${path.resolve(args["cpu-prof"])}`,
        `--cpu-prof-name=${target.driver}-${target.size}-${Date.now()}.cpuprofile`,
      ]
    : [];
  if (args["cpu-prof"]) mkdirSync(args["cpu-prof"], { recursive: true });
  const server = spawn(process.execPath, [...profile, nextBin, "start", "--port", String(port)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const results: Result[] = [];
  let exported: ExportResult | undefined;
  let browser: BrowserReport | undefined;
  try {
    await waitForHealth(server, base);
    const cookie = await signIn(base, prepared.email, password);
    const pages = pagePaths(prepared);
    const database = prepared.databaseUrl && new URL(prepared.databaseUrl).pathname.slice(1);
    for (const page of pages) {
      await load(`${base}${page}`, cookie, server.pid).catch(() => undefined); // warm-up
      const measured = await load(`${base}${page}`, cookie, server.pid, database || undefined);
      const label = page.replace(/[0-9a-f-]{36}/, ":id");
      console.info(
        `  ${label.padEnd(22)} ${String(measured.rps).padStart(5)} req/s  p50 ${measured.p50} ms  p95 ${measured.p95} ms  p99 ${measured.p99} ms  cpu/req app ${measured.appCpuMs} ms db ${measured.dbCpuMs} ms  rss ${measured.rssMb} MB${measured.errors ? `  errors ${measured.errors}` : ""}`,
      );
      results.push({ target, page: label, ...measured });
    }
    if (pageKeys.includes("export")) {
      exported = await measureExport(target, `${base}/api/contacts/export.csv`, cookie, server.pid);
    }
    if (withBrowser) {
      browser = await measureInBrowser({
        base,
        cookie,
        // Every page for the JavaScript it loads; Lighthouse for the two the issue names.
        pages: pagePaths(prepared).filter((page) => !page.includes("?")),
        lighthousePages: ["/dashboard", "/contacts"],
        lighthouseRuns: Number(args["lighthouse-runs"]),
      });
    }
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    if (prepared.dataDir) rmSync(prepared.dataDir, { recursive: true, force: true });
    if (prepared.databaseUrl) {
      const admin = postgres(args["admin-url"]!, { max: 1, onnotice: () => {} });
      const name = new URL(prepared.databaseUrl).pathname.slice(1);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return { results, exported, browser };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function report(
  results: Result[],
  exports: ExportResult[],
  browser: { target: Target; report: BrowserReport } | undefined,
  command: string,
): string {
  const cpu = os.cpus();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.type()} ${os.release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    "",
    `Command: \`${command}\``,
    "",
    `Each page is requested back to back by ${connections} concurrent connections for ${args.duration} s over loopback, signed in as the seeded user, after a warm-up run; CPU ms per request is the user and system CPU time the app server (and, on Postgres, the database's backend processes) spent during the run divided by the requests served: less sensitive than req/s to other work on the machine; RSS is the server's peak resident memory during the run.`,
    "",
    "| Database | Contacts | Page | req/s | p50 ms | p95 ms | p99 ms | errors | app CPU ms/req | db CPU ms/req | server RSS MB |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.target.driver} | ${r.target.size.toLocaleString("en")} | \`${r.page}\` | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.appCpuMs} | ${r.target.driver === "postgres" ? r.dbCpuMs : "–"} | ${r.rssMb} |`,
    ),
    "",
  ];
  if (exports.length > 0) {
    lines.push(
      "### CSV export of every contact",
      "",
      `\`GET /api/contacts/export.csv\` downloaded ${args["export-runs"]} times one after another (after a warm-up download), the body read as it streams; the median time to the first and to the last byte, the slowest run, and the largest growth of the server's RSS above its level just before a download (sampled every 50 ms). Target at 100,000 contacts: under 3 s to the last byte, under 100 MB of memory growth.`,
      "",
      "| Database | Contacts | rows | MB | first byte ms | last byte ms | slowest ms | RSS before MB | RSS growth MB | target |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
      ...exports.map((e) => {
        const target =
          e.target.size === 100_000
            ? e.lastByteMs < 3000 && e.rssGrowthMb < 100
              ? "met"
              : "not met"
            : "";
        return `| ${e.target.driver} | ${e.target.size.toLocaleString("en")} | ${e.rows.toLocaleString("en")} | ${e.megabytes} | ${e.firstByteMs} | ${e.lastByteMs} | ${e.worstLastByteMs} | ${e.baseRssMb} | ${e.rssGrowthMb} | ${target} |`;
      }),
      "",
    );
  }
  if (browser) {
    const { target, report: measured } = browser;
    const where = `${target.driver}, ${target.size.toLocaleString("en")} contacts`;
    lines.push(
      `### First-load JavaScript (${where})`,
      "",
      `Every script the page loads in Chromium (${measured.chromium}) from navigation until the network is idle, signed in; gzip is each file compressed with zlib's default level, as \`next start\` serves it; kB are 1,024 bytes. Target: the dashboard under 150 kB compressed.`,
      "",
      "| Page | scripts | raw kB | gzip kB | target |",
      "| --- | ---: | ---: | ---: | --- |",
      ...measured.javascript.map((page) => {
        const label = page.page.replace(/[0-9a-f-]{36}/, ":id");
        const target =
          page.page === "/dashboard" ? (page.gzipBytes < 150 * 1024 ? "met" : "not met") : "";
        return `| \`${label}\` | ${page.scripts} | ${kb(page.rawBytes)} | ${kb(page.gzipBytes)} | ${target} |`;
      }),
      "",
    );
    if (measured.lighthouse.length > 0) {
      lines.push(
        `### Lighthouse (${where})`,
        "",
        `Lighthouse ${measured.lighthouseVersion}, default mobile profile (emulated phone, simulated slow 4G and 4× CPU slowdown), headless Chromium, ${measured.lighthouseRuns} runs per page: the median performance score, the lowest accessibility score. Targets: performance at least 95, accessibility 100.`,
        "",
        "| Page | performance | accessibility | FCP ms | LCP ms | TBT ms | CLS | targets |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ...measured.lighthouse.map((page) => {
          const met = page.performance >= 95 && page.accessibility === 100;
          const failing = page.failedAudits.length
            ? ` (failing: ${page.failedAudits.join(", ")})`
            : "";
          return `| \`${page.page}\` | ${page.performance} | ${page.accessibility} | ${Math.round(page.fcp)} | ${Math.round(page.lcp)} | ${Math.round(page.tbt)} | ${page.cls.toFixed(3)} | ${met ? "met" : "not met"}${failing} |`;
        }),
        "",
      );
    }
  }
  return lines.join("\n");
}

// The generated part sits between these markers; notes written around it by hand survive a run.
const START_MARKER = "<!-- bench:start: written by `npm run bench`, edit outside the markers -->";
const END_MARKER = "<!-- bench:end -->";

function writeReport(file: string, generated: string) {
  const block = `${START_MARKER}\n${generated}\n${END_MARKER}`;
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = existing.indexOf(START_MARKER);
  const end = existing.indexOf(END_MARKER);
  const text =
    start >= 0 && end > start
      ? `${existing.slice(0, start)}${block}${existing.slice(end + END_MARKER.length)}`
      : `# Benchmarks\n\n${block}\n`;
  writeFileSync(file, text);
}

async function main() {
  if (!buildIsCurrent(root)) {
    console.info("Building the app…");
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const sizes = (list: string) => list.split(",").filter(Boolean).map(Number);
  const targets: Target[] = [
    ...(drivers.has("postgres") ? sizes(args.sizes!) : []).map((size) => ({
      driver: "postgres" as const,
      size,
    })),
    ...(drivers.has("pglite") ? sizes(args["pglite-sizes"]!) : []).map((size) => ({
      driver: "pglite" as const,
      size,
    })),
  ];
  if (targets.length === 0) throw new Error("nothing to measure: check --db and the sizes");
  const browserSize = Number(args["browser-size"]);
  const browserTarget = args["skip-browser"]
    ? undefined
    : (targets.find((t) => t.driver === "postgres" && t.size === browserSize) ?? targets[0]);
  const results: Result[] = [];
  const exports: ExportResult[] = [];
  let browser: { target: Target; report: BrowserReport } | undefined;
  for (const target of targets) {
    const outcome = await run(target, target === browserTarget);
    results.push(...outcome.results);
    if (outcome.exported) exports.push(outcome.exported);
    if (outcome.browser) browser = { target, report: outcome.browser };
  }
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
  writeReport(path.resolve(root, args.out!), report(results, exports, browser, command));
  console.info(`\nWrote ${args.out}`);
}

main().catch((error: unknown) => {
  console.error("Benchmark failed:", error);
  process.exit(1);
});

import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
import { signIn, waitForHealth } from "./bench-support";
import { buildIsCurrent } from "./build-state";

// `npm run bench`: seeds one user with 1,000 / 10,000 / 100,000 contacts (and the companies,
// applications, interactions and notes that come with them), starts the production build on
// that database, and measures pages over loopback with a closed-loop load generator:
// requests per second and p50/p95/p99 latency at N concurrent connections, plus the server's
// resident memory. Postgres for every size; the embedded database for the smaller ones.
// Results go to BENCHMARKS.md with the machine, the date and the command.

const { values: args } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000,100000" },
    "pglite-sizes": { type: "string", default: "1000,10000" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    port: { type: "string", default: "3900" },
    "admin-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
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

type Target = { driver: "postgres" | "pglite"; size: number };
type Result = {
  target: Target;
  page: string;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  rssMb: number;
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

/** N workers request the URL back to back for the duration; every response body is read. */
async function load(url: string, cookie: string, pid: number | undefined) {
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
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    rps: Math.round(latencies.length / elapsed),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    p99: Math.round(percentile(latencies, 99)),
    errors,
    rssMb: peakRss,
  };
}

async function prepare(target: Target) {
  const email = `bench-${target.size}@example.test`;
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  if (target.driver === "postgres") {
    const name = `runner_up_bench_${target.size}_${Date.now()}`;
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
  await handle.close();
  console.info(`  seeded ${target.size} contacts on ${target.driver} in ${seeded.ms} ms`);
  return { email, databaseUrl, dataDir, contactId: busy?.id, applicationId: rejected?.id };
}

async function run(target: Target): Promise<Result[]> {
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
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port)], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const results: Result[] = [];
  try {
    await waitForHealth(server, base);
    const cookie = await signIn(base, prepared.email, password);
    const pages = [
      "/dashboard",
      "/contacts",
      "/contacts?q=an",
      ...(prepared.contactId ? [`/contacts/${prepared.contactId}`] : []),
      ...(prepared.applicationId ? [`/applications/${prepared.applicationId}`] : []),
    ];
    for (const page of pages) {
      await load(`${base}${page}`, cookie, server.pid).catch(() => undefined); // warm-up
      const measured = await load(`${base}${page}`, cookie, server.pid);
      const label = page.replace(/[0-9a-f-]{36}/, ":id");
      console.info(
        `  ${label.padEnd(22)} ${String(measured.rps).padStart(5)} req/s  p50 ${measured.p50} ms  p95 ${measured.p95} ms  p99 ${measured.p99} ms  rss ${measured.rssMb} MB${measured.errors ? `  errors ${measured.errors}` : ""}`,
      );
      results.push({ target, page: label, ...measured });
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
  return results;
}

function report(results: Result[], command: string): string {
  const cpu = os.cpus();
  const lines = [
    "# Benchmarks",
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${os.type()} ${os.release()}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
    "",
    `Command: \`${command}\``,
    "",
    `Each page is requested back to back by ${connections} concurrent connections for ${args.duration} s over loopback, signed in as the seeded user, after a warm-up run; RSS is the server's peak resident memory during the run.`,
    "",
    "| Database | Contacts | Page | req/s | p50 ms | p95 ms | p99 ms | errors | server RSS MB |",
    "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      (r) =>
        `| ${r.target.driver} | ${r.target.size.toLocaleString("en")} | \`${r.page}\` | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.rssMb} |`,
    ),
    "",
  ];
  return lines.join("\n");
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
  const targets: Target[] = [
    ...args.sizes!.split(",").map((size) => ({ driver: "postgres" as const, size: Number(size) })),
    ...args["pglite-sizes"]!.split(",")
      .filter(Boolean)
      .map((size) => ({ driver: "pglite" as const, size: Number(size) })),
  ];
  const results: Result[] = [];
  for (const target of targets) results.push(...(await run(target)));
  const command = `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim();
  writeFileSync(path.join(root, args.out!), report(results, command));
  console.info(`\nWrote ${args.out}`);
}

main().catch((error: unknown) => {
  console.error("Benchmark failed:", error);
  process.exit(1);
});

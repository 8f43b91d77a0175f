import "./load-env";
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { count, eq } from "drizzle-orm";
import { contactsCsv } from "@/lib/csv/export";
import { closeDb, databaseHandle, type Executor } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { accountExportJson, deleteAccount } from "@/lib/db/queries/account";
import { contactExportPages, EXPORT_PAGE_SIZE } from "@/lib/db/queries/contact-export";
import { contacts } from "@/lib/db/schema";
import { createDemoUser, findUserIdByEmail, seedBulk } from "@/lib/demo/seed";
import { env } from "@/lib/env";
import { downloadResponse } from "@/lib/http/download";
import { vcards } from "@/lib/vcard/vcard";

// `npm run bench:export -- [--contacts 100000] [--formats csv,vcf,json] [--page-size 1000]`
//
// Seeds a throwaway account on the Postgres in DATABASE_URL with lib/demo's bulk generator,
// then downloads its exports in-process through exactly the pipeline the route handlers use
// (keyset pages → records → text chunks → pull-based ReadableStream → Response body) and
// reports time to first byte, time to last byte, bytes, lines, and the peak growth of the
// process's RSS, sampled every 50 ms. The account is deleted at the end unless --keep;
// --account <email> exports an existing account instead (say, one kept earlier).
// package.json runs it with the react-server condition (so the server-only query modules load
// outside Next) and --expose-gc (so every measurement starts from a collected heap).

const TARGET = { seconds: 3, rssMegabytes: 100 };
const FORMATS = ["csv", "vcf", "json"] as const;
type Format = (typeof FORMATS)[number];

const usage = `Usage: npm run bench:export -- [options]   (DATABASE_URL must point at Postgres)

  --contacts <n>     contacts to seed (default 100000)
  --formats <list>   csv, vcf, json (the account export), comma-separated (default csv)
  --page-size <n>    contacts per query (default ${EXPORT_PAGE_SIZE})
  --sort recent|name the contacts list order to export in (default recent)
  --runs <n>         measure each format n times (default 1)
  --keep             keep the seeded account
  --account <email>  export this existing account instead of seeding one`;

class UsageError extends Error {}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      contacts: { type: "string", default: "100000" },
      formats: { type: "string", default: "csv" },
      "page-size": { type: "string", default: String(EXPORT_PAGE_SIZE) },
      sort: { type: "string", default: "recent" },
      runs: { type: "string", default: "1" },
      keep: { type: "boolean", default: false },
      account: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return undefined;
  const whole = (name: string, raw: string) => {
    if (!/^\d+$/.test(raw) || Number(raw) < 1) {
      throw new UsageError(`--${name} must be a whole number above 0, got "${raw}".`);
    }
    return Number(raw);
  };
  const formats = values.formats.split(",").map((format) => format.trim());
  for (const format of formats) {
    if (!FORMATS.includes(format as Format)) throw new UsageError(`Unknown format "${format}".`);
  }
  if (values.sort !== "recent" && values.sort !== "name") {
    throw new UsageError("--sort must be recent or name.");
  }
  return {
    contacts: whole("contacts", values.contacts),
    pageSize: whole("page-size", values["page-size"]),
    runs: whole("runs", values.runs),
    formats: formats as Format[],
    sort: values.sort as "recent" | "name",
    keep: values.keep,
    account: values.account?.trim().toLowerCase(),
  };
}
type Options = NonNullable<ReturnType<typeof parseOptions>>;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

type Measurement = {
  firstByte: number;
  /** Until the first chunk after the header: the first contacts read from the database. */
  firstRows: number;
  lastByte: number;
  bytes: number;
  lines: number;
  growth: number;
  /** CPU time of this process (user + system); the database's own work is not in it. */
  cpu: number;
};

/** Reads a download to the end as a client would, sampling the process's RSS meanwhile. */
async function measure(body: () => Response): Promise<Measurement> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 200));
  gc();
  const baseline = process.memoryUsage.rss();
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 50);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const reader = body().body!.getReader();
  let firstByte = 0;
  let firstRows = 0;
  let chunks = 0;
  let bytes = 0;
  let lines = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    chunks += 1;
    if (chunks === 1) firstByte = performance.now() - started;
    if (chunks === 2) firstRows = performance.now() - started;
    bytes += chunk.value.byteLength;
    for (const byte of chunk.value) if (byte === 0x0a) lines += 1;
  }
  const lastByte = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    firstByte,
    firstRows,
    lastByte,
    bytes,
    lines,
    growth: peak - baseline,
    cpu: (cpu.user + cpu.system) / 1000,
  };
}

async function countContacts(executor: Executor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(contacts)
    .where(eq(contacts.userId, userId));
  return row?.n ?? 0;
}

/** Measures the chosen exports; true when every contacts export met the target. */
async function runExports(executor: Executor, userId: string, opts: Options): Promise<boolean> {
  const total = await countContacts(executor, userId);
  console.info(
    `Exporting ${total.toLocaleString("en-US")} contacts, sort "${opts.sort}", up to ${opts.pageSize} per query (Node ${process.version}, ${(globalThis as { gc?: unknown }).gc ? "GC before each run" : "no --expose-gc"}):`,
  );
  const pages = (withNotes = false) =>
    contactExportPages(userId, { sort: opts.sort }, { pageSize: opts.pageSize, withNotes });
  const file = { fileName: "bench", contentType: "text/plain" };
  const bodies: Record<Format, () => Response> = {
    csv: () => downloadResponse(contactsCsv(pages()), file),
    vcf: () => downloadResponse(vcards(pages(true)), file),
    json: () => downloadResponse(accountExportJson(userId, { pageSize: opts.pageSize }), file),
  };
  const labels: Record<Format, string> = {
    csv: "contacts.csv",
    vcf: "contacts.vcf",
    json: "account.json",
  };
  let ok = true;
  for (const format of opts.formats) {
    for (let run = 0; run < opts.runs; run += 1) {
      const result = await measure(bodies[format]);
      // The account file holds every table, not only contacts: reported, not held to the target.
      const judged = format !== "json";
      const within =
        result.lastByte < TARGET.seconds * 1000 && result.growth < TARGET.rssMegabytes * 2 ** 20;
      console.info(
        `  ${labels[format].padEnd(13)} first byte ${ms(result.firstByte).padStart(6)} (rows ${ms(result.firstRows).padStart(6)}) · last byte ${ms(result.lastByte).padStart(8)} · ${mb(result.bytes).padStart(9)} · ${result.lines.toLocaleString("en-US").padStart(9)} lines · peak RSS +${mb(result.growth)} · CPU ${ms(result.cpu)}${judged ? (within ? " · within target" : " · OVER TARGET") : ""}`,
      );
      if (judged && !within) ok = false;
      if (format === "csv" && result.lines !== total + 1) {
        console.error(
          `  Expected ${total + 1} CSV lines (header + contacts), got ${result.lines}.`,
        );
        ok = false;
      }
    }
  }
  console.info(
    `Target: ${TARGET.seconds} s to the last byte and under ${TARGET.rssMegabytes} MB of RSS growth.`,
  );
  return ok;
}

async function main(): Promise<number> {
  const opts = parseOptions();
  if (!opts) {
    console.info(usage);
    return 0;
  }
  if (!env.DATABASE_URL) {
    console.error(`DATABASE_URL must point at a Postgres database.\n\n${usage}`);
    return 1;
  }
  const handle = databaseHandle();
  await migrateDatabase(handle);
  const db = handle.db;

  if (opts.account) {
    const userId = await findUserIdByEmail(db, opts.account);
    if (!userId) {
      console.error(`No account with the email ${opts.account}.`);
      return 1;
    }
    return (await runExports(db, userId, opts)) ? 0 : 1;
  }

  const email = `bench-export-${randomUUID()}@example.test`;
  const userId = await createDemoUser(db, { email, name: "Export Bench", passwordHash: null });
  try {
    console.info(`Seeding ${opts.contacts.toLocaleString("en-US")} contacts for ${email}…`);
    const seeded = await seedBulk(handle, userId, {
      contacts: opts.contacts,
      seed: 1,
      isSample: false,
    });
    console.info(
      `Seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${Object.entries(seeded.counts)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${n.toLocaleString("en-US")} ${table}`)
        .join(", ")}.`,
    );
    return (await runExports(db, userId, opts)) ? 0 : 1;
  } finally {
    if (opts.keep) {
      console.info(`Kept the account: reuse it with --account ${email}`);
    } else {
      const started = performance.now();
      await deleteAccount(db, userId);
      console.info(`Deleted the bench account in ${ms(performance.now() - started)}.`);
    }
  }
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      console.error(`${error.message}\n\n${usage}`);
    } else {
      console.error("Benchmark failed:", error);
    }
    process.exitCode = 1;
  })
  .finally(() => closeDb());

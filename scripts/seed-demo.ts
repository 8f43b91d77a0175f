import "./load-env";
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password";
import { closeDb, databaseHandle } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import {
  createDemoUser,
  findUserIdByEmail,
  loadSampleSet,
  SAMPLE_ALREADY_LOADED,
  sampleDataExists,
  seedBulk,
} from "@/lib/demo/seed";
import type { DemoCounts } from "@/lib/demo/types";
import { pgliteDir } from "@/lib/env";
import { AppError } from "@/lib/errors";

// `npm run seed:demo -- --email you@example.com [--contacts 10000]`: loads the dashboard's
// sample data into an existing account and, with --contacts, a generated large account on top
// (benchmarks, demos). Works on the embedded database and on Postgres (DATABASE_URL).

const usage = `Usage: npm run seed:demo -- --email <address> [options]

  --email <address>   the account to fill (must exist unless --create-user)
  --contacts <n>      also generate n contacts with companies (~n/20), applications (~n/10),
                      participants, ~3 interactions each, a few notes and follow-ups
  --seed <n>          seed for the generated names and dates (default 1)
  --skip-sample       do not load the hand-written sample set, only the generated contacts
  --not-sample        generated rows are not flagged as sample data (not removable in one click)
  --create-user       create the account when it does not exist
  --password <text>   password for --create-user (otherwise it cannot sign in with a password)
  --help              show this help`;

class UsageError extends Error {}

function parseCommandLine() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      contacts: { type: "string" },
      seed: { type: "string" },
      "skip-sample": { type: "boolean", default: false },
      "not-sample": { type: "boolean", default: false },
      "create-user": { type: "boolean", default: false },
      password: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return undefined;
  const whole = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} must be a whole number, got "${raw}".`);
    return Number(raw);
  };
  const email = values.email?.trim();
  if (!email?.includes("@")) throw new UsageError("--email <address> is required.");
  if (values.password && !values["create-user"]) {
    throw new UsageError("--password only applies with --create-user.");
  }
  return {
    email,
    contacts: whole("contacts", values.contacts, 0),
    seed: whole("seed", values.seed, 1),
    skipSample: values["skip-sample"],
    notSample: values["not-sample"],
    createUser: values["create-user"],
    password: values.password,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const summarize = (counts: DemoCounts) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([table, n]) => `${n.toLocaleString("en-US")} ${table}`)
    .join(", ");

async function main(): Promise<number> {
  const options = parseCommandLine();
  if (!options) {
    console.info(usage);
    return 0;
  }
  const started = performance.now();
  const handle = databaseHandle();
  if (handle.driver === "pglite") {
    console.info(`Database: embedded PGlite in ${pgliteDir}.`);
    console.info(
      "(Stop `npm run dev` / `npm start` first: the embedded database is one process's.)",
    );
  } else {
    console.info("Database: Postgres (DATABASE_URL).");
  }
  await migrateDatabase(handle);
  const db = handle.db;

  let userId = await findUserIdByEmail(db, options.email);
  if (!userId) {
    if (!options.createUser) {
      console.error(
        `No account with the email ${options.email}. Sign up in the app first, or pass --create-user.`,
      );
      return 1;
    }
    const passwordHash = options.password ? await hashPassword(options.password) : null;
    userId = await createDemoUser(db, {
      email: options.email,
      name: "Demo User",
      passwordHash,
    });
    console.info(
      `Created the account ${options.email}${passwordHash ? "" : " (no password: it cannot sign in with one)"}.`,
    );
  }

  if (!options.skipSample) {
    if (await sampleDataExists(db, userId)) {
      if (options.contacts === 0) {
        console.error(SAMPLE_ALREADY_LOADED);
        return 1;
      }
      console.info("Sample data is already loaded: skipping it, adding the generated contacts.");
    } else {
      const sampleStarted = performance.now();
      const counts = await loadSampleSet(db, userId);
      console.info(
        `Loaded the sample data (${summarize(counts)}) in ${seconds(performance.now() - sampleStarted)}.`,
      );
    }
  }

  if (options.contacts > 0) {
    console.info(
      `Generating ${options.contacts.toLocaleString("en-US")} contacts (seed ${options.seed})…`,
    );
    let reported = 0;
    const result = await seedBulk(handle, userId, {
      contacts: options.contacts,
      seed: options.seed,
      isSample: !options.notSample,
      onProgress: (done, total) => {
        // A line per ~10% keeps long runs visibly alive without flooding the terminal.
        if (done === total || done - reported >= total / 10) {
          reported = done;
          console.info(`  ${done.toLocaleString("en-US")} / ${total.toLocaleString("en-US")}`);
        }
      },
    });
    console.info(`Inserted ${summarize(result.counts)} in ${seconds(result.ms)}.`);
  }
  console.info(`Done in ${seconds(performance.now() - started)}.`);
  return 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    if (error instanceof UsageError || (error instanceof TypeError && "code" in error)) {
      // parseArgs reports unknown or malformed options as a TypeError with a code.
      console.error(`${error.message}\n\n${usage}`);
    } else if (error instanceof AppError) {
      console.error(error.message);
    } else {
      console.error("Seeding failed:", error);
    }
    process.exitCode = 1;
  })
  .finally(() => closeDb());

import "./load-env";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { applications, companies, contacts, notes, processParticipants } from "@/lib/db/schema";
import { createDemoUser } from "@/lib/demo/seed";
import { checkNote } from "@/lib/drafting/checker";
import { TEMPLATE_SOURCE, templateDraft } from "@/lib/drafting/templates";
import type { NoteContext } from "@/lib/drafting/types";
import { startOpenAITestServer } from "../tests/support/openai-test-server";
import { signIn, waitForHealth } from "./bench-support";
import { buildIsCurrent } from "./build-state";

// `npm run bench:drafting`: (1) how long the template engine takes per note, checks included;
// (2) the latency the app adds between the provider's first token and the browser's: the
// production build drafts through the local OpenAI-compatible test server, and this process,
// acting as the browser, times the first token event of the NDJSON stream against the moment
// the test server wrote its first token (one clock: both run here).

const { values: args } = parseArgs({
  options: {
    notes: { type: "string", default: "20000" },
    drafts: { type: "string", default: "30" },
    port: { type: "string", default: "3950" },
  },
});

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const base = `http://127.0.0.1:${args.port}`;
const now = () => performance.timeOrigin + performance.now();
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

function templateTiming() {
  const roles = [
    "hiring_manager",
    "recruiter",
    "interviewer",
    "panel",
    "referrer",
    "other",
  ] as const;
  const count = Number(args.notes);
  const started = performance.now();
  for (let i = 0; i < count; i++) {
    const context: NoteContext = {
      recipient: {
        fullName: `Person ${i}`,
        title: "Engineering Manager",
        role: roles[i % roles.length]!,
        discussed: i % 3 === 0 ? null : "We talked about their move to Kubernetes.",
      },
      companyName: "Northwind Traders",
      jobTitle: "Senior Platform Engineer",
      sender: { name: "Jordan Avery", signature: null },
      tone: (["warm", "formal", "brief"] as const)[i % 3]!,
      channel: i % 4 === 0 ? "linkedin" : "email",
      variant: i % 4,
    };
    checkNote(templateDraft(context), context);
  }
  return ((performance.now() - started) * 1000) / count;
}

async function main() {
  const perNoteUs = templateTiming();
  console.info(
    `Template engine: ${perNoteUs.toFixed(1)} µs per note (draft + checks), ${args.notes} notes`,
  );

  if (!buildIsCurrent(root)) {
    const build = spawnSync(process.execPath, [nextBin, "build"], {
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const provider = await startOpenAITestServer();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "runner-up-bench-drafting-"));
  const handle = openDatabase({ pgliteDir: path.join(dataDir, "pglite") });
  await migrateDatabase(handle);
  const email = "drafting-bench@example.test";
  const password = "benchmark password";
  const userId = await createDemoUser(handle.db, {
    email,
    name: "Jordan Avery",
    passwordHash: await hashPassword(password),
  });
  const [company] = await handle.db
    .insert(companies)
    .values({ userId, name: "Northwind" })
    .returning();
  const [application] = await handle.db
    .insert(applications)
    .values({ userId, companyId: company!.id, jobTitle: "Designer", stage: "rejected" })
    .returning();
  const [contact] = await handle.db
    .insert(contacts)
    .values({ userId, fullName: "Dana Reyes" })
    .returning();
  await handle.db.insert(processParticipants).values({
    userId,
    applicationId: application!.id,
    contactId: contact!.id,
    role: "hiring_manager",
    discussed: "the design system",
  });
  const [note] = await handle.db
    .insert(notes)
    .values({
      userId,
      contactId: contact!.id,
      applicationId: application!.id,
      body: "",
      source: TEMPLATE_SOURCE,
      sourceKind: "template",
    })
    .returning();
  await handle.close();

  const server = spawn(process.execPath, [nextBin, "start", "--port", args.port!], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PGLITE_DIR: path.join(dataDir, "pglite"),
      OPENAI_API_KEY: "bench-key",
      OPENAI_BASE_URL: provider.url,
      OPENAI_MODEL: "bench-model",
      DRAFTS_PER_HOUR: "100000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(server, base);
    const cookie = await signIn(base, email, password);
    const added: number[] = [];
    for (let i = 0; i < Number(args.drafts); i++) {
      const before = provider.firstTokenSentAt.length;
      const response = await fetch(`${base}/api/notes/${note!.id}/draft`, {
        method: "POST",
        headers: { cookie, origin: base, "content-type": "application/json" },
        body: JSON.stringify({ mode: "model" }),
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      let firstTokenAt: number | undefined;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        if (firstTokenAt === undefined && buffer.includes('"type":"token"')) firstTokenAt = now();
      }
      const sentAt = provider.firstTokenSentAt[before];
      if (firstTokenAt !== undefined && sentAt !== undefined) added.push(firstTokenAt - sentAt);
      if (i === 0) added.length = 0; // the first request warms the server up
    }
    added.sort((a, b) => a - b);
    console.info(
      `Provider first token → browser first token: p50 ${percentile(added, 50).toFixed(1)} ms, p95 ${percentile(added, 95).toFixed(1)} ms, max ${(added.at(-1) ?? 0).toFixed(1)} ms over ${added.length} drafts`,
    );
  } finally {
    server.kill("SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
    await provider.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error("Benchmark failed:", error);
  process.exit(1);
});

import { and, eq, inArray } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { applications, notes, processParticipants } from "@/lib/db/schema";
import { createDemoUser, seedBulk } from "@/lib/demo/seed";
import { MAX_CONCURRENT_MODEL_DRAFTS } from "@/lib/drafting/service";
import { type OpenAITestServer, startOpenAITestServer } from "../support/openai-test-server";
import { type AppServer, startApp } from "./support/app-server";
import { type AppDatabase, createAppDatabase, withHandle } from "./support/databases";
import { sessionCookie } from "./support/sessions";

// An LLM provider that accepts requests and then never answers must not tie up the server:
// model drafts are capped per process (extra ones get the template at once), each capped draft
// gives up at the first-token timeout and falls back to the template, the provider's
// connections are let go, and the rest of the app keeps answering meanwhile.

const APP_PORT = 4230;
const PROVIDER_PORT = 4231;
const FIRST_TOKEN_TIMEOUT_MS = 4000;
const TOTAL_TIMEOUT_MS = 8000;
/** More drafts at once than the per-process cap. */
const DRAFTS = MAX_CONCURRENT_MODEL_DRAFTS * 2 + 4;
/** A draft ends (saved from the template) within its time budget plus room for a busy machine. */
const DRAFT_BOUND_MS = TOTAL_TIMEOUT_MS + 5000;
/** "Still answering": far below a hang, far above a normal answer on a loaded 2-core machine. */
const ANSWER_BOUND_MS = 10_000;

type DraftRun = { ms: number; status: number; events: Record<string, unknown>[] };

describe("hung LLM provider", () => {
  let database: AppDatabase | undefined;
  let provider: OpenAITestServer | undefined;
  let app: AppServer | undefined;

  afterAll(async () => {
    await app?.stop();
    await provider?.close();
    await database?.cleanup();
  });

  it(`caps model drafts at ${MAX_CONCURRENT_MODEL_DRAFTS}, falls back to templates in time, and keeps serving`, async () => {
    database = await createAppDatabase("hung");
    const user = { name: "Hung Provider", email: `hung-${Date.now()}@example.test`, id: "" };
    const noteIds = await withHandle(database.target, async (handle) => {
      user.id = await createDemoUser(handle.db, { ...user, passwordHash: null });
      await seedBulk(handle, user.id, { contacts: 30, isSample: false });
      // Draft notes to a person who took part in one of the user's processes.
      const [pair] = await handle.db
        .select({
          contactId: processParticipants.contactId,
          applicationId: processParticipants.applicationId,
        })
        .from(processParticipants)
        .innerJoin(applications, eq(applications.id, processParticipants.applicationId))
        .where(eq(applications.userId, user.id))
        .limit(1);
      if (!pair) throw new Error("the seeded account has no process participants");
      const rows = await handle.db
        .insert(notes)
        .values(
          Array.from({ length: DRAFTS * 2 }, (_, index) => ({
            userId: user.id,
            contactId: pair.contactId,
            applicationId: pair.applicationId,
            channel: "email" as const,
            subject: `Draft ${index}`,
            body: "An old draft, to be replaced.",
            source: "stress seed",
            sourceKind: "template" as const,
            status: "draft" as const,
          })),
        )
        .returning({ id: notes.id });
      return rows.map((row) => row.id);
    });

    provider = await startOpenAITestServer({ port: PROVIDER_PORT });
    provider.setMode("hang");
    app = await startApp({
      port: APP_PORT,
      ...database.app,
      env: {
        ...database.app.env,
        OPENAI_API_KEY: "stress-test-key",
        OPENAI_BASE_URL: provider.url,
        OPENAI_MODEL: "test-model",
        OPENAI_TIMEOUT_MS: String(TOTAL_TIMEOUT_MS),
        OPENAI_FIRST_TOKEN_TIMEOUT_MS: String(FIRST_TOKEN_TIMEOUT_MS),
        DRAFTS_PER_HOUR: "1000",
      },
    });
    const cookie = await sessionCookie(user);

    const draft = async (noteId: string): Promise<DraftRun> => {
      const started = performance.now();
      const response = await fetch(`${app!.base}/api/notes/${noteId}/draft`, {
        method: "POST",
        headers: { cookie, origin: app!.base, "content-type": "application/json" },
        body: JSON.stringify({ mode: "model" }),
        // Far past the bound: a draft that never ends fails the test instead of hanging it.
        signal: AbortSignal.timeout(DRAFT_BOUND_MS * 3),
      });
      const text = await response.text();
      const events = text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      return { ms: performance.now() - started, status: response.status, events };
    };
    const timed = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${app!.base}${path}`, {
        headers: { cookie },
        redirect: "manual",
        signal: AbortSignal.timeout(ANSWER_BOUND_MS * 3),
      });
      await response.arrayBuffer();
      return { path, status: response.status, ms: performance.now() - started };
    };

    // Wave 1: more drafts than the cap, all at once, while someone else uses the app.
    const firstWave = noteIds.slice(0, DRAFTS);
    const drafts = Promise.all(firstWave.map(draft));
    const meanwhile: { path: string; status: number; ms: number }[] = [];
    // Check the rest of the app once the provider holds as many drafts as the cap allows (or
    // after a while, if it never does: the assertions below then say why).
    const waitUntil = performance.now() + 30_000;
    while (
      provider.openCompletions() < MAX_CONCURRENT_MODEL_DRAFTS &&
      performance.now() < waitUntil
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const path of ["/api/health", "/dashboard", "/api/health", "/contacts", "/api/health"]) {
      meanwhile.push(await timed(path));
    }
    const openWhileChecking = provider.openCompletions();
    const runs = await drafts;
    const firstWaveReachedProvider = provider.requests.length;
    // The app let go of every connection to the stalled provider.
    const lingering = provider.openCompletions();

    // Wave 2: the slots were all released (a leaked slot would make these "busy" at once).
    const requestsBefore = provider.requests.length;
    const secondRuns = await Promise.all(
      noteIds.slice(DRAFTS, DRAFTS + MAX_CONCURRENT_MODEL_DRAFTS).map(draft),
    );
    const secondWaveReachedProvider = provider.requests.length - requestsBefore;

    const done = (run: DraftRun) => run.events.find((event) => event.type === "done");
    const notice = (run: DraftRun) => String(done(run)?.notice ?? "");
    const busy = runs.filter((run) => /busy/i.test(notice(run)));
    console.info(
      `Hung provider: ${runs.length} concurrent drafts, peak ${provider.peakOpenCompletions()} at the ` +
        `provider (cap ${MAX_CONCURRENT_MODEL_DRAFTS}), ${busy.length} answered "busy" at once; ` +
        `slowest draft ${Math.round(Math.max(...runs.map((r) => r.ms)))} ms (bound ${DRAFT_BOUND_MS}); ` +
        `meanwhile ${meanwhile.map((m) => `${m.path} ${m.status} in ${Math.round(m.ms)} ms`).join(", ")}`,
    );
    const context = app.output().slice(-3000);

    // Every draft ended in time with a saved template draft and the reason.
    for (const run of [...runs, ...secondRuns]) {
      expect(run.status, context).toBe(200);
      expect(done(run), JSON.stringify(run.events)).toBeDefined();
      expect((done(run)!.note as { sourceKind: string }).sourceKind).toBe("template");
      expect(notice(run)).not.toBe("");
      expect(run.ms).toBeLessThan(DRAFT_BOUND_MS);
    }
    // The cap held and was reached: never more than the cap at the provider at once, and the
    // drafts beyond it got the template with the "busy" notice instead of queueing for a slot.
    expect(provider.peakOpenCompletions()).toBe(MAX_CONCURRENT_MODEL_DRAFTS);
    expect(openWhileChecking).toBeLessThanOrEqual(MAX_CONCURRENT_MODEL_DRAFTS);
    // Each draft either went to the provider or was turned away as busy; with all of them sent
    // at once, most were turned away (a draft arriving after a slot freed may take the slot).
    expect(busy.length).toBe(DRAFTS - firstWaveReachedProvider);
    expect(busy.length).toBeGreaterThan(0);
    // Model attempts gave up at the first-token timeout, not before, and said so.
    for (const run of runs.filter((r) => !busy.includes(r))) {
      expect(notice(run)).toMatch(/took too long/);
      expect(run.ms).toBeGreaterThanOrEqual(FIRST_TOKEN_TIMEOUT_MS - 100);
    }
    expect(lingering).toBe(0);
    expect(secondWaveReachedProvider).toBe(MAX_CONCURRENT_MODEL_DRAFTS);
    // The rest of the app answered meanwhile.
    for (const answer of meanwhile) {
      expect(answer.status, answer.path).toBe(200);
      expect(answer.ms, answer.path).toBeLessThan(ANSWER_BOUND_MS);
    }

    // The fallback drafts were saved.
    const output = app.output();
    await app.stop();
    app = undefined;
    const saved = await withHandle(database.target, (handle) =>
      handle.db
        .select({ id: notes.id, sourceKind: notes.sourceKind, body: notes.body })
        .from(notes)
        .where(and(eq(notes.userId, user.id), inArray(notes.id, noteIds.slice(0, DRAFTS)))),
    );
    expect(saved, output.slice(-2000)).toHaveLength(DRAFTS);
    for (const note of saved) {
      expect(note.sourceKind).toBe("template");
      expect(note.body).not.toBe("An old draft, to be replaced.");
    }
  });
});

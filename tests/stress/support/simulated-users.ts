import { randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { and, desc, eq, inArray } from "drizzle-orm";
import type { DatabaseHandle } from "@/lib/db/client";
import { applications, companies, contacts, interactions } from "@/lib/db/schema";
import { createDemoUser, seedBulk } from "@/lib/demo/seed";
import { type FormAnswer, FormClient } from "./form-client";
import { sessionCookie } from "./sessions";

// Simulated users of a running app: each has an account seeded with ordinary data and a session
// cookie, and does what people do: open pages, search, export, add and edit contacts, log
// interactions, add companies. Writes go through the real server actions (the no-JavaScript
// form post). Every outcome is recorded; acknowledged writes are remembered with the unique
// value they wrote, so the database can be checked afterwards.

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

export type Write =
  | { kind: "contact"; userId: string; id: string; fullName: string }
  | { kind: "contact-edit"; userId: string; contactId: string; notes: string }
  | { kind: "interaction"; userId: string; contactId: string; summary: string }
  | { kind: "company"; userId: string; id: string; name: string };

export type Outcome = {
  op: string;
  ok: boolean;
  /** HTTP status, or null when no answer came (connection refused, timeout). */
  status: number | null;
  ms: number;
  /** When the request started, ms since the load began. */
  at: number;
  detail?: string;
  /** The write this request attempted, if it was one, acknowledged or not. */
  write?: Write;
  /** The page shown was the app's error page (app/error.tsx), not a blank or a stack trace. */
  errorPage?: boolean;
  /** The message a form showed in its alert box (the action reported a failure). */
  alert?: string;
  /** The status came but the server aborted the body: a download the browser marks failed. */
  abortedBody?: boolean;
};

export type SeededUser = {
  id: string;
  name: string;
  email: string;
  contactIds: string[];
  applicationIds: string[];
};

/** Users with a small ordinary account each (companies, contacts, applications, interactions). */
export async function seedUsers(
  handle: DatabaseHandle,
  count: number,
  contactsEach = 30,
): Promise<SeededUser[]> {
  const run = randomBytes(3).toString("hex");
  const users: SeededUser[] = [];
  for (let index = 0; index < count; index++) {
    const email = `stress-${run}-${index}@example.test`;
    const name = `Stress User ${index}`;
    const id = await createDemoUser(handle.db, { email, name, passwordHash: null });
    await seedBulk(handle, id, { contacts: contactsEach, isSample: false });
    const contactRows = await handle.db
      .select({ id: contacts.id })
      .from(contacts)
      .where(eq(contacts.userId, id))
      .orderBy(desc(contacts.lastContactedAt))
      .limit(20);
    const applicationRows = await handle.db
      .select({ id: applications.id })
      .from(applications)
      .where(eq(applications.userId, id))
      .limit(10);
    users.push({
      id,
      name,
      email,
      contactIds: contactRows.map((row) => row.id),
      applicationIds: applicationRows.map((row) => row.id),
    });
  }
  return users;
}

/**
 * The app's error page: app/error.tsx rendered on the server (its heading and reassurance), or
 * the error document Next answers with a 500 when a page fails before it streams, which the
 * browser fills in with app/error.tsx (the Postgres restart test watches that in Chromium).
 */
export function isAppErrorPage(html: string, status = 200): boolean {
  const rendered =
    html.includes("Something went wrong") && html.includes("Nothing you saved is lost");
  const shell = status === 500 && html.includes('<html id="__next_error__">');
  return rendered || shell;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;

/** A moment an hour ago, as a datetime-local input shows it (the server's zone: no offset sent). */
function anHourAgoLocal(): string {
  const moment = new Date(Date.now() - 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}T${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

export type Operation =
  | "dashboard"
  | "contacts"
  | "search"
  | "contact"
  | "application"
  | "export"
  | "create-contact"
  | "edit-contact"
  | "log-interaction"
  | "create-company";

export const readOperations: Operation[] = [
  "dashboard",
  "contacts",
  "search",
  "contact",
  "application",
  "export",
];
export const writeOperations: Operation[] = [
  "create-contact",
  "edit-contact",
  "log-interaction",
  "create-company",
];

export class SimulatedUser {
  readonly client: FormClient;
  private counter = 0;
  /** Contacts this user may write to: seeded ones plus those it created. */
  private readonly writable: string[];
  /** The write being attempted, so a request that throws still reports what it tried. */
  private pendingWrite: Write | undefined;

  private constructor(
    readonly account: SeededUser,
    base: string,
    cookie: string,
    private readonly startedAt: number,
    timeoutMs: number,
  ) {
    this.client = new FormClient({ base, cookie, timeoutMs });
    this.writable = [...account.contactIds];
  }

  static async create(
    account: SeededUser,
    base: string,
    options: { startedAt: number; timeoutMs: number },
  ): Promise<SimulatedUser> {
    return new SimulatedUser(
      account,
      base,
      await sessionCookie(account),
      options.startedAt,
      options.timeoutMs,
    );
  }

  private unique(label: string): string {
    this.counter++;
    return `${label} ${this.account.id.slice(0, 8)}-${this.counter}-${randomBytes(3).toString("hex")}`;
  }

  /** Runs one operation and reports how it went; never throws. */
  async perform(op: Operation): Promise<Outcome> {
    const at = performance.now() - this.startedAt;
    const started = performance.now();
    try {
      const result = await this.run(op);
      return { op, at, ms: performance.now() - started, ...result };
    } catch (error) {
      const cause = error instanceof Error ? (error.cause ?? error) : error;
      return {
        op,
        at,
        ms: performance.now() - started,
        ok: false,
        status: null,
        detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
        write: this.pendingWrite,
      };
    } finally {
      this.pendingWrite = undefined;
    }
  }

  private async page(path: string, expectCsv = false) {
    const answer = await this.client.get(path);
    const ok =
      answer.status === 200 &&
      answer.bodyError === undefined &&
      // A CSV export: a header row and at least one contact (every account has some).
      (expectCsv
        ? answer.html.split("\n").filter((line) => line.includes(",")).length > 1
        : true) &&
      !isAppErrorPage(answer.html, answer.status);
    return {
      ok,
      status: answer.status,
      errorPage: isAppErrorPage(answer.html, answer.status),
      abortedBody: answer.bodyError !== undefined,
      detail: ok
        ? undefined
        : `GET ${path}: ${answer.status} ${answer.bodyError ?? answer.html.slice(0, 200)}`,
    };
  }

  private formOutcome(answer: FormAnswer, acknowledged: boolean, write: Write) {
    return {
      ok: acknowledged,
      status: answer.status,
      write,
      errorPage: isAppErrorPage(answer.html, answer.status),
      alert: answer.alert ?? undefined,
      detail: acknowledged
        ? undefined
        : `${answer.status} ${answer.location?.pathname ?? ""} ${answer.alert ?? answer.html.slice(0, 200)}`,
    };
  }

  private async run(op: Operation): Promise<Omit<Outcome, "op" | "at" | "ms">> {
    const { account } = this;
    switch (op) {
      case "dashboard":
        return this.page("/dashboard");
      case "contacts":
        return this.page("/contacts");
      case "search":
        return this.page(`/contacts?q=${encodeURIComponent(pick(["an", "er", "li", "o"]))}`);
      case "contact":
        return this.page(`/contacts/${pick(this.writable)}`);
      case "application":
        return account.applicationIds.length
          ? this.page(`/applications/${pick(account.applicationIds)}`)
          : this.page("/applications");
      case "export":
        return this.page("/api/contacts/export.csv", true);
      case "create-contact": {
        const fullName = this.unique("Stress Contact");
        this.pendingWrite = { kind: "contact", userId: account.id, id: "", fullName };
        const answer = await this.client.submit("/contacts/new", {
          fullName,
          email: `${fullName.replace(/\W+/g, ".").toLowerCase()}@example.test`,
          title: "Recruiter",
        });
        const id = answer.location?.pathname.match(new RegExp(`^/contacts/(${uuid})$`))?.[1];
        const write: Write = { kind: "contact", userId: account.id, id: id ?? "", fullName };
        if (answer.status === 303 && id) this.writable.push(id);
        return this.formOutcome(answer, answer.status === 303 && Boolean(id), write);
      }
      case "edit-contact": {
        const contactId = pick(this.writable);
        const notes = this.unique("Edited notes");
        const write: Write = { kind: "contact-edit", userId: account.id, contactId, notes };
        this.pendingWrite = write;
        const answer = await this.client.submit(`/contacts/${contactId}/edit`, {
          id: contactId,
          fullName: `Edited ${contactId.slice(0, 8)}`,
          notes,
        });
        const acknowledged =
          answer.status === 303 && answer.location?.pathname === `/contacts/${contactId}`;
        return this.formOutcome(answer, acknowledged, write);
      }
      case "log-interaction": {
        const contactId = pick(this.writable);
        const summary = this.unique("Stress interaction");
        const write: Write = { kind: "interaction", userId: account.id, contactId, summary };
        this.pendingWrite = write;
        const answer = await this.client.submit(`/contacts/${contactId}`, {
          contactId,
          kind: "call",
          occurredAt: anHourAgoLocal(),
          summary,
        });
        // The form stays on the page and says "Logged." in a status line.
        const acknowledged =
          answer.status === 200 && answer.alert === null && answer.html.includes("Logged.");
        return this.formOutcome(answer, acknowledged, write);
      }
      case "create-company": {
        const name = this.unique("Stress Company");
        this.pendingWrite = { kind: "company", userId: account.id, id: "", name };
        const answer = await this.client.submit("/companies/new", { name, interest: "4" });
        const id = answer.location?.pathname.match(new RegExp(`^/companies/(${uuid})$`))?.[1];
        const write: Write = { kind: "company", userId: account.id, id: id ?? "", name };
        return this.formOutcome(answer, answer.status === 303 && Boolean(id), write);
      }
    }
  }
}

/** A mix that is mostly reads, as real use is: roughly two reads for each write. */
export function mixedOperation(): Operation {
  return Math.random() < 0.65 ? pick(readOperations) : pick(writeOperations);
}

/**
 * Every simulated user works back to back (one request at a time, as one person would) until
 * the deadline or `stop()`. Returns every outcome.
 */
export async function runLoad(
  users: SimulatedUser[],
  options: { durationMs: number; choose?: () => Operation; pauseMs?: number; signal?: AbortSignal },
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  const deadline = performance.now() + options.durationMs;
  const choose = options.choose ?? mixedOperation;
  await Promise.all(
    users.map(async (user) => {
      while (performance.now() < deadline && !options.signal?.aborted) {
        outcomes.push(await user.perform(choose()));
        if (options.pauseMs) await sleep(options.pauseMs);
      }
    }),
  );
  return outcomes;
}

export type LoadSummary = {
  /** Operations done (a write is two HTTP requests: the form page, then the post). */
  requests: number;
  httpRequests: number;
  errors: number;
  byOperation: Record<
    string,
    { count: number; errors: number; p50: number; p95: number; max: number }
  >;
  acknowledgedWrites: number;
};

export function summarize(outcomes: Outcome[]): LoadSummary {
  const groups = new Map<string, Outcome[]>();
  for (const outcome of outcomes) {
    groups.set(outcome.op, [...(groups.get(outcome.op) ?? []), outcome]);
  }
  const byOperation: LoadSummary["byOperation"] = {};
  for (const [op, list] of groups) {
    const times = list.map((outcome) => outcome.ms).sort((a, b) => a - b);
    const at = (p: number) =>
      Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
    byOperation[op] = {
      count: list.length,
      errors: list.filter((outcome) => !outcome.ok).length,
      p50: at(0.5),
      p95: at(0.95),
      max: Math.round(times.at(-1) ?? 0),
    };
  }
  return {
    requests: outcomes.length,
    httpRequests: outcomes.reduce((sum, outcome) => sum + (outcome.write ? 2 : 1), 0),
    errors: outcomes.filter((outcome) => !outcome.ok).length,
    byOperation,
    acknowledgedWrites: outcomes.filter((outcome) => outcome.ok && outcome.write).length,
  };
}

/** The per-operation figures as an aligned text table, for the test's report. */
export function formatSummary(summary: LoadSummary): string {
  const rows = Object.entries(summary.byOperation).map(([op, figures]) => [
    op,
    String(figures.count),
    String(figures.errors),
    String(figures.p50),
    String(figures.p95),
    String(figures.max),
  ]);
  const header = ["operation", "count", "errors", "p50 ms", "p95 ms", "max ms"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0]!) : cell.padStart(widths[column]!),
        )
        .join("  "),
    )
    .join("\n");
}

/**
 * The acknowledged writes that the database does not hold. For edits, only the last
 * acknowledged edit of each contact must be there (a later one replaces an earlier one).
 */
export async function missingWrites(handle: DatabaseHandle, writes: Write[]): Promise<Write[]> {
  const { db } = handle;
  const missing: Write[] = [];

  const createdContacts = writes.filter((w) => w.kind === "contact");
  if (createdContacts.length) {
    const rows = await db
      .select({ id: contacts.id, userId: contacts.userId, fullName: contacts.fullName })
      .from(contacts)
      .where(
        inArray(
          contacts.id,
          createdContacts.map((w) => w.id),
        ),
      );
    const byId = new Map(rows.map((row) => [row.id, row]));
    // An edit may have renamed a created contact since; then only the id and owner must match.
    const edited = new Set(writes.flatMap((w) => (w.kind === "contact-edit" ? [w.contactId] : [])));
    for (const write of createdContacts) {
      const row = byId.get(write.id);
      const nameHolds = edited.has(write.id) || row?.fullName === write.fullName;
      if (row?.userId !== write.userId || !nameHolds) missing.push(write);
    }
  }

  const lastEdits = new Map<string, Write & { kind: "contact-edit" }>();
  for (const write of writes)
    if (write.kind === "contact-edit") lastEdits.set(write.contactId, write);
  if (lastEdits.size) {
    const rows = await db
      .select({ id: contacts.id, userId: contacts.userId, notes: contacts.notes })
      .from(contacts)
      .where(inArray(contacts.id, [...lastEdits.keys()]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const write of lastEdits.values()) {
      const row = byId.get(write.contactId);
      if (row?.notes !== write.notes || row.userId !== write.userId) missing.push(write);
    }
  }

  const logged = writes.filter((w) => w.kind === "interaction");
  if (logged.length) {
    const rows = await db
      .select({
        summary: interactions.summary,
        contactId: interactions.contactId,
        userId: interactions.userId,
      })
      .from(interactions)
      .where(
        inArray(
          interactions.summary,
          logged.map((w) => w.summary),
        ),
      );
    const found = new Set(rows.map((row) => `${row.summary}|${row.contactId}|${row.userId}`));
    for (const write of logged) {
      if (!found.has(`${write.summary}|${write.contactId}|${write.userId}`)) missing.push(write);
    }
  }

  const createdCompanies = writes.filter((w) => w.kind === "company");
  if (createdCompanies.length) {
    const rows = await db
      .select({ id: companies.id, name: companies.name, userId: companies.userId })
      .from(companies)
      .where(
        and(
          inArray(
            companies.id,
            createdCompanies.map((w) => w.id),
          ),
          inArray(
            companies.name,
            createdCompanies.map((w) => w.name),
          ),
        ),
      );
    const found = new Set(rows.map((row) => `${row.id}|${row.name}|${row.userId}`));
    for (const write of createdCompanies) {
      if (!found.has(`${write.id}|${write.name}|${write.userId}`)) missing.push(write);
    }
  }
  return missing;
}

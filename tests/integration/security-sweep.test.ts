import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getTableName, inArray, is, like, or, type SQL } from "drizzle-orm";
import { type AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { replaceCalendarToken } from "@/lib/db/queries/calendar";
import { createImportBatch } from "@/lib/db/queries/imports";
import type { SessionUser } from "@/lib/db/queries/users";
import * as schema from "@/lib/db/schema";
import { env, oauthProviders } from "@/lib/env";
import type { ErrorCode } from "@/lib/errors";
import { createTestUser } from "../support/builders";
import { createOpeningFor, formData } from "../support/company-builders";
import {
  makeApplication,
  makeCompany,
  makeContact,
  makeFollowUp,
  makeInteraction,
  makeNote,
  makeParticipant,
} from "../support/contact-builders";

// The access-control sweep: every server action and every route handler in the app, found on
// disk at test time, is called signed out and as user B with user A's ids. Signed out it must
// be refused; as B it must answer "not found" (or the redirect the app uses for that); and in
// both cases not one row of either user may change. A new action or route without an entry in
// the tables below fails the sweep, so nothing can slip past it.
//
// Only the session (who is signed in), Next's request scope (headers and the cookie jar Auth.js
// writes to) and its cache are stand-ins; the actions, Auth.js, validation and the database
// are real.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
type JarCookie = { value: string; options?: { maxAge?: number; expires?: Date | number } };
const jar = vi.hoisted(() => new Map<string, JarCookie>());

vi.mock("@/lib/auth/current-user", async () => {
  const { headers } = await import("next/headers");
  const { redirect } = await import("next/navigation");
  return {
    currentUser: async () => session.user,
    // As in production (lib/auth/current-user.ts): signed out means Next's redirect to sign-in.
    requireUser: async () => {
      if (session.user) return session.user;
      const requested = (await headers()).get("x-pathname") ?? "/dashboard";
      redirect(`/sign-in?callbackUrl=${encodeURIComponent(requested)}`);
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  // The request carries the jar's cookies, as a browser would send them.
  headers: async () =>
    new Headers({
      host: "app.test",
      "x-forwarded-proto": "http",
      cookie: [...jar].map(([name, cookie]) => `${name}=${cookie.value}`).join("; "),
    }),
  cookies: async () => ({
    get: (name: string) => {
      const cookie = jar.get(name);
      return cookie ? { name, value: cookie.value } : undefined;
    },
    getAll: () => [...jar].map(([name, cookie]) => ({ name, value: cookie.value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string, options?: JarCookie["options"]) => {
      jar.set(name, { value, options });
    },
    delete: (name: string) => {
      jar.delete(name);
    },
  }),
}));

const ROOT = path.resolve(import.meta.dirname, "../..");
const idle = { status: "idle" } as const;

// ---------------------------------------------------------------------------------------------
// Discovery: what the app exposes, read from the source tree.

function sourceFiles(dir: string): string[] {
  return (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[])
    .map((file) => path.posix.join(dir, file.split(path.sep).join("/")))
    .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file) && !/\.test\.tsx?$/.test(file));
}

/** The file's first statement, after comments and blank lines. */
function leadingDirective(source: string): string | undefined {
  const body = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^(["'])use (server|client)\1/.exec(body)?.[0].slice(1, -1);
}

const SEARCHED = ["app", "components", "lib"];
const allSources = SEARCHED.flatMap(sourceFiles);
const serverActionFiles = allSources.filter(
  (file) => leadingDirective(readFileSync(path.join(ROOT, file), "utf8")) === "use server",
);
// "use server" anywhere else would be an inline action this sweep cannot call by name.
const inlineActionFiles = allSources.filter((file) => {
  const source = readFileSync(path.join(ROOT, file), "utf8");
  return /["']use server["']/.test(source) && !serverActionFiles.includes(file);
});
const routeFiles = sourceFiles("app").filter((file) => /(^|\/)route\.(ts|tsx|js|mjs)$/.test(file));

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

type AnyFunction = (...args: unknown[]) => Promise<unknown>;
type Discovered = { key: string; fn: AnyFunction };

async function exportedFunctions(file: string, names?: string[]): Promise<Discovered[]> {
  const module = (await import(path.join(ROOT, file))) as Record<string, unknown>;
  return Object.entries(module)
    .filter(([name, value]) => typeof value === "function" && (!names || names.includes(name)))
    .map(([name, value]) => ({ key: `${file}#${name}`, fn: value as AnyFunction }));
}

const discoveredActions = (
  await Promise.all(serverActionFiles.map((file) => exportedFunctions(file)))
).flat();
const discoveredRoutes = (
  await Promise.all(routeFiles.map((file) => exportedFunctions(file, HTTP_METHODS)))
).flat();

// ---------------------------------------------------------------------------------------------
// Two accounts with one of everything, so every id an action or route takes has a real row.

type Account = Awaited<ReturnType<typeof createAccount>>;

async function createAccount(label: string) {
  const tag = `${label}-${randomUUID().slice(0, 8)}`;
  const user = await createTestUser({ name: `Owner ${tag}` });
  const db = getDb();
  const company = await makeCompany(user.id, { name: `Company ${tag}` });
  const contact = await makeContact(user.id, {
    fullName: `Person ${tag}`,
    email: `person-${tag}@example.test`.toLowerCase(),
    companyId: company.id,
    // A tag, so the trigger-kept tag counts (contact_tags) hold a row of this account too.
    tags: [`tag-${tag}`.toLowerCase()],
  });
  const contact2 = await makeContact(user.id, { fullName: `Second ${tag}`, companyId: company.id });
  const application = await makeApplication(user.id, company.id, { jobTitle: `Role ${tag}` });
  await db.insert(schema.applicationStageChanges).values({
    userId: user.id,
    applicationId: application.id,
    stage: "rejected",
    changedOn: "2026-02-01",
  });
  const participant = await makeParticipant(user.id, application.id, contact.id);
  await makeParticipant(user.id, application.id, contact2.id, { role: "recruiter" });
  const interaction = await makeInteraction(user.id, contact.id, {
    applicationId: application.id,
    summary: `Talked ${tag}`,
  });
  const note = await makeNote(user.id, contact.id, {
    applicationId: application.id,
    body: `Draft ${tag}`,
  });
  const sentNote = await makeNote(user.id, contact2.id, {
    applicationId: application.id,
    body: `Sent ${tag}`,
    status: "sent",
    sentAt: new Date("2026-02-03T10:00:00Z"),
  });
  const followUp = await makeFollowUp(user.id, contact.id, { reason: `Check in ${tag}` });
  const opening = await createOpeningFor(user.id, company.id, { title: `Opening ${tag}` });
  const importBatch = await createImportBatch(db, user.id, {
    format: "csv",
    fileName: `${tag}.csv`,
    columns: ["Name", "Email"],
    rows: [{ line: 2, cells: [`Imported ${tag}`, `imported-${tag}@example.test`] }],
  });
  const calendarToken = randomBytes(32).toString("base64url");
  await replaceCalendarToken(user.id, calendarToken);
  // Rows in the remaining tables too, so a change to any of them shows in the snapshot.
  await db.insert(schema.accounts).values({
    userId: user.id,
    type: "oauth",
    provider: "github",
    providerAccountId: `gh-${tag}`,
  });
  await db.insert(schema.sessions).values({
    sessionToken: `session-${tag}`,
    userId: user.id,
    expires: new Date("2099-01-01T00:00:00Z"),
  });
  await db.insert(schema.verificationTokens).values({
    identifier: user.email,
    token: `verify-${tag}`,
    expires: new Date("2099-01-01T00:00:00Z"),
  });
  await db.insert(schema.digestDeliveries).values({
    userId: user.id,
    weekStart: "2026-01-05",
    status: "sent",
  });
  await db.insert(schema.rateLimits).values({ key: `drafts:user:${user.id}`, count: 1 });
  return {
    tag,
    user,
    company,
    contact,
    contact2,
    application,
    participant,
    interaction,
    note,
    sentNote,
    followUp,
    opening,
    importBatch,
    calendarToken,
  };
}

/** Strings from A's records that must never appear in anything served to B. */
function fingerprints(account: Account): string[] {
  return [
    account.user.id,
    account.user.email,
    account.company.id,
    account.company.name,
    account.contact.id,
    account.contact.fullName,
    account.contact2.fullName,
    account.application.id,
    account.application.jobTitle,
    account.note.body,
    account.followUp.reason,
    account.opening.title,
  ];
}

// ---------------------------------------------------------------------------------------------
// Snapshot of every row either user owns, in every table of lib/db/schema.ts.

const TABLES = (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
  is(value, PgTable),
);

type Person = { id: string; email: string };

/** Which rows of a table belong to these people; a table this does not know fails the sweep. */
function ownedBy(table: PgTable, people: Person[]): SQL {
  const ids = people.map((person) => person.id);
  const columns = table as unknown as Record<string, AnyPgColumn>;
  if (table === schema.users) return inArray(schema.users.id, ids);
  if ("userId" in table) return inArray(columns.userId!, ids);
  if (table === schema.verificationTokens) {
    return inArray(
      schema.verificationTokens.identifier,
      people.map((person) => person.email),
    );
  }
  if (table === schema.rateLimits) {
    // Counters are keyed by an account's id or email ("drafts:user:<id>", "sign-in:account:…").
    const subjects = people.flatMap((person) => [person.id, person.email]);
    return or(...subjects.map((subject) => like(schema.rateLimits.key, `%${subject}%`)))!;
  }
  throw new Error(`The sweep does not know whose rows ${getTableName(table)} holds: add it here.`);
}

type Snapshot = Record<string, unknown[]>;

async function snapshot(people: Person[]): Promise<Snapshot> {
  const result: Snapshot = {};
  for (const table of TABLES) {
    const rows = await getDb().select().from(table).where(ownedBy(table, people));
    result[getTableName(table)] = rows
      .map((row) => ({ key: JSON.stringify(row), row }))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map(({ row }) => row);
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Calling things and reading what they did.

type Values = Record<string, string | string[]>;
type Outcome = { returned: unknown } | { redirect: string } | { notFound: true };

async function outcomeOf(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { returned: await promise };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { redirect: digest.split(";").slice(2, -2).join(";") };
    }
    if (typeof digest === "string" && digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) {
      return { notFound: true };
    }
    throw error;
  }
}

/** withUser actions take (previous state, form data); plain form actions take the form only. */
function callAction(fn: AnyFunction, input: Values | FormData): Promise<Outcome> {
  const form = input instanceof FormData ? input : formData(input);
  return outcomeOf(fn.length >= 2 ? fn(idle, form) : fn(form));
}

type Expected = { code: ErrorCode } | { redirect: string | RegExp } | { returned: unknown };

function expectOutcome(outcome: Outcome, expected: Expected) {
  if ("code" in expected) {
    expect(outcome).toMatchObject({ returned: { status: "error", code: expected.code } });
  } else if ("redirect" in expected) {
    expect(outcome).toHaveProperty("redirect");
    const to = (outcome as { redirect: string }).redirect;
    if (typeof expected.redirect === "string") expect(to).toBe(expected.redirect);
    else expect(to).toMatch(expected.redirect);
  } else {
    expect(outcome).toEqual({ returned: expected.returned });
  }
}

function sessionCookie(): JarCookie | undefined {
  return [...jar].find(([name]) => name.endsWith("authjs.session-token"))?.[1];
}

// ---------------------------------------------------------------------------------------------
// The table: how to call each action, and what it must answer.

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const signedOutForm: Expected = { redirect: "/sign-in" };
const unauthenticated: Expected = { code: "unauthenticated" };
const notFound: Expected = { code: "not_found" };

type Attempt = {
  label: string;
  input: (a: Account, b: Account) => Values | FormData;
  /** As B; not_found unless said otherwise. */
  expect?: Expected;
};

type ActionEntry =
  | {
      /** Acts on records by id: refused signed out; as B every attempt with A's ids fails. */
      guard: "user";
      attempts: Attempt[];
      signedOut?: Expected;
      asOther?: Expected;
    }
  | {
      /** Takes no record ids: it can only ever act on the caller's own account. */
      guard: "own-account";
      why: string;
      input: (a: Account) => Values | FormData;
      signedOut?: Expected;
      /** Run as a third, fresh user: what it answers them. A's and B's rows stay as they were. */
      asSelf: Expected;
    }
  | {
      /** Needs no session by design; checked for what it must not do instead. */
      guard: "public";
      why: string;
      check: (a: Account, b: Account) => Promise<void>;
    };

const applications = "app/(app)/applications/actions.ts";
const companies = "app/(app)/companies/actions.ts";
const contacts = "app/(app)/contacts/actions.ts";
const imports = "app/(app)/contacts/import/actions.ts";
const dashboard = "app/(app)/dashboard/actions.ts";
const followUps = "app/(app)/dashboard/follow-up-actions.ts";
const notes = "app/(app)/notes/actions.ts";
const openings = "app/(app)/openings/actions.ts";
const account = "app/(app)/settings/account/actions.ts";
const calendar = "app/(app)/settings/calendar-actions.ts";
const auth = "app/(auth)/actions.ts";

const interaction = { kind: "call", occurredAt: "2026-01-15T10:00" };
const csvFile = (text: string) => {
  const form = new FormData();
  form.append("file", new File([text], "people.csv", { type: "text/csv" }));
  return form;
};

/** Runs a public action's check with snapshots of both users around it. */
async function unchangedAround(a: Account, b: Account, run: () => Promise<void>) {
  const people = [a.user, b.user];
  const before = await snapshot(people);
  await run();
  expect(await snapshot(people)).toEqual(before);
}

const ACTIONS: Record<string, ActionEntry> = {
  // --- Applications and the people in them ----------------------------------------------------
  [`${applications}#createApplicationAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's company",
        input: (a) => ({ companyId: a.company.id, jobTitle: "Designer" }),
      },
    ],
  },
  [`${applications}#updateApplicationAction`]: {
    guard: "user",
    attempts: [
      { label: "A's application", input: (a) => ({ id: a.application.id, jobTitle: "X" }) },
    ],
  },
  [`${applications}#changeStageAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's application",
        input: (a) => ({ id: a.application.id, stage: "offer", changedOn: "2026-03-01" }),
      },
    ],
  },
  [`${applications}#deleteApplicationAction`]: {
    guard: "user",
    attempts: [{ label: "A's application", input: (a) => ({ id: a.application.id }) }],
  },
  [`${applications}#deleteApplicationFormAction`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/applications?error=not-found" },
    attempts: [{ label: "A's application", input: (a) => ({ id: a.application.id }) }],
  },
  [`${applications}#addParticipantAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's application and contact",
        input: (a) => ({ applicationId: a.application.id, contactId: a.contact.id, role: "other" }),
      },
      {
        label: "B's application, A's contact",
        input: (a, b) => ({
          applicationId: b.application.id,
          contactId: a.contact.id,
          role: "other",
        }),
      },
      {
        label: "A's application, B's contact",
        input: (a, b) => ({
          applicationId: a.application.id,
          contactId: b.contact.id,
          role: "other",
        }),
      },
    ],
  },
  [`${applications}#updateParticipantAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's application and participant",
        input: (a) => ({
          applicationId: a.application.id,
          participantId: a.participant.id,
          role: "other",
          discussed: "hijacked",
        }),
      },
      {
        label: "B's application, A's participant",
        input: (a, b) => ({
          applicationId: b.application.id,
          participantId: a.participant.id,
          role: "other",
        }),
      },
      {
        label: "A's application, B's participant",
        input: (a, b) => ({
          applicationId: a.application.id,
          participantId: b.participant.id,
          role: "other",
        }),
      },
    ],
  },
  [`${applications}#removeParticipantAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's application and participant",
        input: (a) => ({ applicationId: a.application.id, participantId: a.participant.id }),
      },
      {
        label: "B's application, A's participant",
        input: (a, b) => ({ applicationId: b.application.id, participantId: a.participant.id }),
      },
    ],
  },
  [`${applications}#removeParticipantFormAction`]: {
    guard: "user",
    signedOut: signedOutForm,
    // Back to the application's page with a fixed message; for B that page is a 404.
    asOther: { redirect: new RegExp(`^/applications/${UUID}\\?error=remove$`) },
    attempts: [
      {
        label: "A's application and participant",
        input: (a) => ({ applicationId: a.application.id, participantId: a.participant.id }),
      },
    ],
  },
  [`${applications}#quickCaptureAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's application",
        input: (a) => ({ applicationId: a.application.id, "people.0.name": "Intruder" }),
      },
    ],
  },

  // --- Companies --------------------------------------------------------------------------------
  [`${companies}#createCompany`]: {
    guard: "own-account",
    why: "Creates a company for the caller; B may even reuse A's company name (no duplicate leak).",
    input: (a) => ({ name: a.company.name }),
    asSelf: { redirect: new RegExp(`^/companies/${UUID}$`) },
  },
  [`${companies}#updateCompany`]: {
    guard: "user",
    attempts: [{ label: "A's company", input: (a) => ({ id: a.company.id, name: "Renamed" }) }],
  },
  [`${companies}#deleteCompanyAction`]: {
    guard: "user",
    attempts: [{ label: "A's company", input: (a) => ({ id: a.company.id }) }],
  },
  [`${companies}#deleteCompany`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/companies" },
    attempts: [{ label: "A's company", input: (a) => ({ id: a.company.id }) }],
  },

  // --- Contacts and interactions ----------------------------------------------------------------
  [`${contacts}#createContactAction`]: {
    guard: "user",
    attempts: [
      { label: "A's company", input: (a) => ({ fullName: "New", companyId: a.company.id }) },
    ],
  },
  [`${contacts}#updateContactAction`]: {
    guard: "user",
    attempts: [
      { label: "A's contact", input: (a) => ({ id: a.contact.id, fullName: "Renamed" }) },
      {
        label: "B's contact linked to A's company",
        input: (a, b) => ({ id: b.contact.id, fullName: "Renamed", companyId: a.company.id }),
      },
    ],
  },
  [`${contacts}#deleteContactAction`]: {
    guard: "user",
    attempts: [{ label: "A's contact", input: (a) => ({ id: a.contact.id }) }],
  },
  [`${contacts}#deleteContactFromForm`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/contacts" },
    attempts: [{ label: "A's contact", input: (a) => ({ id: a.contact.id }) }],
  },
  [`${contacts}#mergeContactsAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's two contacts",
        input: (a) => ({ keepId: a.contact.id, ids: [a.contact.id, a.contact2.id] }),
      },
      {
        label: "keep B's contact, merge A's",
        input: (a, b) => ({ keepId: b.contact.id, ids: [b.contact.id, a.contact.id] }),
      },
      {
        label: "keep A's contact, merge B's",
        input: (a, b) => ({ keepId: a.contact.id, ids: [a.contact.id, b.contact.id] }),
      },
    ],
  },
  [`${contacts}#createInteractionAction`]: {
    guard: "user",
    attempts: [
      { label: "A's contact", input: (a) => ({ ...interaction, contactId: a.contact.id }) },
      {
        label: "B's contact with A's application",
        input: (a, b) => ({
          ...interaction,
          contactId: b.contact.id,
          applicationId: a.application.id,
        }),
      },
    ],
  },
  [`${contacts}#updateInteractionAction`]: {
    guard: "user",
    attempts: [
      { label: "A's interaction", input: (a) => ({ ...interaction, id: a.interaction.id }) },
      {
        label: "B's interaction moved to A's application",
        input: (a, b) => ({
          ...interaction,
          id: b.interaction.id,
          applicationId: a.application.id,
        }),
      },
    ],
  },
  [`${contacts}#deleteInteractionAction`]: {
    guard: "user",
    attempts: [{ label: "A's interaction", input: (a) => ({ id: a.interaction.id }) }],
  },
  [`${contacts}#deleteInteractionFromForm`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/contacts" },
    attempts: [{ label: "A's interaction", input: (a) => ({ id: a.interaction.id }) }],
  },

  // --- Import -----------------------------------------------------------------------------------
  [`${imports}#uploadImportAction`]: {
    guard: "own-account",
    why: "Stores an upload for the caller; it takes a file, no record ids.",
    input: () => csvFile("Name,Email\nUploaded Person,uploaded@example.test\n"),
    asSelf: { redirect: new RegExp(`^/contacts/import/${UUID}$`) },
  },
  [`${imports}#saveImportMappingAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's import",
        input: (a) => ({ batchId: a.importBatch.id, field: ["fullName", "email"] }),
      },
    ],
  },
  [`${imports}#confirmImportAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's import",
        input: (a) => ({ batchId: a.importBatch.id, mappingKey: "fullName,email" }),
      },
    ],
  },
  [`${imports}#discardImportAction`]: {
    guard: "user",
    attempts: [{ label: "A's import", input: (a) => ({ batchId: a.importBatch.id }) }],
  },
  [`${imports}#discardImportFromForm`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/contacts/import" },
    attempts: [{ label: "A's import", input: (a) => ({ batchId: a.importBatch.id }) }],
  },

  // --- Dashboard: sample data and follow-ups -----------------------------------------------------
  [`${dashboard}#loadSampleData`]: {
    guard: "own-account",
    why: "No input: loads sample rows into the caller's own account.",
    input: () => ({}),
    asSelf: { redirect: "/dashboard" },
  },
  [`${dashboard}#removeSampleData`]: {
    guard: "own-account",
    why: "No input: removes the caller's own sample rows.",
    input: () => ({}),
    asSelf: { redirect: "/dashboard" },
  },
  [`${followUps}#completeFollowUpAction`]: {
    guard: "user",
    attempts: [{ label: "A's follow-up", input: (a) => ({ id: a.followUp.id }) }],
  },
  [`${followUps}#skipFollowUpAction`]: {
    guard: "user",
    attempts: [{ label: "A's follow-up", input: (a) => ({ id: a.followUp.id }) }],
  },
  [`${followUps}#snoozeFollowUpAction`]: {
    guard: "user",
    attempts: [{ label: "A's follow-up", input: (a) => ({ id: a.followUp.id, by: "week" }) }],
  },
  [`${followUps}#createFollowUpAction`]: {
    guard: "user",
    attempts: [
      {
        label: "A's contact",
        input: (a) => ({ contactId: a.contact.id, dueOn: "2026-05-01", reason: "Ping" }),
      },
    ],
  },

  // --- Thank-you notes and sender settings -------------------------------------------------------
  [`${notes}#draftThankYouNotes`]: {
    guard: "user",
    attempts: [
      {
        label: "A's application and contact",
        input: (a) => ({
          applicationId: a.application.id,
          contactIds: a.contact.id,
          channel: "email",
        }),
      },
      {
        label: "A's application, B's contact",
        input: (a, b) => ({
          applicationId: a.application.id,
          contactIds: b.contact.id,
          channel: "email",
        }),
      },
      {
        // B's own process, asked to write to someone outside it: the same answer as for any
        // contact not in the process (A's contact is not distinguishable from a random id).
        label: "B's application, A's contact",
        input: (a, b) => ({
          applicationId: b.application.id,
          contactIds: a.contact.id,
          channel: "email",
        }),
        expect: { code: "invalid" },
      },
    ],
  },
  [`${notes}#saveNote`]: {
    guard: "user",
    attempts: [{ label: "A's draft", input: (a) => ({ id: a.note.id, body: "Hijacked" }) }],
  },
  [`${notes}#markSent`]: {
    guard: "user",
    attempts: [{ label: "A's draft", input: (a) => ({ id: a.note.id, sentOn: "2026-03-01" }) }],
  },
  [`${notes}#recordOutcome`]: {
    guard: "user",
    attempts: [
      { label: "A's sent note", input: (a) => ({ id: a.sentNote.id, outcome: "replied" }) },
    ],
  },
  [`${notes}#discardNote`]: {
    guard: "user",
    attempts: [{ label: "A's draft", input: (a) => ({ id: a.note.id }) }],
  },
  [`${notes}#discardNoteFromForm`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/notes" },
    attempts: [{ label: "A's draft", input: (a) => ({ id: a.note.id }) }],
  },
  [`${notes}#updateSettings`]: {
    guard: "own-account",
    why: "Changes the caller's own name, signature, tone and cadence; no record ids.",
    input: () => ({ name: "Someone Else", tone: "formal", signature: "", cadenceMonths: "" }),
    asSelf: { returned: { status: "success", data: { saved: true } } },
  },

  // --- Openings ---------------------------------------------------------------------------------
  [`${openings}#createOpening`]: {
    guard: "user",
    attempts: [
      {
        label: "A's company",
        input: (a) => ({ companyId: a.company.id, title: "Planted", seenOn: "2026-03-01" }),
      },
    ],
  },
  [`${openings}#updateOpening`]: {
    guard: "user",
    attempts: [
      {
        label: "A's opening",
        input: (a) => ({ id: a.opening.id, title: "Renamed", seenOn: "2026-03-01" }),
      },
    ],
  },
  [`${openings}#deleteOpeningAction`]: {
    guard: "user",
    attempts: [{ label: "A's opening", input: (a) => ({ id: a.opening.id }) }],
  },
  [`${openings}#deleteOpening`]: {
    guard: "user",
    signedOut: signedOutForm,
    asOther: { redirect: "/openings" },
    attempts: [{ label: "A's opening", input: (a) => ({ id: a.opening.id }) }],
  },

  // --- Settings ---------------------------------------------------------------------------------
  [`${account}#deleteAccountAction`]: {
    guard: "own-account",
    why: "Deletes the caller's own account only (the typed phrase is its only input).",
    input: () => ({ confirmation: "delete my account" }),
    // Auth.js's signOut redirects to an absolute URL on the request's origin.
    asSelf: { redirect: "http://app.test/" },
  },
  [`${calendar}#enableCalendarFeed`]: {
    guard: "own-account",
    why: "No input: turns on the caller's own feed.",
    input: () => ({}),
    asSelf: { redirect: "/settings#calendar-feed" },
  },
  [`${calendar}#regenerateCalendarFeed`]: {
    guard: "own-account",
    why: "No input: replaces the caller's own feed URL.",
    input: () => ({}),
    asSelf: { redirect: "/settings#calendar-feed" },
  },
  [`${calendar}#disableCalendarFeed`]: {
    guard: "own-account",
    why: "No input: turns off the caller's own feed.",
    input: () => ({}),
    asSelf: { redirect: "/settings#calendar-feed" },
  },
  [`${calendar}#regenerateCalendarFeedFromForm`]: {
    guard: "own-account",
    why: "No input: replaces the caller's own feed URL.",
    input: () => ({}),
    signedOut: signedOutForm,
    asSelf: { redirect: "/settings#calendar-feed" },
  },
  [`${calendar}#disableCalendarFeedFromForm`]: {
    guard: "own-account",
    why: "No input: turns off the caller's own feed.",
    input: () => ({}),
    signedOut: signedOutForm,
    asSelf: { redirect: "/settings#calendar-feed" },
  },

  // --- Signing in and out: public by nature -------------------------------------------------------
  [`${auth}#signInAction`]: {
    guard: "public",
    why: "Signing in is how a session starts. Checked: A's email with a wrong password is refused, sets no session cookie and changes nothing but A's failed-attempt counter.",
    check: async (a, b) => {
      const people = [a.user, b.user];
      const before = await snapshot(people);
      const state = await callAction(
        (await import("@/app/(auth)/actions")).signInAction as AnyFunction,
        { email: a.user.email, password: "not the password at all" },
      );
      expect(state).toMatchObject({ returned: { status: "error", code: "invalid" } });
      expect(sessionCookie()).toBeUndefined();
      const after = await snapshot(people);
      expect({ ...after, rate_limits: [] }).toEqual({ ...before, rate_limits: [] });
      expect(after.rate_limits).toContainEqual(
        expect.objectContaining({ key: `sign-in:account:${a.user.email}`, count: 1 }),
      );
      // The same call with the right password does sign in: the refusal above is real.
      const signedIn = await callAction(
        (await import("@/app/(auth)/actions")).signInAction as AnyFunction,
        { email: a.user.email, password: a.user.password },
      );
      expect(signedIn).toEqual({ redirect: "http://app.test/dashboard" });
      expect(sessionCookie()?.value).toBeTruthy();
    },
  },
  [`${auth}#signUpAction`]: {
    guard: "public",
    why: "Creating an account needs no session. Checked: signing up with A's email (in other case) is refused and leaves A's account, password and data untouched.",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        const state = await callAction(
          (await import("@/app/(auth)/actions")).signUpAction as AnyFunction,
          { name: "Impostor", email: a.user.email.toUpperCase(), password: "a new password 123" },
        );
        expect(state).toMatchObject({
          returned: { status: "invalid", fieldErrors: { email: [expect.any(String)] } },
        });
        expect(sessionCookie()).toBeUndefined();
      }),
  },
  [`${auth}#oauthSignInAction`]: {
    guard: "public",
    why: "Starts an OAuth sign-in. Checked: an unknown or unconfigured provider does nothing.",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        const fn = (await import("@/app/(auth)/actions")).oauthSignInAction as AnyFunction;
        expect(await callAction(fn, { provider: "evil" })).toEqual({ returned: undefined });
        if (!oauthProviders.github) {
          expect(await callAction(fn, { provider: "github" })).toEqual({ returned: undefined });
        }
        expect(sessionCookie()).toBeUndefined();
      }),
  },
  [`${auth}#signOutAction`]: {
    guard: "public",
    why: "Ends only the caller's own session (JWT cookie). Checked: goes to sign-in, expires the cookie, changes no row.",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        // A real session first: B signs in (a success leaves no counter behind).
        const { signInAction, signOutAction } = await import("@/app/(auth)/actions");
        await outcomeOf(
          (signInAction as AnyFunction)(
            idle,
            formData({ email: b.user.email, password: b.user.password }),
          ),
        );
        expect(sessionCookie()?.value).toBeTruthy();
        expect(await outcomeOf((signOutAction as AnyFunction)())).toEqual({
          redirect: "http://app.test/sign-in",
        });
        const cookie = sessionCookie();
        expect(cookie?.value).toBe("");
        expect(cookie?.options?.maxAge ?? Number(cookie?.options?.expires)).toBeLessThanOrEqual(0);
      }),
  },
};

// ---------------------------------------------------------------------------------------------
// The routes.

type RouteCall = { request: Request; context: { params: Promise<Record<string, string>> } };

function routeCall(url: string, init: RequestInit = {}, params: Record<string, string> = {}) {
  return {
    request: new Request(`http://app.test${url}`, init),
    context: { params: Promise.resolve(params) },
  };
}

type RouteEntry =
  | {
      guard: "user";
      call: (a: Account) => RouteCall;
      /** As B with A's ids: 404, or for a list of the caller's own data, 200 without A's data. */
      asOther: "not_found" | "own-data-only";
    }
  | { guard: "public"; why: string; check: (a: Account, b: Account) => Promise<void> };

const sameOrigin = { origin: "http://app.test", host: "app.test" };

async function send(fn: AnyFunction, call: RouteCall): Promise<Response> {
  return (await fn(call.request, call.context)) as Response;
}

const ROUTES: Record<string, RouteEntry> = {
  "app/api/account/export/route.ts#GET": {
    guard: "user",
    call: () => routeCall("/api/account/export"),
    asOther: "own-data-only",
  },
  "app/api/contacts/export.csv/route.ts#GET": {
    guard: "user",
    call: () => routeCall("/api/contacts/export.csv"),
    asOther: "own-data-only",
  },
  "app/api/contacts/export.vcf/route.ts#GET": {
    guard: "user",
    call: () => routeCall("/api/contacts/export.vcf"),
    asOther: "own-data-only",
  },
  "app/api/contacts/[id]/vcard/route.ts#GET": {
    guard: "user",
    call: (a) => routeCall(`/api/contacts/${a.contact.id}/vcard`, {}, { id: a.contact.id }),
    asOther: "not_found",
  },
  "app/api/notes/[id]/draft/route.ts#POST": {
    guard: "user",
    call: (a) =>
      routeCall(
        `/api/notes/${a.note.id}/draft`,
        {
          method: "POST",
          headers: { ...sameOrigin, "content-type": "application/json" },
          body: JSON.stringify({ mode: "template" }),
        },
        { id: a.note.id },
      ),
    asOther: "not_found",
  },
  "app/api/health/route.ts#GET": {
    guard: "public",
    why: "A liveness probe for load balancers. Checked: it tells nothing about users and changes nothing.",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        session.user = b.user;
        const response = await send(
          (await import("@/app/api/health/route")).GET as AnyFunction,
          routeCall("/api/health"),
        );
        expect(response.status).toBe(200);
        const body = await response.text();
        expect(Object.keys(JSON.parse(body))).toEqual(["status", "database"]);
        for (const secret of [...fingerprints(a), ...fingerprints(b)]) {
          expect(body).not.toContain(secret);
        }
      }),
  },
  "app/api/auth/[...nextauth]/route.ts#GET": {
    guard: "public",
    why: "Auth.js's own endpoints, authenticated by its cookies (never by our session). Checked: without a cookie the session is empty, whoever the app thinks is signed in.",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        session.user = b.user;
        const { GET } = await import("@/app/api/auth/[...nextauth]/route");
        const response = await send(GET as AnyFunction, routeCall("/api/auth/session"));
        expect(response.status).toBe(200);
        expect(await response.json()).toBeNull();
      }),
  },
  "app/api/auth/[...nextauth]/route.ts#POST": {
    guard: "public",
    why: "Auth.js's sign-in callback. Checked: A's correct password posted without Auth.js's CSRF token is refused and sets no session cookie.",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        const { POST } = await import("@/app/api/auth/[...nextauth]/route");
        const response = await send(
          POST as AnyFunction,
          routeCall("/api/auth/callback/credentials", {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams({ email: a.user.email, password: a.user.password }),
          }),
        );
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toContain("error=MissingCSRF");
        expect(response.headers.getSetCookie().join("\n")).not.toContain("session-token");
      }),
  },
  "app/api/calendar/[token]/route.ts#GET": {
    guard: "public",
    why: "Calendar apps send no cookies: the secret token in the URL is the credential. Checked: an unknown, malformed or revoked token answers 404 (the owner's own token works).",
    check: (a, b) =>
      unchangedAround(a, b, async () => {
        session.user = b.user;
        const { GET } = await import("@/app/api/calendar/[token]/route");
        const feed = (token: string) =>
          send(GET as AnyFunction, routeCall(`/api/calendar/${token}`, {}, { token }));
        const unknown = randomBytes(32).toString("base64url");
        expect((await feed(`${unknown}.ics`)).status).toBe(404);
        expect((await feed("not-a-token.ics")).status).toBe(404);
        expect((await feed(`${a.calendarToken.slice(0, -1)}.ics`)).status).toBe(404);
        expect((await feed(`${a.calendarToken}.ics`)).status).toBe(200);
      }),
  },
  "app/api/digest/route.ts#GET": {
    guard: "public",
    why: "Called by a scheduler with a bearer secret, not a session. Checked: no or a wrong bearer is refused with 401 and sends nothing.",
    check: (a, b) => digestRefusesWithoutBearer(a, b, "GET"),
  },
  "app/api/digest/route.ts#POST": {
    guard: "public",
    why: "As GET: bearer secret only. Checked: no or a wrong bearer is refused with 401.",
    check: (a, b) => digestRefusesWithoutBearer(a, b, "POST"),
  },
};

async function digestRefusesWithoutBearer(a: Account, b: Account, method: "GET" | "POST") {
  const saved = { SMTP_URL: env.SMTP_URL, CRON_SECRET: env.CRON_SECRET };
  // Configured, so the bearer check is what answers (the port is never contacted).
  env.SMTP_URL = "smtp://127.0.0.1:5099";
  env.CRON_SECRET = "sweep-cron-secret-0123456789";
  try {
    await unchangedAround(a, b, async () => {
      session.user = a.user;
      const route = (await import("@/app/api/digest/route")) as unknown as Record<
        string,
        AnyFunction
      >;
      for (const authorization of [undefined, "Bearer wrong-secret-0123456789", "Basic x"]) {
        const headers = authorization ? { authorization } : undefined;
        const response = await send(route[method]!, routeCall("/api/digest", { method, headers }));
        expect(response.status).toBe(401);
      }
    });
  } finally {
    Object.assign(env, saved);
  }
}

// ---------------------------------------------------------------------------------------------

let a: Account;
let b: Account;

beforeAll(async () => {
  a = await createAccount("alpha");
  b = await createAccount("bravo");
});

afterEach(() => {
  session.user = null;
  jar.clear();
});

describe("the sweep covers everything the app exposes", () => {
  it("finds the server actions and route handlers on disk", () => {
    expect(serverActionFiles.length).toBeGreaterThanOrEqual(10);
    expect(discoveredActions.length).toBeGreaterThanOrEqual(50);
    expect(routeFiles.length).toBeGreaterThanOrEqual(8);
    expect(inlineActionFiles).toEqual([]);
  });

  it("has an entry for every discovered action and route, and none for things that are gone", () => {
    const discovered = [...discoveredActions, ...discoveredRoutes].map(({ key }) => key).sort();
    const described = [...Object.keys(ACTIONS), ...Object.keys(ROUTES)].sort();
    expect(discovered.filter((key) => !described.includes(key))).toEqual([]);
    expect(described.filter((key) => !discovered.includes(key))).toEqual([]);
  });

  it("knows whose rows every table holds, and the fixture gives A a row in each", async () => {
    const owned = await snapshot([a.user]);
    const empty = Object.entries(owned)
      .filter(([, rows]) => rows.length === 0)
      .map(([name]) => name);
    expect(empty).toEqual([]);
  });
});

const actionsByKey = new Map(discoveredActions.map((action) => [action.key, action.fn]));
const routesByKey = new Map(discoveredRoutes.map((route) => [route.key, route.fn]));

const guardedActions = Object.entries(ACTIONS).filter(([key]) => actionsByKey.has(key));
const guardedRoutes = Object.entries(ROUTES).filter(([key]) => routesByKey.has(key));

// Titles are built by hand: it.each would shorten the long file#export keys.

describe("signed out, every action is refused and changes nothing", () => {
  for (const [key, entry] of guardedActions) {
    if (entry.guard === "public") continue;
    it(key, async () => {
      const fn = actionsByKey.get(key)!;
      const input = entry.guard === "user" ? entry.attempts[0]!.input(a, b) : entry.input(a);
      const expected = entry.signedOut ?? (fn.length >= 2 ? unauthenticated : signedOutForm);
      const before = await snapshot([a.user, b.user]);
      expectOutcome(await callAction(fn, input), expected);
      expect(await snapshot([a.user, b.user])).toEqual(before);
    });
  }
});

describe("as another user, every action with A's ids answers not found and changes nothing", () => {
  for (const [key, entry] of guardedActions) {
    if (entry.guard !== "user") continue;
    for (const attempt of entry.attempts) {
      it(`${key} (${attempt.label})`, async () => {
        const fn = actionsByKey.get(key)!;
        const before = await snapshot([a.user, b.user]);
        session.user = b.user;
        expectOutcome(
          await callAction(fn, attempt.input(a, b)),
          attempt.expect ?? entry.asOther ?? notFound,
        );
        expect(await snapshot([a.user, b.user])).toEqual(before);
      });
    }
  }
});

describe("actions without record ids act only on the caller's own account", () => {
  for (const [key, entry] of guardedActions) {
    if (entry.guard !== "own-account") continue;
    it(`${key}: ${entry.why}`, async () => {
      const fn = actionsByKey.get(key)!;
      const caller = await createTestUser();
      const before = await snapshot([a.user, b.user]);
      session.user = caller;
      expectOutcome(await callAction(fn, entry.input(a)), entry.asSelf);
      expect(await snapshot([a.user, b.user])).toEqual(before);
    });
  }
});

describe("public actions and routes do only what they are for", () => {
  for (const [key, entry] of [...guardedActions, ...guardedRoutes]) {
    if (entry.guard !== "public") continue;
    it(`${key}: ${entry.why}`, () => entry.check(a, b));
  }
});

describe("routes", () => {
  for (const [key, entry] of guardedRoutes) {
    if (entry.guard !== "user") continue;

    it(`${key}: signed out answers 401 and changes nothing`, async () => {
      const before = await snapshot([a.user, b.user]);
      const response = await send(routesByKey.get(key)!, entry.call(a));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.any(String) });
      expect(await snapshot([a.user, b.user])).toEqual(before);
    });

    it(`${key}: as another user, ${entry.asOther === "not_found" ? "A's id answers 404" : "only their own data"}, nothing changes`, async () => {
      const before = await snapshot([a.user, b.user]);
      session.user = b.user;
      const response = await send(routesByKey.get(key)!, entry.call(a));
      const body = await response.text();
      if (entry.asOther === "not_found") {
        expect(response.status).toBe(404);
        expect(JSON.parse(body)).toEqual({ error: expect.any(String) });
      } else {
        expect(response.status).toBe(200);
        // The caller's own data is there, so the export did run.
        expect(body).toContain(b.contact.fullName);
      }
      for (const secret of fingerprints(a)) expect(body).not.toContain(secret);
      expect(await snapshot([a.user, b.user])).toEqual(before);
    });
  }
});

import { randomUUID } from "node:crypto";
import { and, eq, getTableName } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { listCompanies } from "@/lib/db/queries/companies";
import { listContacts } from "@/lib/db/queries/contacts";
import { getImportPreview } from "@/lib/db/queries/imports";
import { searchOpenings } from "@/lib/db/queries/openings";
import type { SessionUser } from "@/lib/db/queries/users";
import {
  applications,
  companies,
  contacts,
  followUps,
  importBatches,
  interactions,
  notes,
  openings,
  processParticipants,
  users,
} from "@/lib/db/schema";
import { companyListParamsSchema } from "@/lib/validations/companies";
import { parseContactListQuery } from "@/lib/validations/contacts";
import { openingSearchParamsSchema } from "@/lib/validations/openings";
import { createTestUser } from "../support/builders";
import { createOpeningFor, formData } from "../support/company-builders";
import {
  makeApplication,
  makeCompany,
  makeContact,
  makeInteraction,
  makeNote,
  makeParticipant,
} from "../support/contact-builders";

// Hostile text in every text field of every create and update action, and in CSV cells: markup,
// quote break-outs, SQL fragments, control characters (NUL among them), bidi overrides, emoji,
// whitespace, and lengths at and beyond each limit. Each value must either be stored as typed
// (or normalised the documented way, see lib/validations/fields.ts) or be refused with a message
// on that field and the typed text echoed back; never an "internal" error.
//
// Only the session, Next's cache and its request scope (for Auth.js during sign-up) are
// stand-ins; actions, validation and the database are real.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "app.test", "x-forwarded-proto": "http" }),
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => {
      jar.set(name, value);
    },
    delete: (name: string) => {
      jar.delete(name);
    },
  }),
}));

const applicationActions = await import("@/app/(app)/applications/actions");
const companyActions = await import("@/app/(app)/companies/actions");
const contactActions = await import("@/app/(app)/contacts/actions");
const importActions = await import("@/app/(app)/contacts/import/actions");
const followUpActions = await import("@/app/(app)/dashboard/follow-up-actions");
const noteActions = await import("@/app/(app)/notes/actions");
const openingActions = await import("@/app/(app)/openings/actions");
const authActions = await import("@/app/(auth)/actions");
const csvExport = await import("@/app/api/contacts/export.csv/route");

const idle = { status: "idle" } as const;

afterEach(() => {
  session.user = null;
  jar.clear();
});

// ---------------------------------------------------------------------------------------------
// The values.

/** Stored exactly as typed wherever they fit. */
const HOSTILE: Record<string, string> = {
  "a script tag": "<script>alert(1)</script>",
  "an attribute break-out": `"><img src=x onerror=alert(1)>`,
  "an SQL fragment": "'; drop table contacts; --",
  "a bidi override": "evil\u202Egnp.exe",
  "emoji and accents": "👩🏽‍💻 Zoë Ångström 日本語 🚀",
  "a spreadsheet formula": `=HYPERLINK("https://evil.example","click")`,
};

// Control characters are removed (tab, line feed and carriage return stay), see fields.ts.
const CONTROLS = "a\u0000b\u0001c\u0007d\u001be\u007ff\u0085g\u009f";
const WITHOUT_CONTROLS = "abcdefg";
const NUL_ONLY = "\u0000\u0000";
const WHITESPACE = " \t\u00a0 \n ";
const LINES = "  one\ttwo\r\nthree  ";

/** `length` characters of markup-looking text, to fill a field to its limit. */
function filled(length: number): string {
  return `<b>&amp;"'</b>`.repeat(Math.ceil(length / 14)).slice(0, length);
}

type Kind = "text" | "tags" | "raw";

type Result = { stored: string | string[] | null } | { refused: true; on?: string };
type Case = { label: string; typed: string } & Result;

/** What each value must become in this field, given its kind and limit. */
function casesFor({ kind = "text", max, required, blankStored, blankRefusedOn }: Field): Case[] {
  const blank = (typed: string): Result =>
    kind === "raw"
      ? { stored: typed.replaceAll("\u0000", "") }
      : kind === "tags"
        ? { stored: [] }
        : required
          ? { refused: true }
          : blankRefusedOn
            ? { refused: true, on: blankRefusedOn }
            : { stored: blankStored ?? null };
  const exact = (typed: string) => (kind === "tags" ? [typed.toLowerCase()] : typed);
  return [
    ...Object.entries(HOSTILE)
      .filter(([, typed]) => typed.length <= max)
      .map(([label, typed]) => ({ label, typed, stored: exact(typed) })),
    { label: "text at the limit", typed: filled(max), stored: exact(filled(max)) },
    { label: "one character over the limit", typed: filled(max + 1), refused: true },
    { label: "a very long text", typed: filled(100_000), refused: true },
    { label: "control characters", typed: CONTROLS, stored: exact(WITHOUT_CONTROLS) },
    { label: "only NUL characters", typed: NUL_ONLY, ...blank(NUL_ONLY) },
    { label: "only whitespace", typed: WHITESPACE, ...blank(WHITESPACE) },
    {
      label: "surrounding spaces, tabs and line breaks",
      typed: LINES,
      stored: kind === "raw" ? LINES : exact(LINES.trim()),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// The fields.

type Values = Record<string, string>;
type Ctx = { user: SessionUser; ids: Record<string, string> };
type Row = Record<string, unknown>;
type ActionFn = (previous: typeof idle, form: FormData) => Promise<unknown>;

type Field = {
  name: string;
  max: number;
  required?: boolean;
  kind?: Kind;
  /** What a blank optional value stores, when not null. */
  blankStored?: string;
  /** The field that reports a blank value, when another one needs it. */
  blankRefusedOn?: string;
  /** Where it is stored; `rowId` finds an existing row, otherwise the row the action added. */
  table: PgTable;
  column: string;
  rowId?: (ctx: Ctx) => string;
};

type Form = {
  name: string;
  action: ActionFn;
  setup: (user: SessionUser) => Promise<Record<string, string>>;
  base: (ctx: Ctx) => Values | Promise<Values>;
  fields: Field[];
};

/** Fields of a form that edits one existing row. */
const onRow = (rowId: (ctx: Ctx) => string, fields: Field[]): Field[] =>
  fields.map((field) => ({ ...field, rowId }));

const column = (table: PgTable, name: string) =>
  (table as unknown as Record<string, AnyPgColumn>)[name]!;

async function idsOf(table: PgTable, userId: string): Promise<Set<string>> {
  const owner = table === users ? column(users, "id") : column(table, "userId");
  const rows = await getDb()
    .select({ id: column(table, "id") })
    .from(table)
    .where(eq(owner, userId));
  return new Set(rows.map((row) => row.id as string));
}

async function rowById(table: PgTable, id: string): Promise<Row | undefined> {
  const [row] = await getDb()
    .select()
    .from(table)
    .where(eq(column(table, "id"), id));
  return row as Row | undefined;
}

const withCompany = async (user: SessionUser) => ({ company: (await makeCompany(user.id)).id });

async function withProcess(user: SessionUser) {
  const company = await makeCompany(user.id);
  const contact = await makeContact(user.id, { companyId: company.id });
  const application = await makeApplication(user.id, company.id);
  const participant = await makeParticipant(user.id, application.id, contact.id);
  const interaction = await makeInteraction(user.id, contact.id);
  const note = await makeNote(user.id, contact.id, { applicationId: application.id });
  const opening = await createOpeningFor(user.id, company.id);
  return {
    company: company.id,
    contact: contact.id,
    application: application.id,
    participant: participant.id,
    interaction: interaction.id,
    note: note.id,
    opening: opening.id,
  };
}

const FORMS: Form[] = [
  {
    name: "createCompany",
    action: companyActions.createCompany as ActionFn,
    setup: async () => ({}),
    base: () => ({ name: `Acme ${randomUUID()}` }),
    fields: [
      { name: "name", max: 200, required: true, table: companies, column: "name" },
      { name: "notes", max: 5000, table: companies, column: "notes" },
    ],
  },
  {
    name: "updateCompany",
    action: companyActions.updateCompany as ActionFn,
    setup: withCompany,
    base: ({ ids }) => ({ id: ids.company!, name: `Acme ${randomUUID()}` }),
    fields: onRow(
      ({ ids }: Ctx) => ids.company!,
      [
        { name: "name", max: 200, required: true, table: companies, column: "name" },
        { name: "notes", max: 5000, table: companies, column: "notes" },
      ],
    ),
  },
  {
    name: "createContactAction",
    action: contactActions.createContactAction as ActionFn,
    setup: async () => ({}),
    base: () => ({ fullName: "Dana Reyes" }),
    fields: [
      { name: "fullName", max: 200, required: true, table: contacts, column: "fullName" },
      { name: "title", max: 200, table: contacts, column: "title" },
      { name: "phone", max: 50, table: contacts, column: "phone" },
      { name: "notes", max: 5000, table: contacts, column: "notes" },
      { name: "tags", max: 40, kind: "tags", table: contacts, column: "tags" },
      { name: "newCompanyName", max: 200, table: companies, column: "name" },
    ],
  },
  {
    name: "updateContactAction",
    action: contactActions.updateContactAction as ActionFn,
    setup: async (user) => ({ contact: (await makeContact(user.id)).id }),
    base: ({ ids }) => ({ id: ids.contact!, fullName: "Dana Reyes" }),
    fields: onRow(
      ({ ids }: Ctx) => ids.contact!,
      [
        { name: "fullName", max: 200, required: true, table: contacts, column: "fullName" },
        { name: "title", max: 200, table: contacts, column: "title" },
        { name: "phone", max: 50, table: contacts, column: "phone" },
        { name: "notes", max: 5000, table: contacts, column: "notes" },
        { name: "tags", max: 40, kind: "tags", table: contacts, column: "tags" },
      ],
    ),
  },
  {
    name: "createInteractionAction",
    action: contactActions.createInteractionAction as ActionFn,
    setup: async (user) => ({ contact: (await makeContact(user.id)).id }),
    base: ({ ids }) => ({ contactId: ids.contact!, kind: "call", occurredAt: "2026-01-15T10:00" }),
    fields: [{ name: "summary", max: 5000, table: interactions, column: "summary" }],
  },
  {
    name: "updateInteractionAction",
    action: contactActions.updateInteractionAction as ActionFn,
    setup: withProcess,
    base: ({ ids }) => ({ id: ids.interaction!, kind: "call", occurredAt: "2026-01-15T10:00" }),
    fields: [
      {
        name: "summary",
        max: 5000,
        table: interactions,
        column: "summary",
        rowId: ({ ids }) => ids.interaction!,
      },
    ],
  },
  {
    name: "createApplicationAction",
    action: applicationActions.createApplicationAction as ActionFn,
    setup: withCompany,
    base: ({ ids }) => ({ companyId: ids.company!, jobTitle: "Designer" }),
    fields: [
      { name: "jobTitle", max: 200, required: true, table: applications, column: "jobTitle" },
      { name: "notes", max: 4000, table: applications, column: "notes" },
    ],
  },
  {
    name: "createApplicationAction (new company)",
    action: applicationActions.createApplicationAction as ActionFn,
    setup: async () => ({}),
    base: () => ({ jobTitle: "Designer" }),
    fields: [
      {
        name: "newCompanyName",
        max: 200,
        table: companies,
        column: "name",
        // Blank, there is no company at all: the company picker says so.
        blankRefusedOn: "companyId",
      },
    ],
  },
  {
    name: "updateApplicationAction",
    action: applicationActions.updateApplicationAction as ActionFn,
    setup: withProcess,
    base: ({ ids }) => ({ id: ids.application!, jobTitle: "Designer" }),
    fields: onRow(
      ({ ids }) => ids.application!,
      [
        { name: "jobTitle", max: 200, required: true, table: applications, column: "jobTitle" },
        { name: "feedback", max: 4000, table: applications, column: "feedback" },
        { name: "notes", max: 4000, table: applications, column: "notes" },
      ],
    ),
  },
  {
    name: "addParticipantAction",
    action: applicationActions.addParticipantAction as ActionFn,
    setup: withProcess,
    // A new person each time: one person is in a process once.
    base: async ({ user, ids }) => ({
      applicationId: ids.application!,
      contactId: (await makeContact(user.id)).id,
      role: "interviewer",
    }),
    fields: [{ name: "discussed", max: 1000, table: processParticipants, column: "discussed" }],
  },
  {
    name: "updateParticipantAction",
    action: applicationActions.updateParticipantAction as ActionFn,
    setup: withProcess,
    base: ({ ids }) => ({
      applicationId: ids.application!,
      participantId: ids.participant!,
      role: "interviewer",
    }),
    fields: [
      {
        name: "discussed",
        max: 1000,
        table: processParticipants,
        column: "discussed",
        rowId: ({ ids }) => ids.participant!,
      },
    ],
  },
  {
    name: "quickCaptureAction",
    action: applicationActions.quickCaptureAction as ActionFn,
    setup: withProcess,
    base: ({ ids }) => ({
      applicationId: ids.application!,
      "people.0.name": "Quinn Park",
      "people.0.discussed": "Roadmap",
      logInterview: "on",
      interviewOn: "2026-01-20",
    }),
    fields: [
      { name: "people.0.name", max: 200, required: true, table: contacts, column: "fullName" },
      { name: "people.0.discussed", max: 500, table: processParticipants, column: "discussed" },
      {
        name: "interviewSummary",
        max: 300,
        table: interactions,
        column: "summary",
        // Without a summary the interview is logged with what was discussed.
        blankStored: "Roadmap",
      },
    ],
  },
  {
    name: "createFollowUpAction",
    action: followUpActions.createFollowUpAction as ActionFn,
    setup: async (user) => ({ contact: (await makeContact(user.id)).id }),
    base: ({ ids }) => ({ contactId: ids.contact!, dueOn: "2026-05-01", reason: "Check in" }),
    fields: [{ name: "reason", max: 300, required: true, table: followUps, column: "reason" }],
  },
  {
    name: "saveNote",
    action: noteActions.saveNote as ActionFn,
    setup: withProcess,
    base: ({ ids }) => ({ id: ids.note!, subject: "Thank you", body: "Thanks for your time." }),
    fields: onRow(
      ({ ids }) => ids.note!,
      [
        { name: "subject", max: 200, table: notes, column: "subject" },
        // The autosaved body is kept as typed, spaces included (the editor is still typing).
        { name: "body", max: 20_000, kind: "raw", table: notes, column: "body" },
      ],
    ),
  },
  {
    name: "updateSettings",
    action: noteActions.updateSettings as ActionFn,
    setup: async () => ({}),
    base: () => ({ name: "Sam Sender", tone: "warm", signature: "" }),
    fields: onRow(
      ({ user }) => user.id,
      [
        { name: "name", max: 100, required: true, table: users, column: "name" },
        { name: "signature", max: 500, table: users, column: "signature" },
      ],
    ),
  },
  {
    name: "createOpening",
    action: openingActions.createOpening as ActionFn,
    setup: withCompany,
    base: ({ ids }) => ({ companyId: ids.company!, title: "Designer", seenOn: "2026-03-01" }),
    fields: [
      { name: "title", max: 200, required: true, table: openings, column: "title" },
      { name: "location", max: 200, table: openings, column: "location" },
      { name: "notes", max: 2000, table: openings, column: "notes" },
    ],
  },
  {
    name: "updateOpening",
    action: openingActions.updateOpening as ActionFn,
    setup: withProcess,
    base: ({ ids }) => ({ id: ids.opening!, title: "Designer", seenOn: "2026-03-01" }),
    fields: onRow(
      ({ ids }) => ids.opening!,
      [
        { name: "title", max: 200, required: true, table: openings, column: "title" },
        { name: "location", max: 200, table: openings, column: "location" },
        { name: "notes", max: 2000, table: openings, column: "notes" },
      ],
    ),
  },
];

// ---------------------------------------------------------------------------------------------

type Outcome = { state: unknown } | { redirect: string };

async function submit(action: ActionFn, values: Values): Promise<Outcome> {
  try {
    return { state: await action(idle, formData(values)) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { redirect: digest.split(";").slice(2, -2).join(";") };
    }
    throw error;
  }
}

/** Refused with a message on `field` (or `on`), and what was typed echoed back to the form. */
function expectRefusal(outcome: Outcome, field: string, typed: string, label: string, on = field) {
  expect(outcome, label).toMatchObject({
    state: {
      status: "invalid",
      fieldErrors: { [on]: [expect.stringMatching(/\w{3}/)] },
      values: { [field]: typed },
    },
  });
}

function expectSuccess(outcome: Outcome, label: string) {
  if ("redirect" in outcome) expect(outcome.redirect, label).toMatch(/^\//);
  else expect(outcome.state, label).toMatchObject({ status: "success" });
}

for (const form of FORMS) {
  describe(form.name, () => {
    for (const field of form.fields) {
      it(`${field.name}: hostile text is stored as text or refused on the field`, async () => {
        const user = await createTestUser();
        session.user = user;
        const ctx: Ctx = { user, ids: await form.setup(user) };
        for (const testCase of casesFor(field)) {
          const label = `${form.name}.${field.name} with ${testCase.label}`;
          const before = field.rowId ? undefined : await idsOf(field.table, user.id);
          const outcome = await submit(form.action, {
            ...(await form.base(ctx)),
            [field.name]: testCase.typed,
          });
          if ("refused" in testCase) {
            expectRefusal(outcome, field.name, testCase.typed, label, testCase.on);
            continue;
          }
          expectSuccess(outcome, label);
          let row: Row | undefined;
          if (field.rowId) {
            row = await rowById(field.table, field.rowId(ctx));
          } else {
            const added = [...(await idsOf(field.table, user.id))].filter((id) => !before!.has(id));
            // A blank optional company name creates no company: nothing stored is null.
            expect(added.length, label).toBeLessThanOrEqual(1);
            row = added[0] ? await rowById(field.table, added[0]) : undefined;
          }
          const stored = row ? row[field.column] : null;
          expect(stored, `${label} (in ${getTableName(field.table)}.${field.column})`).toEqual(
            testCase.stored,
          );
        }
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Fields that are not free text: links and email addresses.

describe("links and email addresses", () => {
  const links: [string, string | null][] = [
    ["javascript:alert(1)", null],
    ["data:text/html,<script>alert(1)</script>", null],
    [
      `https://example.com/?q="><img src=x onerror=alert(1)>`,
      `https://example.com/?q="><img src=x onerror=alert(1)>`,
    ],
    ["https://example.com/a\u0000b\u0007c", "https://example.com/abc"],
    ["https://exa\u0000mple.com", "https://example.com"],
    [`https://example.com/${"a".repeat(2000)}`, null],
  ];

  it.each([
    ["createCompany website", "website"],
    ["createCompany careersUrl", "careersUrl"],
  ])("%s: only http(s) links are stored; control characters are removed", async (_label, name) => {
    const user = await createTestUser();
    session.user = user;
    for (const [typed, stored] of links) {
      const outcome = await submit(companyActions.createCompany as ActionFn, {
        name: `Acme ${randomUUID()}`,
        [name]: typed,
      });
      if (stored === null) {
        expectRefusal(outcome, name, typed, typed);
        continue;
      }
      expectSuccess(outcome, typed);
      const id = (outcome as { redirect: string }).redirect.split("/").pop()!;
      expect((await rowById(companies, id))?.[name], typed).toBe(stored);
    }
  });

  it("contacts, applications and openings refuse the same links, and hostile emails", async () => {
    const user = await createTestUser();
    session.user = user;
    const company = await makeCompany(user.id);
    const hostileEmails = [
      ...Object.values(HOSTILE),
      "dana\u0000@example.com",
      `"><script>@example.com`,
      `${"a".repeat(300)}@example.com`,
    ];
    for (const typed of hostileEmails) {
      expectRefusal(
        await submit(contactActions.createContactAction as ActionFn, {
          fullName: "Dana",
          email: typed,
        }),
        "email",
        typed,
        `email ${JSON.stringify(typed)}`,
      );
    }
    for (const [typed, stored] of links.filter(([, stored]) => stored === null)) {
      expectRefusal(
        await submit(contactActions.createContactAction as ActionFn, {
          fullName: "Dana",
          linkedinUrl: typed,
        }),
        "linkedinUrl",
        typed,
        typed,
      );
      expectRefusal(
        await submit(applicationActions.createApplicationAction as ActionFn, {
          companyId: company.id,
          jobTitle: "Designer",
          postingUrl: typed,
        }),
        "postingUrl",
        typed,
        typed,
      );
      expectRefusal(
        await submit(openingActions.createOpening as ActionFn, {
          companyId: company.id,
          title: "Designer",
          seenOn: "2026-03-01",
          url: typed,
        }),
        "url",
        typed,
        typed,
      );
      expect(stored).toBeNull();
    }
  });
});

describe("dates", () => {
  it("refuse hostile text on the field, and never fail on it", async () => {
    const user = await createTestUser();
    session.user = user;
    const company = await makeCompany(user.id);
    const contact = await makeContact(user.id);
    const dates = [...Object.values(HOSTILE), NUL_ONLY, "2026-01-15\u0000", filled(10_000)];
    for (const typed of dates) {
      const label = `date ${JSON.stringify(typed.slice(0, 40))}`;
      expectRefusal(
        await submit(contactActions.createInteractionAction as ActionFn, {
          contactId: contact.id,
          kind: "call",
          occurredAt: typed,
        }),
        "occurredAt",
        typed,
        label,
      );
      expectRefusal(
        await submit(followUpActions.createFollowUpAction as ActionFn, {
          contactId: contact.id,
          dueOn: typed,
          reason: "Check in",
        }),
        "dueOn",
        typed,
        label,
      );
      expectRefusal(
        await submit(openingActions.createOpening as ActionFn, {
          companyId: company.id,
          title: "Designer",
          seenOn: typed,
        }),
        "seenOn",
        typed,
        label,
      );
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Search boxes and list filters: the query string is typed text too.

describe("searches and filters", () => {
  it("take hostile text literally: find what matches, fail on nothing", async () => {
    const user = await createTestUser();
    session.user = user;
    for (const value of Object.values(HOSTILE)) {
      const company = await makeCompany(user.id, { name: value });
      await makeContact(user.id, { fullName: value, tags: [value.toLowerCase().slice(0, 40)] });
      await createOpeningFor(user.id, company.id, { title: value, location: value });
    }
    const searches = [
      ...Object.values(HOSTILE),
      NUL_ONLY,
      "Dana\u0000",
      CONTROLS,
      "%",
      "_",
      "\\",
      WHITESPACE,
      filled(5000),
    ];
    for (const typed of searches) {
      const label = `search ${JSON.stringify(typed.slice(0, 40))}`;
      const hostile = Object.values(HOSTILE).includes(typed);

      const companyRows = (
        await listCompanies(user.id, companyListParamsSchema.parse({ q: typed }))
      ).rows;
      const contactRows = (await listContacts(user.id, parseContactListQuery({ q: typed }))).rows;
      const taggedRows = (
        await listContacts(user.id, parseContactListQuery({ tag: typed.toLowerCase() }))
      ).rows;
      const openingRows = (
        await searchOpenings(
          user.id,
          openingSearchParamsSchema.parse({ what: typed, where: typed }),
        )
      ).rows;
      if (hostile) {
        expect(
          companyRows.map((row) => row.name),
          label,
        ).toContain(typed);
        expect(
          contactRows.map((row) => row.fullName),
          label,
        ).toContain(typed);
        expect(
          openingRows.map((row) => row.title),
          label,
        ).toContain(typed);
        if (typed.length <= 40) {
          expect(
            taggedRows.map((row) => row.fullName),
            label,
          ).toEqual([typed]);
        }
      }

      const response = await csvExport.GET(
        new Request(`http://app.test/api/contacts/export.csv?q=${encodeURIComponent(typed)}`),
      );
      expect([200, 400], label).toContain(response.status);
      const body = await response.text();
      // In the CSV: quotes doubled, and a formula defused with a leading apostrophe.
      const cell = (typed.startsWith("=") ? `'${typed}` : typed).replaceAll('"', '""');
      if (hostile) expect(body, label).toContain(cell);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Signing up: the one form without a session.

describe("sign-up", () => {
  it("stores a hostile name as text, removes control characters, refuses blank and long", async () => {
    const name: Field = { name: "name", max: 100, required: true, table: users, column: "name" };
    for (const testCase of casesFor(name)) {
      const email = `hostile-${randomUUID()}@example.test`;
      const outcome = await submit(authActions.signUpAction as ActionFn, {
        name: testCase.typed,
        email,
        password: "a long enough password",
      });
      const label = `sign-up name with ${testCase.label}`;
      if ("refused" in testCase) {
        expectRefusal(outcome, "name", testCase.typed, label);
        continue;
      }
      // Signed up and signed in: Auth.js redirects to the dashboard.
      expect(outcome, label).toEqual({ redirect: "http://app.test/dashboard" });
      const [row] = await getDb().select().from(users).where(eq(users.email, email));
      expect(row?.name, label).toBe(testCase.stored);
    }
  });
});

describe("sign-in", () => {
  it("refuses hostile emails and passwords as a failed sign-in, never an error", async () => {
    for (const email of [...Object.values(HOSTILE), "dana\u0000@example.com", NUL_ONLY]) {
      const outcome = await submit(authActions.signInAction as ActionFn, {
        email,
        password: "\u0000<script>alert(1)</script>",
      });
      expect(outcome, email).toMatchObject({ state: { status: "invalid" } });
    }
    const outcome = await submit(authActions.signInAction as ActionFn, {
      email: "nobody@example.test",
      password: "\u0000'; drop table users; --",
    });
    expect(outcome).toMatchObject({ state: { status: "error", code: "invalid" } });
  });
});

// ---------------------------------------------------------------------------------------------
// CSV import: cells are one more way in.

/** A hostile value as one tag: no tag separators, within the 40-character limit. */
/** (Separators become spaces, and the import collapses runs of spaces like any one-line cell.) */
const asTag = (value: string) =>
  value.replace(/[,;|]/g, " ").replace(/\s+/g, " ").slice(0, 40).trim();

function csvCell(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function csvFile(content: string | Uint8Array, name = "people.csv"): FormData {
  const form = new FormData();
  form.append("file", new File([content as BlobPart], name, { type: "text/csv" }));
  return form;
}

describe("CSV import", () => {
  it("imports hostile cells as text and reports rows whose values are too long", async () => {
    const user = await createTestUser();
    session.user = user;
    const header = "Full Name,Title,Company,Email,Notes,Tags";
    const lines = Object.values(HOSTILE).map((value, index) =>
      [
        csvCell(value),
        csvCell(value),
        csvCell(value),
        `person${index}@example.test`,
        csvCell(value),
        csvCell(asTag(value)),
      ].join(","),
    );
    // Control characters in one-line cells become spaces; in notes they are removed.
    lines.push(
      [csvCell("Con\u0007trol\u001bName"), "", "", "", csvCell("one\u0007\ntwo\u001b"), ""].join(
        ",",
      ),
    );
    lines.push([csvCell(filled(200)), "", "", "", csvCell(filled(5000)), ""].join(","));
    lines.push([csvCell(`Too Long ${filled(200)}`), "", "", "", "", ""].join(","));
    const uploaded = await submitFile(`${header}\n${lines.join("\n")}\n`);
    const batchId = uploaded.split("/").pop()!;
    const preview = await getImportPreview(user.id, batchId);
    expect(preview?.problems).toEqual([
      expect.objectContaining({ reason: expect.stringContaining("name longer than 200") }),
    ]);
    const done = await submit(importActions.confirmImportAction as ActionFn, {
      batchId,
      mappingKey: preview!.mappingKey,
    });
    expect(done).toMatchObject({ redirect: expect.stringMatching(/^\/contacts\?imported=8&/) });

    const imported = await getDb()
      .select({
        fullName: contacts.fullName,
        title: contacts.title,
        email: contacts.email,
        notes: contacts.notes,
        tags: contacts.tags,
        company: companies.name,
      })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(eq(contacts.userId, user.id));
    for (const [index, value] of Object.values(HOSTILE).entries()) {
      expect(imported, value).toContainEqual({
        fullName: value,
        title: value,
        company: value,
        email: `person${index}@example.test`,
        notes: value,
        tags: [asTag(value).toLowerCase()],
      });
    }
    expect(imported).toContainEqual(
      expect.objectContaining({ fullName: "Con trol Name", notes: "one\ntwo" }),
    );
    expect(imported).toContainEqual(
      expect.objectContaining({ fullName: filled(200), notes: filled(5000) }),
    );
  });

  it("refuses a file with NUL bytes with a clear message, and keeps a hostile file name as text", async () => {
    const user = await createTestUser();
    session.user = user;
    const refused = await submitFileOutcome("Name\nDa\u0000na\n");
    expect(refused).toMatchObject({
      state: { status: "error", code: "invalid", message: expect.stringContaining("CSV") },
    });
    const uploaded = await submitFile("Name\nDana\n", `"><img src=x onerror=alert(1)>\u0000.csv`);
    const [batch] = await getDb()
      .select({ fileName: importBatches.fileName })
      .from(importBatches)
      .where(
        and(eq(importBatches.userId, user.id), eq(importBatches.id, uploaded.split("/").pop()!)),
      );
    // Only the control character is dropped from the shown name.
    expect(batch?.fileName).toBe(`"><img src=x onerror=alert(1)>.csv`);
  });
});

async function submitFileOutcome(content: string, name?: string): Promise<Outcome> {
  try {
    return { state: await importActions.uploadImportAction(idle, csvFile(content, name)) };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return { redirect: digest.split(";").slice(2, -2).join(";") };
    }
    throw error;
  }
}

async function submitFile(content: string, name?: string): Promise<string> {
  const outcome = await submitFileOutcome(content, name);
  if (!("redirect" in outcome)) throw new Error(`upload refused: ${JSON.stringify(outcome)}`);
  return outcome.redirect;
}

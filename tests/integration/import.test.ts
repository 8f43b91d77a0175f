import { readFileSync } from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { renderToString } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getImportBatch, getImportPreview, listImportBatches } from "@/lib/db/queries/imports";
import type { SessionUser } from "@/lib/db/queries/users";
import { companies, contacts, importBatches } from "@/lib/db/schema";
import type { ActionState } from "@/lib/validations/form";
import { createTestUser } from "../support/builders";
import { makeCompany, makeContact, redirectedTo } from "../support/contact-builders";

// Only the session is stood in for: the actions, the CSV parsing and the database run for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const {
  uploadImportAction,
  saveImportMappingAction,
  confirmImportAction,
  discardImportAction,
  discardImportFromForm,
} = await import("@/app/(app)/contacts/import/actions");
const idle = { status: "idle" } as const;

const fixture = readFileSync(
  path.join(import.meta.dirname, "../fixtures/linkedin-connections.csv"),
);

function fileForm(content: string | Uint8Array, name = "contacts.csv"): FormData {
  const data = new FormData();
  data.append("file", new File([content as BlobPart], name, { type: "text/csv" }));
  return data;
}

function formOf(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

/** Uploads as the session user; the batch id it redirected to. */
async function upload(content: string | Uint8Array, name?: string): Promise<string> {
  const to = await redirectedTo(uploadImportAction(idle, fileForm(content, name)));
  const match = /^\/contacts\/import\/([0-9a-f-]{36})$/.exec(to);
  if (!match) throw new Error(`unexpected redirect ${to}`);
  return match[1]!;
}

async function previewOf(userId: string, batchId: string) {
  const preview = await getImportPreview(userId, batchId);
  if (!preview) throw new Error("no preview");
  return preview;
}

/** Confirms as the session user with what the preview shows; the query string it returned. */
async function confirm(batchId: string, extra: Record<string, string> = {}) {
  const preview = await previewOf(session.user!.id, batchId);
  const to = await redirectedTo(
    confirmImportAction(idle, formOf({ batchId, mappingKey: preview.mappingKey, ...extra })),
  );
  expect(to.startsWith("/contacts?")).toBe(true);
  return Object.fromEntries(new URL(to, "http://x").searchParams);
}

async function counts(userId: string) {
  const db = getDb();
  return {
    contacts: await db.$count(contacts, eq(contacts.userId, userId)),
    companies: await db.$count(companies, eq(companies.userId, userId)),
    batches: await db.$count(importBatches, eq(importBatches.userId, userId)),
  };
}

async function contactsOf(userId: string) {
  return getDb()
    .select({
      fullName: contacts.fullName,
      title: contacts.title,
      email: contacts.email,
      phone: contacts.phone,
      linkedinUrl: contacts.linkedinUrl,
      tags: contacts.tags,
      notes: contacts.notes,
      connectedOn: contacts.connectedOn,
      companyName: companies.name,
      userId: contacts.userId,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.userId, userId))
    .orderBy(contacts.fullName);
}

const errorOf = (state: ActionState<unknown>) => {
  if (state.status !== "error") throw new Error(`expected an error, got ${state.status}`);
  return state;
};

describe("importing contacts", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeEach(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    session.user = alice;
  });

  it("imports LinkedIn's Connections.csv with companies created and the connection dates kept", async () => {
    // An existing company in another spelling is reused, not duplicated.
    await makeCompany(alice.id, { name: "NORTHWIND TRADERS" });
    const batchId = await upload(fixture, "Connections.csv");

    const preview = await previewOf(alice.id, batchId);
    expect(preview).toMatchObject({
      format: "linkedin",
      fileName: "Connections.csv",
      totalRows: 12,
      hasName: true,
      counts: { new: 11, duplicates: 0, problems: 1 },
      problems: [{ line: 12, reason: "no name" }],
    });
    expect(preview.columns.map((column) => column.field)).toEqual([
      "firstName",
      "lastName",
      "linkedinUrl",
      "email",
      "company",
      "title",
      "connectedOn",
    ]);
    expect(preview.preview[0]).toMatchObject({
      line: 5,
      status: "new",
      contact: { fullName: "Marisol Quintero", connectedOn: "2026-11-26" },
    });

    expect(await confirm(batchId)).toEqual({
      imported: "11",
      merged: "0",
      skipped: "0",
      problems: "1",
    });
    const rows = await contactsOf(alice.id);
    expect(rows).toHaveLength(11);
    const byName = new Map(rows.map((row) => [row.fullName, row]));
    expect(byName.get("Marisol Quintero")).toMatchObject({
      companyName: "NORTHWIND TRADERS",
      title: "Senior Talent Partner",
      linkedinUrl: "https://www.linkedin.com/in/marisol-quintero-4b1a2c",
      connectedOn: "2026-11-26",
    });
    expect(byName.get("Tobias Lindqvist")).toMatchObject({
      email: "tobias.lindqvist@example.com",
      companyName: "Fjordline Analytics",
      connectedOn: "2026-10-14",
    });
    expect(byName.get("美咲 佐藤")?.companyName).toBe("株式会社サクラ精機");
    expect(byName.get("Dmitri Vasquez")?.companyName).toBeNull();
    const names = (
      await getDb()
        .select({ name: companies.name })
        .from(companies)
        .where(eq(companies.userId, alice.id))
    )
      .map((row) => row.name)
      .sort();
    expect(names).toEqual(
      [
        "Bluebird Health",
        "Bluebird Health, Inc.",
        "Fjordline Analytics",
        "Goldcoast Logistics",
        "Müller & Söhne GmbH",
        "NORTHWIND TRADERS",
        "Polar Systems",
        "株式会社サクラ精機",
      ].sort(),
    );
    // The batch is gone once imported.
    expect(await getImportBatch(alice.id, batchId)).toBeUndefined();
  });

  it("shows a duplicate by email and merges it when chosen", async () => {
    const dana = await makeContact(alice.id, {
      fullName: "Dana Reyes",
      email: "dana@acme.test",
      tags: ["warm"],
      notes: "Met at the final round.",
    });
    const csv =
      "Name,E-mail,Job Title,Company,Tags,Notes\r\n" +
      "Dana R.,DANA@ACME.TEST,Engineering Manager,Acme,recruiter; warm,Prefers email.\r\n" +
      "Rob Chen,rob@globex.test,CTO,Globex,,\r\n";
    const batchId = await upload(csv);
    const preview = await previewOf(alice.id, batchId);
    expect(preview.counts).toEqual({ new: 1, duplicates: 1, problems: 0 });
    expect(preview.duplicates).toEqual([
      expect.objectContaining({
        line: 2,
        reason: "email",
        target: expect.objectContaining({ kind: "existing", id: dana.id, fullName: "Dana Reyes" }),
      }),
    ]);

    expect(await confirm(batchId, { "row-2": "merge" })).toEqual({
      imported: "1",
      merged: "1",
      skipped: "0",
      problems: "0",
    });
    const rows = await contactsOf(alice.id);
    expect(rows.map((row) => row.fullName)).toEqual(["Dana Reyes", "Rob Chen"]);
    expect(rows[0]).toMatchObject({
      email: "dana@acme.test",
      title: "Engineering Manager",
      companyName: "Acme",
      tags: ["warm", "recruiter"],
      notes: "Met at the final round.\n\nPrefers email.",
    });
  });

  it("skips a duplicate by default, and a repeated row of the file too", async () => {
    await makeContact(alice.id, { fullName: "Dana Reyes", email: "dana@acme.test" });
    const csv =
      "Name,Email,LinkedIn URL\n" +
      "Dana Reyes,dana@acme.test,\n" +
      "Sam Lee,sam@x.test,https://www.linkedin.com/in/sam-lee\n" +
      "Samuel Lee,,http://linkedin.com/in/Sam-Lee/\n";
    const batchId = await upload(csv);
    const preview = await previewOf(alice.id, batchId);
    expect(preview.duplicates.map((item) => [item.line, item.reason, item.target.kind])).toEqual([
      [2, "email", "existing"],
      [4, "linkedin", "row"],
    ]);
    expect(await confirm(batchId)).toEqual({
      imported: "1",
      merged: "0",
      skipped: "2",
      problems: "0",
    });
    expect((await contactsOf(alice.id)).map((row) => row.fullName)).toEqual([
      "Dana Reyes",
      "Sam Lee",
    ]);
  });

  it("reports bad rows with their line numbers and imports only the good ones", async () => {
    const csv = [
      "Name,Email,Notes,Connected on",
      'Ann Zhou,ann@x.test,"two',
      'lines",2026-01-05',
      ",nobody@x.test,,",
      "Bob,bob@,,",
      "",
      "Cy Young,cy@x.test,,someday",
      "Dee Park,,,26 Nov 2026",
    ].join("\n");
    const batchId = await upload(csv);
    const preview = await previewOf(alice.id, batchId);
    expect(preview.problems).toEqual([
      { line: 4, reason: "no name" },
      { line: 5, reason: "invalid email 'bob@'" },
      {
        line: 7,
        reason: "unrecognised date 'someday' (use YYYY-MM-DD, like 2026-11-26)",
      },
    ]);
    expect(preview.counts).toEqual({ new: 2, duplicates: 0, problems: 3 });

    // The page lists them too, for the owner.
    const Page = (await import("@/app/(app)/contacts/import/[batchId]/page")).default;
    const html = renderToString(await Page({ params: Promise.resolve({ batchId }) })).replace(
      /<!-- -->/g,
      "",
    );
    expect(html).toContain("Line 5:");
    expect(html).toContain("invalid email &#x27;bob@&#x27;");

    expect(await confirm(batchId)).toEqual({
      imported: "2",
      merged: "0",
      skipped: "0",
      problems: "3",
    });
    const rows = await contactsOf(alice.id);
    expect(rows.map((row) => [row.fullName, row.notes, row.connectedOn])).toEqual([
      ["Ann Zhou", "two\nlines", "2026-01-05"],
      ["Dee Park", null, "2026-11-26"],
    ]);
  });

  it("refuses files over the limits, stating the limit, and stores nothing", async () => {
    const big = `Name,Notes\n${`Dana,${"x".repeat(1000)}\n`.repeat(5300)}`;
    const tooBig = await uploadImportAction(idle, fileForm(big));
    expect(tooBig).toMatchObject({ status: "invalid" });
    expect(tooBig.status === "invalid" && tooBig.fieldErrors.file?.join(" ")).toMatch(
      /the limit is 5 MB/,
    );

    const many = `Name\n${"Dana\n".repeat(10_001)}`;
    const tooMany = errorOf(await uploadImportAction(idle, fileForm(many)));
    expect(tooMany).toMatchObject({ code: "invalid" });
    expect(tooMany.message).toMatch(/more than 10,000 rows: the limit is 10,000 rows/);

    const broken = errorOf(await uploadImportAction(idle, fileForm('Name\n"Dana\n')));
    expect(broken.message).toMatch(/line 2 is never closed/);

    const empty = await uploadImportAction(idle, fileForm(""));
    expect(empty.status).toBe("invalid");
    const none = await uploadImportAction(idle, formOf({}));
    expect(none.status === "invalid" && none.fieldErrors.file).toEqual([
      "Choose a CSV file to upload.",
    ]);
    expect(await counts(alice.id)).toEqual({ contacts: 0, companies: 0, batches: 0 });
  });

  it("uses the columns the user chose, and refuses a confirmation of another mapping", async () => {
    const batchId = await upload("Who,Mail,Firma\nDana Reyes,dana@x.test,Acme\n");
    expect((await previewOf(alice.id, batchId)).columns.map((column) => column.field)).toEqual([
      "ignore",
      "email",
      "company",
    ]);
    const stale = (await previewOf(alice.id, batchId)).mappingKey;
    const noName = errorOf(
      await saveImportMappingAction(
        idle,
        formOf({ batchId, field: ["ignore", "email", "company"] }),
      ),
    );
    expect(noName.message).toMatch(/which column holds the name/);
    const wrongCount = errorOf(
      await saveImportMappingAction(idle, formOf({ batchId, field: ["fullName"] })),
    );
    expect(wrongCount.code).toBe("invalid");

    await expect(
      saveImportMappingAction(idle, formOf({ batchId, field: ["fullName", "email", "notes"] })),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    const preview = await previewOf(alice.id, batchId);
    expect(preview.preview[0]).toMatchObject({
      status: "new",
      contact: { fullName: "Dana Reyes", email: "dana@x.test", company: null, notes: "Acme" },
    });

    const conflict = errorOf(
      await confirmImportAction(idle, formOf({ batchId, mappingKey: stale })),
    );
    expect(conflict.code).toBe("conflict");
    expect(await counts(alice.id)).toEqual({ contacts: 0, companies: 0, batches: 1 });

    await confirm(batchId);
    expect(await contactsOf(alice.id)).toEqual([
      expect.objectContaining({ fullName: "Dana Reyes", notes: "Acme", companyName: null }),
    ]);
  });

  it("round-trips a CSV like the contacts export into a fresh account", async () => {
    const acme = await makeCompany(alice.id, { name: "Acme Robotics" });
    const globex = await makeCompany(alice.id, { name: "Globex, Inc." });
    const people = [
      {
        fullName: "Dana Reyes",
        title: "Engineering Manager",
        companyId: acme.id,
        email: "dana@acme.test",
        phone: "+1 555 0100",
        linkedinUrl: "https://www.linkedin.com/in/dana-reyes",
        tags: ["warm", "manager"],
      },
      {
        fullName: "Jürgen van der Berg",
        title: '"Head" of =Platform',
        companyId: globex.id,
        email: null,
        phone: "-42",
        linkedinUrl: null,
        tags: [],
      },
      {
        fullName: "Zoë 🦉 O'Brien",
        title: null,
        companyId: null,
        email: "zoe@example.com",
        phone: null,
        linkedinUrl: null,
        tags: ["recruiter"],
      },
      {
        fullName: "@handle",
        title: "Line one\nline two",
        companyId: acme.id,
        email: null,
        phone: null,
        linkedinUrl: null,
        tags: [],
      },
    ];
    for (const person of people) await makeContact(alice.id, person);

    // As the export writes it: BOM, every cell quoted, CRLF, formula-looking cells guarded.
    const guard = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
    const quote = (value: string) => `"${guard(value).replace(/"/g, '""')}"`;
    const header = [
      "Name",
      "First name",
      "Last name",
      "Title",
      "Company",
      "Email",
      "Phone",
      "LinkedIn URL",
      "Tags",
      "Roles in processes",
      "Last contact date",
      "Next follow-up",
      "Score",
    ];
    const exported = await contactsOf(alice.id);
    const lines = [
      header.map(quote).join(","),
      ...exported.map((row) => {
        const [given = "", ...rest] = row.fullName.split(" ");
        return [
          row.fullName,
          given,
          rest.join(" "),
          row.title ?? "",
          row.companyName ?? "",
          row.email ?? "",
          row.phone ?? "",
          row.linkedinUrl ?? "",
          row.tags.join("; "),
          "",
          "",
          "",
          "",
        ]
          .map(quote)
          .join(",");
      }),
    ];
    const csv = `\uFEFF${lines.join("\r\n")}\r\n`;

    session.user = bob;
    const batchId = await upload(csv, "runner-up-contacts.csv");
    expect(await confirm(batchId)).toMatchObject({ imported: "4", problems: "0" });
    const imported = await contactsOf(bob.id);
    const comparable = (rows: Awaited<ReturnType<typeof contactsOf>>) =>
      rows.map(({ userId: _user, connectedOn: _on, notes: _notes, ...row }) => ({
        ...row,
        // The importer keeps titles on one line.
        title: row.title?.replace(/\s+/g, " ") ?? null,
      }));
    expect(comparable(imported)).toEqual(comparable(exported));
    const companyNames = async (userId: string) =>
      (
        await getDb()
          .select({ name: companies.name })
          .from(companies)
          .where(eq(companies.userId, userId))
      )
        .map((row) => row.name)
        .sort();
    expect(await companyNames(bob.id)).toEqual(await companyNames(alice.id));
  });

  it("keeps batches private: another user cannot view, remap, confirm or discard them", async () => {
    await makeContact(bob.id, { fullName: "Dana Reyes", email: "dana@acme.test" });
    const batchId = await upload("Name,Email\nDana Reyes,dana@acme.test\n");
    const preview = await previewOf(alice.id, batchId);
    // Bob's look-alike is not Alice's duplicate.
    expect(preview.counts).toEqual({ new: 1, duplicates: 0, problems: 0 });

    session.user = bob;
    expect(await getImportPreview(bob.id, batchId)).toBeUndefined();
    expect(await getImportBatch(bob.id, batchId)).toBeUndefined();
    expect(await listImportBatches(bob.id)).toEqual([]);
    const Page = (await import("@/app/(app)/contacts/import/[batchId]/page")).default;
    await expect(Page({ params: Promise.resolve({ batchId }) })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    await expect(Page({ params: Promise.resolve({ batchId: "nope" }) })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    expect(
      errorOf(
        await saveImportMappingAction(idle, formOf({ batchId, field: ["fullName", "email"] })),
      ).code,
    ).toBe("not_found");
    expect(
      errorOf(
        await confirmImportAction(
          idle,
          formOf({ batchId, mappingKey: preview.mappingKey, otherDuplicates: "merge" }),
        ),
      ).code,
    ).toBe("not_found");
    expect(errorOf(await discardImportAction(idle, formOf({ batchId }))).code).toBe("not_found");
    await expect(discardImportFromForm(formOf({ batchId }))).rejects.toThrow(/NEXT_REDIRECT/);

    expect(await counts(bob.id)).toEqual({ contacts: 1, companies: 0, batches: 0 });
    expect(await counts(alice.id)).toEqual({ contacts: 0, companies: 0, batches: 1 });
    const batch = await getImportBatch(alice.id, batchId);
    expect(batch?.mapping).toBeNull();

    // Alice's own confirmation writes rows for Alice only.
    session.user = alice;
    await confirm(batchId);
    expect(await counts(alice.id)).toEqual({ contacts: 1, companies: 0, batches: 0 });
    expect(await counts(bob.id)).toEqual({ contacts: 1, companies: 0, batches: 0 });

    // And she can discard her own uploads.
    const second = await upload("Name\nSam\n");
    await expect(discardImportFromForm(formOf({ batchId: second }))).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
    expect(await getImportBatch(alice.id, second)).toBeUndefined();
  });

  it("keeps only a few recent uploads per user", async () => {
    const ids: string[] = [];
    for (let index = 0; index < 6; index += 1) ids.push(await upload(`Name\nPerson ${index}\n`));
    const waiting = await listImportBatches(alice.id);
    expect(waiting).toHaveLength(5);
    expect(waiting[0]).toMatchObject({ id: ids[5], rowCount: 1, format: "csv" });
    expect(waiting.map((batch) => batch.id)).not.toContain(ids[0]);
    const ListPage = (await import("@/app/(app)/contacts/import/page")).default;
    const html = renderToString(await ListPage());
    expect(html).toContain(`href="/contacts/import/${ids[5]}"`);
    expect(html).not.toContain(ids[0]!);
    session.user = bob;
    expect(renderToString(await ListPage())).not.toContain(ids[5]!);
    session.user = alice;
    // A day-old upload goes at the next upload.
    await getDb()
      .update(importBatches)
      .set({ createdAt: sql`now() - interval '25 hours'` })
      .where(and(eq(importBatches.userId, alice.id), eq(importBatches.id, ids[5]!)));
    await upload("Name\nLate\n");
    expect(await getImportBatch(alice.id, ids[5]!)).toBeUndefined();
  });

  it("writes nothing when the import fails part-way", async () => {
    const marker = `Boom ${crypto.randomUUID()}`;
    const db = getDb();
    await db.execute(
      sql.raw(`create or replace function import_test_boom() returns trigger language plpgsql as $$
        begin
          if new.full_name like 'Boom %' then raise exception 'simulated failure'; end if;
          return new;
        end $$`),
    );
    const trigger = `import_test_boom_${crypto.randomUUID().replace(/-/g, "")}`;
    await db.execute(
      sql.raw(
        `create trigger ${trigger} before insert on contacts for each row execute function import_test_boom()`,
      ),
    );
    try {
      const rows = Array.from({ length: 1200 }, (_, index) =>
        index === 1100 ? `${marker},Acme ${index}` : `Person ${index},Company ${index % 50}`,
      );
      const batchId = await upload(`Name,Company\n${rows.join("\n")}\n`);
      const before = await counts(alice.id);
      const preview = await previewOf(alice.id, batchId);
      const spy = vi.spyOn(console, "error").mockImplementation(() => {});
      const failed = errorOf(
        await confirmImportAction(idle, formOf({ batchId, mappingKey: preview.mappingKey })),
      );
      spy.mockRestore();
      expect(failed.code).toBe("internal");
      expect(await counts(alice.id)).toEqual(before);
      expect(await getImportBatch(alice.id, batchId)).toBeDefined();
    } finally {
      await db.execute(sql.raw(`drop trigger if exists ${trigger} on contacts`));
    }
  });

  it("imports 10,000 rows in one go, in a few seconds", async () => {
    // 500 of the rows repeat existing contacts by email and are merged.
    await getDb()
      .insert(contacts)
      .values(
        Array.from({ length: 500 }, (_, index) => ({
          userId: alice.id,
          fullName: `Existing ${index}`,
          email: `person${index * 20}@example.test`,
        })),
      );
    const lines = ["First Name,Last Name,Email,Company,Title,Tags,Connected On"];
    for (let index = 0; index < 10_000; index += 1) {
      lines.push(
        `Person,Number ${index},person${index}@example.test,Company ${index % 2000},Engineer ${index % 7},"team-${index % 5}; imported",2026-0${(index % 9) + 1}-1${index % 10}`,
      );
    }
    const csv = lines.join("\r\n");
    expect(Buffer.byteLength(csv)).toBeLessThan(5 * 1024 * 1024);

    let started = performance.now();
    const batchId = await upload(csv, "big.csv");
    const uploadMs = performance.now() - started;

    started = performance.now();
    const preview = await previewOf(alice.id, batchId);
    const previewMs = performance.now() - started;
    expect(preview.counts).toEqual({ new: 9500, duplicates: 500, problems: 0 });
    expect(preview.duplicates).toHaveLength(200);

    started = performance.now();
    const to = await redirectedTo(
      confirmImportAction(
        idle,
        formOf({
          batchId,
          mappingKey: preview.mappingKey,
          otherDuplicates: "merge",
          "row-2": "skip",
        }),
      ),
    );
    const confirmMs = performance.now() - started;
    expect(to).toBe("/contacts?imported=9500&merged=499&skipped=1&problems=0");
    expect(await counts(alice.id)).toEqual({ contacts: 10_000, companies: 2000, batches: 0 });
    const [merged] = await getDb()
      .select({ title: contacts.title, tags: contacts.tags })
      .from(contacts)
      .where(and(eq(contacts.userId, alice.id), eq(contacts.email, "person20@example.test")));
    expect(merged).toEqual({ title: "Engineer 6", tags: ["team-0", "imported"] });

    console.info(
      `10,000-row import (${getDb().constructor.name}): upload+parse ${Math.round(uploadMs)} ms, preview ${Math.round(previewMs)} ms, confirm (one transaction) ${Math.round(confirmMs)} ms`,
    );
    expect(confirmMs).toBeLessThan(20_000);
  }, 120_000);
});

describe("importing random and hostile files through the actions", () => {
  const piece = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 12 }),
    fc.string({ unit: "binary", maxLength: 6 }),
    fc.constantFrom(
      '"',
      ",",
      ";",
      "\n",
      "\r\n",
      "\r",
      "\u0000",
      "\u001b",
      "\uFEFF",
      "'",
      "=1+1",
      "@SUM(A1)",
      "+49 30 123",
      "Notes:",
      "Name,Email,Company,Tags,Connected On\n",
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
      "Dana,dana@x.test,Acme,a;b,26 Nov 2026\n",
      "Dana,DANA@x.test,acme,,2026-02-30\n",
      "bob@",
      "x".repeat(300),
      "🦉",
    ),
  );
  const cell = fc.oneof(
    fc.array(piece, { maxLength: 3 }).map((parts) => parts.join("")),
    fc.constantFrom(
      "Dana Reyes",
      "dana@x.test",
      "DANA@X.TEST",
      "Acme",
      "https://www.linkedin.com/in/dana",
      "26 Nov 2026",
      "2026-13-01",
      "warm; recruiter",
      "",
    ),
  );
  const structured = fc
    .record({
      header: fc.constantFrom(
        "Name,Email,Company,Tags,Connected On",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
        'Notes:\n"When exporting, some emails are missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On',
        "Vorname;Nachname;E-Mail;Firma",
        "Who,What",
      ),
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 15 }),
      separator: fc.constantFrom(",", ";"),
      eol: fc.constantFrom("\n", "\r\n"),
      quoted: fc.boolean(),
    })
    .map(({ header, rows, separator, eol, quoted }) =>
      [
        header,
        ...rows.map((cells) =>
          cells.map((value) => (quoted ? `"${value.replace(/"/g, '""')}"` : value)).join(separator),
        ),
      ].join(eol),
    );
  const file = fc.oneof(
    { arbitrary: structured, weight: 4 },
    { arbitrary: fc.array(piece, { maxLength: 60 }).map((parts) => parts.join("")), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 400 }), weight: 1 },
  );

  it("never answers user input with an internal error, and never writes part of an import", async () => {
    const user = await createTestUser();
    session.user = user;
    await makeContact(user.id, { fullName: "Dana", email: "dana@x.test" });
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.constantFrom("merge", "skip"),
        fc.boolean(),
        async (content, otherDuplicates, remap) => {
          const before = await counts(user.id);
          const uploaded = await uploadImportAction(idle, fileForm(content)).catch(
            (error: unknown) => error,
          );
          if (!(uploaded instanceof Error)) {
            // Not redirected: refused with a message, and nothing stored.
            const state = uploaded as ActionState<unknown>;
            expect(["invalid", "error"]).toContain(state.status);
            if (state.status === "error") expect(state.code).toBe("invalid");
            expect(await counts(user.id)).toEqual(before);
            return;
          }
          expect(String((uploaded as { digest?: string }).digest)).toMatch(/NEXT_REDIRECT/);
          const [batch] = await listImportBatches(user.id, 1);
          const preview = await previewOf(user.id, batch!.id);
          if (remap) {
            const field = preview.columns.map((_, index) =>
              index === 0 ? "fullName" : index % 2 ? "email" : "tags",
            );
            await saveImportMappingAction(idle, formOf({ batchId: batch!.id, field })).catch(
              (error: unknown) => expect(String(error)).toMatch(/NEXT_REDIRECT/),
            );
          }
          const current = await previewOf(user.id, batch!.id);
          const choices = Object.fromEntries(
            current.duplicates.map((item, index) => [
              `row-${item.line}`,
              index % 2 ? "merge" : "skip",
            ]),
          );
          const middle = await counts(user.id);
          const confirmed = await confirmImportAction(
            idle,
            formOf({
              batchId: batch!.id,
              mappingKey: current.mappingKey,
              otherDuplicates,
              ...choices,
            }),
          ).catch((error: unknown) => error);
          if (confirmed instanceof Error) {
            const to = String((confirmed as { digest?: string }).digest).split(";")[2] ?? "";
            const imported = Number(new URL(to, "http://x").searchParams.get("imported"));
            expect(imported).toBe(current.hasName ? current.counts.new : 0);
            const after = await counts(user.id);
            expect(after.contacts).toBe(middle.contacts + imported);
            expect(after.batches).toBe(middle.batches - 1);
          } else {
            const state = confirmed as ActionState<unknown>;
            expect(state.status).not.toBe("success");
            if (state.status === "error") expect(state.code).not.toBe("internal");
            // A refused import writes nothing and keeps the upload.
            expect(await counts(user.id)).toEqual(middle);
            await discardImportAction(idle, formOf({ batchId: batch!.id })).catch(() => {});
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

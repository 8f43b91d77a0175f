import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { CONTACT_CSV_HEADER } from "@/lib/csv/export";
import { getDb } from "@/lib/db/client";
import { contactExportPages } from "@/lib/db/queries/contact-export";
import { listContacts } from "@/lib/db/queries/contacts";
import { assessContacts } from "@/lib/db/queries/nurture-signals";
import type { SessionUser } from "@/lib/db/queries/users";
import { contacts, followUps, processParticipants } from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import type { ContactExportQuery } from "@/lib/validations/contact-export";
import { createTestUser } from "../support/builders";
import {
  makeApplication,
  makeCompany,
  makeContact,
  makeFollowUp,
  makeParticipant,
} from "../support/contact-builders";

// Only the session is stood in for; the route handlers, the queries and the database are real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));

const csvRoute = await import("@/app/api/contacts/export.csv/route");
const vcfRoute = await import("@/app/api/contacts/export.vcf/route");
const vcardRoute = await import("@/app/api/contacts/[id]/vcard/route");

const BOM = [0xef, 0xbb, 0xbf];

/** A small RFC 4180 reader for the tests (quoted cells, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const character = text[i]!;
    if (quoted) {
      if (character === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (character === '"') quoted = false;
      else cell += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      record.push(cell);
      cell = "";
    } else if (character === "\r" && text[i + 1] === "\n") {
      record.push(cell);
      records.push(record);
      record = [];
      cell = "";
      i += 1;
    } else cell += character;
  }
  if (cell !== "" || record.length > 0) records.push([...record, cell]);
  return records;
}

async function exportCsv(search = "") {
  const response = await csvRoute.GET(
    new Request(`http://app.test/api/contacts/export.csv${search}`),
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return { response, bytes, text, records: parseCsv(text.replace(/^\uFEFF/, "")) };
}

/** The names in the CSV body, in file order (the header row dropped). */
const csvNames = (records: string[][]) => records.slice(1).map((record) => record[0]);

const vcardRequest = (id: string) =>
  vcardRoute.GET(new Request(`http://app.test/api/contacts/${id}/vcard`), {
    params: Promise.resolve({ id }),
  });

describe("contacts CSV export", () => {
  let alice: SessionUser;
  let bob: SessionUser;
  let danaId: string;

  beforeAll(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    const northwind = await makeCompany(alice.id, { name: "Northwind" });
    const acme = await makeCompany(alice.id, { name: "Acme" });
    const designer = await makeApplication(alice.id, northwind.id, {
      jobTitle: "Senior Designer",
      updatedAt: new Date("2026-03-01T12:00:00Z"),
    });
    const pm = await makeApplication(alice.id, acme.id, {
      jobTitle: "PM",
      updatedAt: new Date("2026-01-01T12:00:00Z"),
    });
    const dana = await makeContact(alice.id, {
      fullName: "Dana Reyes",
      title: "Design Director",
      companyId: northwind.id,
      email: "dana@northwind.test",
      phone: "+1 555 0100",
      linkedinUrl: "https://www.linkedin.com/in/dana-reyes",
      tags: ["warm", "manager"],
      lastContactedAt: new Date("2026-02-01T12:00:00Z"),
    });
    danaId = dana.id;
    await makeParticipant(alice.id, designer.id, dana.id, { role: "hiring_manager" });
    await makeParticipant(alice.id, pm.id, dana.id, { role: "interviewer" });
    await makeFollowUp(alice.id, dana.id, { dueOn: "2026-04-01" });
    await makeFollowUp(alice.id, dana.id, { dueOn: "2026-03-15" });
    await makeFollowUp(alice.id, dana.id, { dueOn: "2026-01-01", status: "done" });

    const sam = await makeContact(alice.id, {
      fullName: "Sam Ortiz",
      title: "Recruiter",
      companyId: acme.id,
      tags: ["agency"],
      lastContactedAt: new Date("2026-03-01T12:00:00Z"),
    });
    await makeParticipant(alice.id, pm.id, sam.id, { role: "recruiter" });
    await makeContact(alice.id, { fullName: "Zoë Martín", title: "Designer", tags: ["warm"] });
    await makeContact(alice.id, {
      fullName: '=HYPERLINK("https://evil.example","Click me")',
      title: "@SUM(1+1)",
      email: "-2+3@example.test",
      notes: "line one\nline two",
    });
    // Bob's look-alikes must never show up in Alice's files.
    await makeContact(bob.id, { fullName: "Dana Reyes", tags: ["warm"], title: "Designer" });
    await makeContact(bob.id, { fullName: "Bob's Secret Contact" });
  });

  it("refuses a signed-out caller with 401", async () => {
    session.user = null;
    const response = await csvRoute.GET(new Request("http://app.test/api/contacts/export.csv"));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/sign in/i) });
  });

  it("exports every contact of the user, with BOM, header and a dated file name", async () => {
    session.user = alice;
    const { response, bytes, text, records } = await exportCsv();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const file = `runner-up-contacts-${todayIso()}.csv`;
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="${file}"; filename*=UTF-8''${file}`,
    );
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect([...bytes.slice(0, 3)]).toEqual(BOM);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(records[0]).toEqual([...CONTACT_CSV_HEADER]);
    expect(csvNames(records)).toEqual([
      "Sam Ortiz",
      "Dana Reyes",
      `'=HYPERLINK("https://evil.example","Click me")`,
      "Zoë Martín",
    ]);
    expect(text).not.toContain("Bob's Secret Contact");
  });

  it("fills roles, the next open follow-up and the other columns", async () => {
    session.user = alice;
    const { records } = await exportCsv("?q=dana");
    expect(records).toHaveLength(2);
    const row = Object.fromEntries(CONTACT_CSV_HEADER.map((name, i) => [name, records[1]![i]]));
    expect(row).toEqual({
      Name: "Dana Reyes",
      "First name": "Dana",
      "Last name": "Reyes",
      Title: "Design Director",
      Company: "Northwind",
      Email: "dana@northwind.test",
      Phone: "'+1 555 0100",
      "LinkedIn URL": "https://www.linkedin.com/in/dana-reyes",
      Tags: "warm; manager",
      "Roles in processes":
        "Hiring manager at Northwind (Senior Designer); Interviewer at Acme (PM)",
      "Last contact date": "2026-02-01",
      "Next follow-up": "2026-03-15",
      Score: expect.stringMatching(/^\d{1,3}$/),
    });
  });

  it("scores every contact as the dashboard does: a hiring manager above a stranger", async () => {
    session.user = alice;
    const { records } = await exportCsv();
    const scoreColumn = CONTACT_CSV_HEADER.indexOf("Score");
    const scores = new Map(records.slice(1).map((record) => [record[0], record[scoreColumn]]));
    for (const score of scores.values()) {
      expect(Number(score)).toBeGreaterThanOrEqual(0);
      expect(Number(score)).toBeLessThanOrEqual(100);
    }
    const expected = await assessContacts(getDb(), alice.id, [danaId], todayIso());
    expect(scores.get("Dana Reyes")).toBe(String(Math.round(expected.get(danaId)!.score)));
    expect(Number(scores.get("Dana Reyes"))).toBeGreaterThan(Number(scores.get("Zoë Martín")));
    // Another user's contact ids find nothing.
    expect((await assessContacts(getDb(), bob.id, [danaId], todayIso())).size).toBe(0);
  });

  it("neutralises cells that a spreadsheet would run as formulas", async () => {
    session.user = alice;
    const { records } = await exportCsv("?q=evil.example");
    expect(records[1]!.slice(0, 6)).toEqual([
      `'=HYPERLINK("https://evil.example","Click me")`,
      `'=HYPERLINK("https://evil.example","Click`,
      'me")',
      "'@SUM(1+1)",
      "",
      "'-2+3@example.test",
    ]);
  });

  it("contains exactly the filtered view's contacts, in the list's order", async () => {
    session.user = alice;
    const views: ContactExportQuery[] = [
      { sort: "recent" },
      { sort: "name" },
      { sort: "name", tag: "warm" },
      { sort: "recent", role: "recruiter" },
      { sort: "recent", role: "hiring_manager", tag: "warm", q: "dana" },
      { sort: "name", q: "acme" },
      { sort: "name", q: "designer" },
      { sort: "name", q: "nobody" },
      { sort: "recent", role: "panel" },
    ];
    for (const view of views) {
      const search = new URLSearchParams(
        Object.entries(view).filter((entry): entry is [string, string] => Boolean(entry[1])),
      );
      const { records } = await exportCsv(`?${search}`);
      const listed = (await listContacts(alice.id, view, 10_000)).rows.map((row) => row.fullName);
      expect(
        csvNames(records).map((name) => name?.replace(/^'/, "")),
        JSON.stringify(view),
      ).toEqual(listed);
    }
    expect(csvNames((await exportCsv("?tag=warm&sort=name")).records)).toEqual([
      "Dana Reyes",
      "Zoë Martín",
    ]);
  });

  it("answers 400 for a filter the list would not produce", async () => {
    session.user = alice;
    const response = await csvRoute.GET(
      new Request("http://app.test/api/contacts/export.csv?role=boss"),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "Unknown role." });
  });

  it("gives another user only their own contacts", async () => {
    session.user = bob;
    const { records, text } = await exportCsv();
    expect(csvNames(records)).toEqual(["Bob's Secret Contact", "Dana Reyes"]);
    expect(text).not.toContain("Northwind");
    expect(csvNames((await exportCsv("?role=hiring_manager")).records)).toEqual([]);
  });

  describe("vCards", () => {
    it("downloads one contact as a vCard named after them", async () => {
      session.user = alice;
      const response = await vcardRequest(danaId);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/vcard; charset=utf-8");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="Dana Reyes.vcf"; filename*=UTF-8''Dana%20Reyes.vcf`,
      );
      const card = await response.text();
      expect(card).toMatch(/^BEGIN:VCARD\r\nVERSION:4\.0\r\n/);
      expect(card).toContain("\r\nFN:Dana Reyes\r\n");
      expect(card).toContain("\r\nN:Reyes;Dana;;;\r\n");
      expect(card).toContain("\r\nORG:Northwind\r\n");
      expect(card).toContain("\r\nCATEGORIES:warm,manager\r\n");
      expect(card.endsWith("END:VCARD\r\n")).toBe(true);
    });

    it("answers 404 for another user's contact, a missing one and a malformed id", async () => {
      session.user = bob;
      const foreign = await vcardRequest(danaId);
      expect(foreign.status).toBe(404);
      expect(await foreign.text()).not.toContain("Dana");
      expect((await vcardRequest("00000000-0000-4000-8000-000000000000")).status).toBe(404);
      expect((await vcardRequest("not-an-id")).status).toBe(404);
    });

    it("refuses signed-out callers with 401", async () => {
      session.user = null;
      expect((await vcardRequest(danaId)).status).toBe(401);
      const all = await vcfRoute.GET(new Request("http://app.test/api/contacts/export.vcf"));
      expect(all.status).toBe(401);
    });

    it("exports every contact of the user as one .vcf file, filters included", async () => {
      session.user = alice;
      const response = await vcfRoute.GET(new Request("http://app.test/api/contacts/export.vcf"));
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toContain(
        `filename="runner-up-contacts-${todayIso()}.vcf"`,
      );
      const text = await response.text();
      expect(text.match(/^BEGIN:VCARD\r\n/gm)).toHaveLength(4);
      expect(text.match(/^END:VCARD\r\n/gm)).toHaveLength(4);
      expect(text).toContain("FN:Zoë Martín");
      expect(text).toContain("NOTE:line one\\nline two");
      expect(text).not.toContain("Secret");
      const warm = await vcfRoute.GET(
        new Request("http://app.test/api/contacts/export.vcf?tag=warm&sort=name"),
      );
      expect((await warm.text()).match(/^FN:.*$/gm)).toEqual(["FN:Dana Reyes", "FN:Zoë Martín"]);
    });
  });
});

describe("keyset paging of the export", () => {
  let userId: string;
  const total = 2500;

  beforeAll(async () => {
    const user = await createTestUser();
    userId = user.id;
    const other = await createTestUser();
    // Many ties on purpose: 40 names, 7 timestamps, every 5th person never contacted.
    const rows = Array.from({ length: total }, (_, index) => ({
      userId,
      fullName: `${["Alex", "Sam", "Kim", "Lee", "Ana"][index % 5]} ${["Park", "Ortiz", "Reyes", "Zhou", "Kowalski", "Adams", "Brown", "Diaz"][index % 8]}`,
      lastContactedAt: index % 5 === 4 ? null : new Date(Date.UTC(2026, 0, 1 + (index % 7), 12)),
      tags: index % 3 === 0 ? ["third"] : [],
    }));
    for (let start = 0; start < rows.length; start += 500) {
      await getDb()
        .insert(contacts)
        .values(rows.slice(start, start + 500));
    }
    // Timestamps that differ only in microseconds, which a JavaScript Date cannot hold.
    await getDb()
      .update(contacts)
      .set({
        lastContactedAt: sql`${contacts.lastContactedAt} + make_interval(secs => (abs(hashtext(${contacts.id}::text)) % 3) * 0.000001)`,
      })
      .where(eq(contacts.userId, userId));
    await getDb()
      .insert(contacts)
      .values([{ userId: other.id, fullName: "Alex Park", lastContactedAt: new Date() }]);
    // Every 10th person took part in processes (each application shared by many people, so
    // later pages reuse applications read for earlier ones) and has follow-ups.
    const everyTenth = await getDb()
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), sql`abs(hashtext(${contacts.id}::text)) % 10 = 0`));
    const company = await makeCompany(userId, { name: "Initech" });
    const older = await makeApplication(userId, company.id, {
      jobTitle: "Designer",
      updatedAt: new Date("2026-01-01T12:00:00Z"),
    });
    const newer = await makeApplication(userId, company.id, {
      jobTitle: "Lead",
      updatedAt: new Date("2026-02-01T12:00:00Z"),
    });
    await getDb()
      .insert(processParticipants)
      .values(
        everyTenth.flatMap(({ id }, index) => [
          { userId, applicationId: older.id, contactId: id, role: "interviewer" as const },
          ...(index % 2 === 0
            ? [{ userId, applicationId: newer.id, contactId: id, role: "recruiter" as const }]
            : []),
        ]),
      );
    await getDb()
      .insert(followUps)
      .values(
        everyTenth.flatMap(({ id }, index) => [
          {
            userId,
            contactId: id,
            dueOn: "2026-06-01",
            reason: "Later",
            origin: "manual" as const,
          },
          {
            userId,
            contactId: id,
            dueOn: `2026-05-${String(1 + (index % 28)).padStart(2, "0")}`,
            reason: "Sooner",
            origin: "manual" as const,
          },
          {
            userId,
            contactId: id,
            dueOn: "2026-01-01",
            reason: "Done",
            origin: "manual" as const,
            status: "done" as const,
          },
        ]),
      );
    withProcesses = new Map(everyTenth.map(({ id }, index) => [id, index]));
  });
  let withProcesses: Map<string, number>;

  it("gives every person on every page their own roles and next follow-up", async () => {
    let seen = 0;
    for await (const page of contactExportPages(userId, { sort: "name" }, { pageSize: 300 })) {
      for (const record of page) {
        const index = withProcesses.get(record.id);
        if (index === undefined) {
          expect(record.roles).toEqual([]);
          expect(record.nextFollowUpOn).toBeNull();
          continue;
        }
        seen += 1;
        expect(record.roles).toEqual([
          ...(index % 2 === 0
            ? [{ role: "recruiter", companyName: "Initech", jobTitle: "Lead" }]
            : []),
          { role: "interviewer", companyName: "Initech", jobTitle: "Designer" },
        ]);
        expect(record.nextFollowUpOn).toBe(`2026-05-${String(1 + (index % 28)).padStart(2, "0")}`);
      }
    }
    expect(seen).toBe(withProcesses.size);
    expect(seen).toBeGreaterThan(100);
  });

  it("stops reading when the download is cancelled", async () => {
    session.user = { id: userId, name: null, email: "paging@example.test" };
    const response = await csvRoute.GET(new Request("http://app.test/api/contacts/export.csv"));
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"Name","First name"');
    await reader.cancel();
    // A cancelled body stays cancelled; a new download still works from the start.
    expect((await reader.read()).done).toBe(true);
    expect((await exportCsv("?tag=third")).records.length).toBeGreaterThan(100);
  });

  async function exportedIds(query: ContactExportQuery, pageSize: number) {
    const pages: number[] = [];
    const ids: string[] = [];
    for await (const page of contactExportPages(userId, query, { pageSize })) {
      pages.push(page.length);
      ids.push(...page.map((record) => record.id));
    }
    return { ids, pages };
  }

  for (const query of [
    { sort: "recent" },
    { sort: "name" },
    { sort: "recent", tag: "third" },
    { sort: "name", q: "alex" },
  ] satisfies ContactExportQuery[]) {
    it(`reads ${JSON.stringify(query)} across page boundaries without gaps or repeats`, async () => {
      const listed = (await listContacts(userId, query, 10_000)).rows.map((row) => row.id);
      expect(listed.length).toBeGreaterThan(100);
      for (const pageSize of [1000, 97]) {
        const { ids, pages } = await exportedIds(query, pageSize);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids).toEqual(listed);
        expect(Math.max(...pages)).toBeLessThanOrEqual(pageSize);
        expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(listed.length / pageSize));
      }
    });
  }

  it("streams the CSV route over many pages with one header", async () => {
    session.user = { id: userId, name: null, email: "paging@example.test" };
    const { records } = await exportCsv("?sort=name");
    expect(records).toHaveLength(total + 1);
    expect(records.filter((record) => record[0] === "Name")).toHaveLength(1);
  });
});

import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  getContact,
  getContactFootprint,
  getContactSummary,
  listContactFollowUps,
  listContactNotes,
  listContactParticipations,
  listContacts,
  listContactsWithSameEmail,
  listContactTags,
} from "@/lib/db/queries/contacts";
import type { SessionUser } from "@/lib/db/queries/users";
import {
  applications,
  companies,
  contacts,
  followUps,
  interactions,
  notes,
  processParticipants,
} from "@/lib/db/schema";
import { createTestUser } from "../support/builders";
import {
  form,
  makeApplication,
  makeCompany,
  makeContact,
  makeFollowUp,
  makeInteraction,
  makeNote,
  makeParticipant,
  redirectedTo,
} from "../support/contact-builders";

// Only the session is stood in for; actions, validation and the database run for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createContactAction, updateContactAction, deleteContactAction, deleteContactFromForm } =
  await import("@/app/(app)/contacts/actions");

const idle = { status: "idle" } as const;

describe("contact list", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeAll(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    const acme = await makeCompany(alice.id, { name: "Acme Robotics" });
    const globex = await makeCompany(alice.id, { name: "Globex 100%_Club" });
    const app = await makeApplication(alice.id, acme.id);
    const dana = await makeContact(alice.id, {
      fullName: "Dana Reyes",
      title: "Engineering Manager",
      companyId: acme.id,
      email: "dana@acme.test",
      tags: ["warm", "manager"],
      lastContactedAt: new Date("2026-02-01T10:00:00Z"),
    });
    await makeContact(alice.id, {
      fullName: "Sam Ortiz",
      title: "Recruiter",
      companyId: globex.id,
      email: "sam@globex.test",
      tags: ["agency"],
      lastContactedAt: new Date("2026-03-01T10:00:00Z"),
    });
    await makeContact(alice.id, { fullName: "Ann Zhou", title: "Designer" });
    const recruiter = await makeContact(alice.id, { fullName: "Lee Park", companyId: acme.id });
    await makeParticipant(alice.id, app.id, dana.id, { role: "hiring_manager" });
    await makeParticipant(alice.id, app.id, recruiter.id, { role: "recruiter" });
    // Bob's look-alike must never show up for Alice.
    await makeContact(bob.id, { fullName: "Dana Reyes", email: "dana@acme.test", tags: ["warm"] });
  });

  const names = async (query: Parameters<typeof listContacts>[1], userId = alice.id) =>
    (await listContacts(userId, query)).rows.map((row) => row.fullName);

  it("sorts by last contact (never contacted last, then by name) or by name", async () => {
    expect(await names({ sort: "recent" })).toEqual([
      "Sam Ortiz",
      "Dana Reyes",
      "Ann Zhou",
      "Lee Park",
    ]);
    expect(await names({ sort: "name" })).toEqual([
      "Ann Zhou",
      "Dana Reyes",
      "Lee Park",
      "Sam Ortiz",
    ]);
  });

  it("searches name, title, email and company name, every word, case-insensitively", async () => {
    expect(await names({ sort: "name", q: "dana" })).toEqual(["Dana Reyes"]);
    expect(await names({ sort: "name", q: "RECRUITER" })).toEqual(["Sam Ortiz"]);
    expect(await names({ sort: "name", q: "globex.test" })).toEqual(["Sam Ortiz"]);
    expect(await names({ sort: "name", q: "acme" })).toEqual(["Dana Reyes", "Lee Park"]);
    expect(await names({ sort: "name", q: "acme manager" })).toEqual(["Dana Reyes"]);
    expect(await names({ sort: "name", q: "nobody" })).toEqual([]);
  });

  it("treats % and _ in the search as plain characters", async () => {
    expect(await names({ sort: "name", q: "%" })).toEqual(["Sam Ortiz"]);
    expect(await names({ sort: "name", q: "0%_c" })).toEqual(["Sam Ortiz"]);
    expect(await names({ sort: "name", q: "_" })).toEqual(["Sam Ortiz"]);
  });

  it("filters by role in a process and by tag", async () => {
    expect(await names({ sort: "name", role: "hiring_manager" })).toEqual(["Dana Reyes"]);
    expect(await names({ sort: "name", role: "recruiter" })).toEqual(["Lee Park"]);
    expect(await names({ sort: "name", role: "panel" })).toEqual([]);
    expect(await names({ sort: "name", tag: "agency" })).toEqual(["Sam Ortiz"]);
    expect(await names({ sort: "name", tag: "warm", role: "hiring_manager", q: "dana" })).toEqual([
      "Dana Reyes",
    ]);
  });

  it("returns the row fields the list shows", async () => {
    const [row] = (await listContacts(alice.id, { sort: "name", q: "dana" })).rows;
    expect(row).toMatchObject({
      fullName: "Dana Reyes",
      title: "Engineering Manager",
      companyName: "Acme Robotics",
      tags: ["warm", "manager"],
      isSample: false,
    });
    expect(row?.lastContactedAt).toEqual(new Date("2026-02-01T10:00:00Z"));
  });

  it("lists the user's distinct tags only", async () => {
    expect(await listContactTags(alice.id)).toEqual(["agency", "manager", "warm"]);
    expect(await listContactTags(bob.id)).toEqual(["warm"]);
  });

  it("never shows another user's contacts", async () => {
    expect(await names({ sort: "name" }, bob.id)).toEqual(["Dana Reyes"]);
    expect(await names({ sort: "name", q: "acme" }, bob.id)).toEqual(["Dana Reyes"]);
    expect(await names({ sort: "name", role: "hiring_manager" }, bob.id)).toEqual([]);
  });
});

describe("contact list paging", () => {
  it("pages 50 at a time without gaps or repeats", async () => {
    const user = await createTestUser();
    await getDb()
      .insert(contacts)
      .values(
        Array.from({ length: 63 }, (_, index) => ({
          userId: user.id,
          fullName: `Person ${String(index).padStart(2, "0")}`,
          // Ties on purpose: the name then the id keep the order stable.
          lastContactedAt: index % 3 === 0 ? null : new Date(Date.UTC(2026, 0, 1 + (index % 5))),
        })),
      );
    for (const sort of ["recent", "name"] as const) {
      const first = await listContacts(user.id, { sort, page: 1 });
      const second = await listContacts(user.id, { sort, page: 2 });
      const third = await listContacts(user.id, { sort, page: 3 });
      expect(first.rows).toHaveLength(50);
      expect(first.hasNext).toBe(true);
      expect(second.rows).toHaveLength(13);
      expect(second.hasNext).toBe(false);
      expect(third.rows).toHaveLength(0);
      const ids = [...first.rows, ...second.rows].map((row) => row.id);
      expect(new Set(ids).size).toBe(63);
    }
    const recent = [
      ...(await listContacts(user.id, { sort: "recent", page: 1 })).rows,
      ...(await listContacts(user.id, { sort: "recent", page: 2 })).rows,
    ];
    const nullsFrom = recent.findIndex((row) => row.lastContactedAt === null);
    expect(recent.slice(nullsFrom).every((row) => row.lastContactedAt === null)).toBe(true);
    const times = recent.slice(0, nullsFrom).map((row) => row.lastContactedAt!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byName = (await listContacts(user.id, { sort: "name", page: 1 })).rows;
    expect(byName[0]?.fullName).toBe("Person 00");
    expect(byName[49]?.fullName).toBe("Person 49");
  });
});

describe("contact page queries", () => {
  it("reads the contact, processes, notes, follow-ups and what deleting would take", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const company = await makeCompany(alice.id, { name: "Initech" });
    const app = await makeApplication(alice.id, company.id, {
      jobTitle: "Staff Engineer",
      stage: "final_round",
    });
    const contact = await makeContact(alice.id, {
      fullName: "Mo Khan",
      companyId: company.id,
      email: "MO@initech.test",
      phone: "+1 555 0100",
    });
    const twin = await makeContact(alice.id, {
      fullName: "Mohammed Khan",
      email: "mo@initech.test",
    });
    await makeContact(bob.id, { fullName: "Not Alice's", email: "mo@initech.test" });
    await makeParticipant(alice.id, app.id, contact.id, {
      role: "hiring_manager",
      discussed: "Platform migration",
    });
    await makeInteraction(alice.id, contact.id);
    await makeInteraction(alice.id, contact.id, { kind: "interview" });
    await makeNote(alice.id, contact.id, {
      subject: "Thank you, Mo",
      status: "sent",
      sentAt: new Date(),
    });
    await makeFollowUp(alice.id, contact.id, { reason: "Ask about the new team", status: "done" });
    await makeFollowUp(alice.id, contact.id, { reason: "Check in", dueOn: "2026-09-01" });

    expect(await getContact(alice.id, contact.id)).toMatchObject({
      fullName: "Mo Khan",
      companyName: "Initech",
      phone: "+1 555 0100",
    });
    expect(await listContactParticipations(alice.id, contact.id)).toEqual([
      expect.objectContaining({
        role: "hiring_manager",
        discussed: "Platform migration",
        applicationId: app.id,
        jobTitle: "Staff Engineer",
        stage: "final_round",
        companyName: "Initech",
      }),
    ]);
    expect((await listContactNotes(alice.id, contact.id)).map((note) => note.subject)).toEqual([
      "Thank you, Mo",
    ]);
    // Open follow-ups first.
    expect((await listContactFollowUps(alice.id, contact.id)).map((f) => f.reason)).toEqual([
      "Check in",
      "Ask about the new team",
    ]);
    expect(await getContactFootprint(alice.id, contact.id)).toEqual({
      interactions: 2,
      notes: 1,
      followUps: 2,
      processes: 1,
    });
    expect(await getContactSummary(alice.id, contact.id)).toMatchObject({ interactionCount: 2 });
    const same = await listContactsWithSameEmail(alice.id, contact.id, "mo@INITECH.test");
    expect(same.map((row) => row.id)).toEqual([twin.id]);
    expect(await listContactsWithSameEmail(alice.id, contact.id, null)).toEqual([]);

    // Bob with Alice's ids sees nothing.
    expect(await getContact(bob.id, contact.id)).toBeUndefined();
    expect(await getContactSummary(bob.id, contact.id)).toBeUndefined();
    expect(await getContactFootprint(bob.id, contact.id)).toBeUndefined();
    expect(await listContactParticipations(bob.id, contact.id)).toEqual([]);
    expect(await listContactNotes(bob.id, contact.id)).toEqual([]);
    expect(await listContactFollowUps(bob.id, contact.id)).toEqual([]);
    const bobSame = await listContactsWithSameEmail(bob.id, contact.id, "mo@initech.test");
    expect(bobSame.map((row) => row.fullName)).toEqual(["Not Alice's"]);
  });
});

describe("contact actions", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeEach(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    session.user = alice;
  });

  const contactForm = (values: Record<string, string> = {}) =>
    form({
      fullName: "Priya Shah",
      title: "VP Engineering",
      companyId: "",
      newCompanyName: "",
      email: "Priya@Example.test",
      phone: "",
      linkedinUrl: "linkedin.com/in/priya",
      tags: "Warm, manager, warm",
      notes: "",
      ...values,
    });

  it("creates a contact with a new company, reusing one typed in another case", async () => {
    const existing = await makeCompany(alice.id, { name: "Hooli" });
    const target = await redirectedTo(
      createContactAction(idle, contactForm({ newCompanyName: "  hooli " })),
    );
    const id = target.replace("/contacts/", "");
    const saved = await getContact(alice.id, id);
    expect(saved).toMatchObject({
      fullName: "Priya Shah",
      email: "priya@example.test",
      linkedinUrl: "https://linkedin.com/in/priya",
      tags: ["warm", "manager"],
      companyId: existing.id,
      phone: null,
    });
    await redirectedTo(createContactAction(idle, contactForm({ newCompanyName: "Pied Piper" })));
    const names = await getDb()
      .select({ name: companies.name })
      .from(companies)
      .where(eq(companies.userId, alice.id));
    expect(names.map((row) => row.name).sort()).toEqual(["Hooli", "Pied Piper"]);
  });

  it("explains what is wrong and keeps what was typed", async () => {
    const state = await createContactAction(
      idle,
      contactForm({ fullName: " ", email: "not-an-email" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { fullName: expect.any(Array), email: expect.any(Array) },
      values: { email: "not-an-email", title: "VP Engineering" },
    });
  });

  it("moves a person to a new employer without losing their history", async () => {
    const oldCompany = await makeCompany(alice.id, { name: "Old Co" });
    const newCompany = await makeCompany(alice.id, { name: "New Co" });
    const app = await makeApplication(alice.id, oldCompany.id);
    const contact = await makeContact(alice.id, { companyId: oldCompany.id });
    await makeParticipant(alice.id, app.id, contact.id);
    await makeInteraction(alice.id, contact.id, { applicationId: app.id });

    const target = await redirectedTo(
      updateContactAction(
        idle,
        contactForm({ id: contact.id, fullName: "Dana Reyes", companyId: newCompany.id }),
      ),
    );
    expect(target).toBe(`/contacts/${contact.id}`);
    expect(await getContact(alice.id, contact.id)).toMatchObject({
      companyId: newCompany.id,
      companyName: "New Co",
    });
    expect(await listContactParticipations(alice.id, contact.id)).toHaveLength(1);
    expect(await getContactFootprint(alice.id, contact.id)).toMatchObject({
      interactions: 1,
      processes: 1,
    });
    const people = await getDb().select().from(contacts).where(eq(contacts.userId, alice.id));
    expect(people).toHaveLength(1);
  });

  it("clears the company with 'No company'", async () => {
    const company = await makeCompany(alice.id);
    const contact = await makeContact(alice.id, { companyId: company.id });
    await redirectedTo(updateContactAction(idle, contactForm({ id: contact.id })));
    expect((await getContact(alice.id, contact.id))?.companyId).toBeNull();
  });

  it("deletes a contact with their interactions, notes, follow-ups and participations only", async () => {
    const company = await makeCompany(alice.id);
    const app = await makeApplication(alice.id, company.id);
    const contact = await makeContact(alice.id, { companyId: company.id });
    const colleague = await makeContact(alice.id, { fullName: "Colleague", companyId: company.id });
    await makeParticipant(alice.id, app.id, contact.id);
    await makeParticipant(alice.id, app.id, colleague.id);
    await makeInteraction(alice.id, contact.id, { applicationId: app.id });
    await makeInteraction(alice.id, colleague.id);
    await makeNote(alice.id, contact.id, { applicationId: app.id });
    await makeFollowUp(alice.id, contact.id);

    expect(await redirectedTo(deleteContactAction(idle, form({ id: contact.id })))).toBe(
      "/contacts",
    );
    expect(await getContact(alice.id, contact.id)).toBeUndefined();
    const db = getDb();
    for (const table of [interactions, notes, followUps, processParticipants]) {
      const left = await db
        .select({ id: table.id })
        .from(table)
        .where(and(eq(table.userId, alice.id), eq(table.contactId, contact.id)));
      expect(left).toHaveLength(0);
    }
    expect(await db.select().from(companies).where(eq(companies.id, company.id))).toHaveLength(1);
    expect(await db.select().from(applications).where(eq(applications.id, app.id))).toHaveLength(1);
    expect(await getContactFootprint(alice.id, colleague.id)).toMatchObject({
      interactions: 1,
      processes: 1,
    });
  });

  it("deletes from the confirm button's plain form too", async () => {
    const contact = await makeContact(alice.id);
    expect(await redirectedTo(deleteContactFromForm(form({ id: contact.id })))).toBe("/contacts");
    expect(await getContact(alice.id, contact.id)).toBeUndefined();
  });

  it("refuses signed-out callers", async () => {
    session.user = null;
    const state = await createContactAction(idle, contactForm());
    expect(state).toMatchObject({ status: "error", code: "unauthenticated" });
  });

  describe("across users", () => {
    it("cannot update, delete or link another user's records", async () => {
      const aliceCompany = await makeCompany(alice.id, { name: "Alice Co" });
      const aliceContact = await makeContact(alice.id, {
        fullName: "Alice's Contact",
        companyId: aliceCompany.id,
      });
      await makeInteraction(alice.id, aliceContact.id);
      session.user = bob;

      const update = await updateContactAction(
        idle,
        contactForm({ id: aliceContact.id, fullName: "Hijacked", newCompanyName: "Bob Co" }),
      );
      expect(update).toMatchObject({ status: "error", code: "not_found" });
      // Nothing was created on the way to "not found".
      const bobCompanies = await getDb()
        .select()
        .from(companies)
        .where(eq(companies.userId, bob.id));
      expect(bobCompanies).toHaveLength(0);

      const remove = await deleteContactAction(idle, form({ id: aliceContact.id }));
      expect(remove).toMatchObject({ status: "error", code: "not_found" });
      expect(await redirectedTo(deleteContactFromForm(form({ id: aliceContact.id })))).toBe(
        "/contacts",
      );

      // Bob cannot attach Alice's company to his own contact.
      const create = await createContactAction(idle, contactForm({ companyId: aliceCompany.id }));
      expect(create).toMatchObject({ status: "error", code: "not_found" });
      expect(await getDb().select().from(contacts).where(eq(contacts.userId, bob.id))).toHaveLength(
        0,
      );

      const bobContact = await makeContact(bob.id, { fullName: "Bob's Contact" });
      const relink = await updateContactAction(
        idle,
        contactForm({ id: bobContact.id, companyId: aliceCompany.id }),
      );
      expect(relink).toMatchObject({ status: "error", code: "not_found" });
      expect((await getContact(bob.id, bobContact.id))?.companyId).toBeNull();

      expect(await getContact(alice.id, aliceContact.id)).toMatchObject({
        fullName: "Alice's Contact",
        companyId: aliceCompany.id,
      });
      expect(await getContactFootprint(alice.id, aliceContact.id)).toMatchObject({
        interactions: 1,
      });
    });
  });
});

import { and, eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  getContact,
  listContactParticipations,
  listDuplicateGroups,
  mergeContacts,
} from "@/lib/db/queries/contacts";
import type { SessionUser } from "@/lib/db/queries/users";
import { contacts, followUps, interactions, notes, processParticipants } from "@/lib/db/schema";
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

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { mergeContactsAction } = await import("@/app/(app)/contacts/actions");
const idle = { status: "idle" } as const;

async function rowsFor(userId: string, contactIds: string[]) {
  const db = getDb();
  const where = <T extends typeof interactions | typeof notes | typeof followUps>(table: T) =>
    and(eq(table.userId, userId), inArray(table.contactId, contactIds));
  return {
    interactions: await db.select().from(interactions).where(where(interactions)),
    notes: await db.select().from(notes).where(where(notes)),
    followUps: await db.select().from(followUps).where(where(followUps)),
  };
}

describe("merging duplicate contacts", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeEach(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    session.user = alice;
  });

  it("moves everything to the kept contact, de-duplicates processes and fills fields", async () => {
    const acme = await makeCompany(alice.id, { name: "Acme" });
    const globex = await makeCompany(alice.id, { name: "Globex" });
    const shared = await makeApplication(alice.id, acme.id, { jobTitle: "Designer" });
    const onlyDup = await makeApplication(alice.id, globex.id, { jobTitle: "Lead" });
    const both = await makeApplication(alice.id, globex.id, { jobTitle: "Staff" });

    const kept = await makeContact(alice.id, {
      fullName: "Dana Reyes",
      email: "dana@acme.test",
      title: "Engineering Manager",
      notes: "Met at the final round.",
      tags: ["warm"],
    });
    const dupA = await makeContact(alice.id, {
      fullName: "D. Reyes",
      email: "DANA@acme.test",
      title: "EM",
      phone: "+1 555 0100",
      companyId: acme.id,
      linkedinUrl: "https://linkedin.com/in/dana",
      notes: "Prefers email.",
      tags: ["manager", "warm"],
    });
    const dupB = await makeContact(alice.id, {
      fullName: "Dana R",
      email: "dana@acme.test",
      phone: "+1 555 0199",
      companyId: globex.id,
      tags: ["design"],
    });

    await makeParticipant(alice.id, shared.id, kept.id, {
      role: "hiring_manager",
      discussed: "Team structure",
    });
    await makeParticipant(alice.id, shared.id, dupA.id, {
      role: "interviewer",
      discussed: "Salary bands",
    });
    await makeParticipant(alice.id, onlyDup.id, dupB.id, {
      role: "recruiter",
      discussed: "Relocation",
    });
    await makeParticipant(alice.id, both.id, dupA.id, { role: "panel", discussed: "Systems" });
    await makeParticipant(alice.id, both.id, dupB.id, { role: "other", discussed: "Systems" });

    await makeInteraction(alice.id, kept.id, { occurredAt: new Date("2026-01-01T10:00:00Z") });
    await makeInteraction(alice.id, dupA.id, { occurredAt: new Date("2026-03-01T10:00:00Z") });
    await makeInteraction(alice.id, dupA.id, { occurredAt: new Date("2026-02-01T10:00:00Z") });
    await makeInteraction(alice.id, dupB.id, { occurredAt: new Date("2026-01-15T10:00:00Z") });
    await makeNote(alice.id, dupA.id, { subject: "Thanks A" });
    await makeFollowUp(alice.id, dupB.id, { reason: "Check in B" });

    const before = await rowsFor(alice.id, [kept.id, dupA.id, dupB.id]);
    expect(before.interactions).toHaveLength(4);

    const groups = await listDuplicateGroups(alice.id);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ email: "dana@acme.test", total: 3 });
    expect(groups[0]!.contacts.map((contact) => [contact.id, contact.interactionCount])).toEqual([
      [kept.id, 1],
      [dupA.id, 2],
      [dupB.id, 1],
    ]);

    const target = await redirectedTo(
      mergeContactsAction(idle, form({ keepId: kept.id, ids: [kept.id, dupA.id, dupB.id] })),
    );
    expect(target).toBe(`/contacts/${kept.id}?merged=2`);

    // Every interaction, note and follow-up is now the kept contact's.
    const after = await rowsFor(alice.id, [kept.id]);
    expect(after.interactions.map((row) => row.id).sort()).toEqual(
      before.interactions.map((row) => row.id).sort(),
    );
    expect(after.notes.map((row) => row.subject)).toEqual(["Thanks A"]);
    expect(after.followUps.map((row) => row.reason)).toEqual(["Check in B"]);

    const merged = await getContact(alice.id, kept.id);
    expect(merged).toMatchObject({
      fullName: "Dana Reyes",
      title: "Engineering Manager",
      phone: "+1 555 0100",
      companyId: acme.id,
      linkedinUrl: "https://linkedin.com/in/dana",
      notes: "Met at the final round.\n\nPrefers email.",
      tags: ["warm", "manager", "design"],
      lastContactedAt: new Date("2026-03-01T10:00:00Z"),
    });
    expect(await getContact(alice.id, dupA.id)).toBeUndefined();
    expect(await getContact(alice.id, dupB.id)).toBeUndefined();

    const processes = await listContactParticipations(alice.id, kept.id);
    const byJob = Object.fromEntries(processes.map((row) => [row.jobTitle, row]));
    expect(processes).toHaveLength(3);
    expect(byJob.Designer).toMatchObject({
      role: "hiring_manager",
      discussed: "Team structure\n\nSalary bands",
    });
    expect(byJob.Lead).toMatchObject({ role: "recruiter", discussed: "Relocation" });
    expect(byJob.Staff).toMatchObject({ discussed: "Systems" });
    const leftovers = await getDb()
      .select()
      .from(processParticipants)
      .where(inArray(processParticipants.contactId, [dupA.id, dupB.id]));
    expect(leftovers).toHaveLength(0);
    expect(await listDuplicateGroups(alice.id)).toEqual([]);
  });

  it("can keep the newer record and merge the older one into it", async () => {
    const older = await makeContact(alice.id, { fullName: "Old", email: "x@y.test", title: "CTO" });
    const newer = await makeContact(alice.id, { fullName: "New", email: "x@y.test" });
    await makeInteraction(alice.id, older.id);
    const result = await getDb().transaction((tx) =>
      mergeContacts(tx, alice.id, newer.id, [older.id]),
    );
    expect(result).toEqual({ keptId: newer.id, mergedCount: 1, movedInteractions: 1 });
    expect(await getContact(alice.id, newer.id)).toMatchObject({
      fullName: "New",
      title: "CTO",
      lastContactedAt: new Date("2026-01-10T10:00:00Z"),
    });
  });

  it("rejects a merge with nothing to merge", async () => {
    const only = await makeContact(alice.id, { email: "solo@x.test" });
    const state = await mergeContactsAction(idle, form({ keepId: only.id, ids: only.id }));
    expect(state).toMatchObject({ status: "invalid", fieldErrors: { ids: expect.any(Array) } });
  });

  it("groups duplicates case-insensitively, per user, bounded per group", async () => {
    for (let index = 0; index < 12; index++) {
      await makeContact(alice.id, {
        fullName: `Copy ${index}`,
        email: index % 2 ? "Many@x.test" : "many@X.test",
        // Distinct creation times: rows inserted within one clock tick would tie, and the
        // group's order (oldest first, then id) would depend on random ids.
        createdAt: new Date(Date.UTC(2026, 0, 1, 9, 0, index)),
      });
    }
    await makeContact(alice.id, { fullName: "Unique", email: "unique@x.test" });
    await makeContact(alice.id, { fullName: "No email" });
    await makeContact(alice.id, { fullName: "No email 2" });
    await makeContact(bob.id, { fullName: "Bob's twin", email: "unique@x.test" });
    const groups = await listDuplicateGroups(alice.id);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.total).toBe(12);
    expect(groups[0]!.contacts).toHaveLength(10);
    expect(groups[0]!.contacts[0]).toMatchObject({ fullName: "Copy 0", interactionCount: 0 });
    expect(groups[0]!.contacts[0]!.createdAt).toBeInstanceOf(Date);
    expect(await listDuplicateGroups(bob.id)).toEqual([]);
  });

  describe("across users", () => {
    it("cannot merge another user's contact into one's own, or the other way round", async () => {
      const aliceContact = await makeContact(alice.id, {
        fullName: "Alice's",
        email: "same@x.test",
      });
      await makeInteraction(alice.id, aliceContact.id);
      const bobContact = await makeContact(bob.id, { fullName: "Bob's", email: "same@x.test" });
      session.user = bob;

      const pullIn = await mergeContactsAction(
        idle,
        form({ keepId: bobContact.id, ids: [bobContact.id, aliceContact.id] }),
      );
      expect(pullIn).toMatchObject({ status: "error", code: "not_found" });
      const pushOut = await mergeContactsAction(
        idle,
        form({ keepId: aliceContact.id, ids: [bobContact.id, aliceContact.id] }),
      );
      expect(pushOut).toMatchObject({ status: "error", code: "not_found" });
      await expect(
        getDb().transaction((tx) => mergeContacts(tx, alice.id, aliceContact.id, [bobContact.id])),
      ).rejects.toThrow(/not found/);

      expect(await getContact(alice.id, aliceContact.id)).toMatchObject({ fullName: "Alice's" });
      expect(await getContact(bob.id, bobContact.id)).toMatchObject({ fullName: "Bob's" });
      expect((await rowsFor(alice.id, [aliceContact.id])).interactions).toHaveLength(1);
      expect((await rowsFor(bob.id, [bobContact.id])).interactions).toHaveLength(0);
      const all = await getDb()
        .select({ id: contacts.id })
        .from(contacts)
        .where(inArray(contacts.id, [aliceContact.id, bobContact.id]));
      expect(all).toHaveLength(2);
    });
  });
});

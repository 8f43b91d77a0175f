import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databaseHandle, getDb } from "@/lib/db/client";
import { deleteAccount } from "@/lib/db/queries/account";
import {
  createContact,
  deleteContact,
  listContactTags,
  mergeContacts,
  updateContact,
} from "@/lib/db/queries/contacts";
import { contacts, contactTags } from "@/lib/db/schema";
import { createTestUser } from "../support/builders";
import { makeContact } from "../support/contact-builders";

// The tag filter reads contact_tags, which database triggers keep in step with contacts.tags.
// Every kind of write is checked against a count taken from the contacts themselves.

async function storedCounts(userId: string): Promise<Record<string, number>> {
  const rows = await getDb()
    .select({ tag: contactTags.tag, contacts: contactTags.contacts })
    .from(contactTags)
    .where(eq(contactTags.userId, userId));
  return Object.fromEntries(rows.map((row) => [row.tag, row.contacts]));
}

async function countedFromContacts(userId: string): Promise<Record<string, number>> {
  const rows = await getDb()
    .select({ tags: contacts.tags })
    .from(contacts)
    .where(eq(contacts.userId, userId));
  const counts: Record<string, number> = {};
  for (const row of rows) for (const tag of row.tags) counts[tag] = (counts[tag] ?? 0) + 1;
  return counts;
}

async function expectInStep(userId: string, expected: Record<string, number>) {
  expect(await countedFromContacts(userId)).toEqual(expected);
  expect(await storedCounts(userId)).toEqual(expected);
  expect(await listContactTags(userId)).toEqual(Object.keys(expected).sort());
}

const values = (tags: string[]) => ({
  fullName: "Dana Reyes",
  title: null,
  email: null,
  phone: null,
  linkedinUrl: null,
  companyId: null,
  notes: null,
  tags,
});

describe("contact tags", () => {
  it("follow inserts, tag edits, other edits and deletes", async () => {
    const user = await createTestUser();
    const dana = await createContact(getDb(), user.id, values(["warm", "manager"]));
    const lee = await createContact(getDb(), user.id, values(["warm"]));
    await expectInStep(user.id, { warm: 2, manager: 1 });

    await updateContact(getDb(), user.id, dana.id, values(["manager", "agency"]));
    await expectInStep(user.id, { warm: 1, manager: 1, agency: 1 });

    // An edit that leaves the tags alone changes no count.
    await getDb()
      .update(contacts)
      .set({ lastContactedAt: new Date("2026-03-01T10:00:00Z") })
      .where(eq(contacts.id, lee.id));
    await expectInStep(user.id, { warm: 1, manager: 1, agency: 1 });

    expect(await deleteContact(getDb(), user.id, lee.id)).toBe(true);
    await expectInStep(user.id, { manager: 1, agency: 1 });
    await updateContact(getDb(), user.id, dana.id, values([]));
    await expectInStep(user.id, {});
  });

  it("follow a many-row insert and a merge", async () => {
    const user = await createTestUser();
    await getDb()
      .insert(contacts)
      .values(
        Array.from({ length: 250 }, (_, index) => ({
          userId: user.id,
          fullName: `Imported ${index}`,
          tags: index % 2 === 0 ? ["imported", "even"] : ["imported"],
        })),
      );
    await expectInStep(user.id, { imported: 250, even: 125 });

    const keep = await makeContact(user.id, { fullName: "Sam Ortiz", tags: ["recruiter"] });
    const other = await makeContact(user.id, { fullName: "Sam Ortiz", tags: ["agency"] });
    await getDb().transaction((tx) => mergeContacts(tx, user.id, keep.id, [other.id]));
    await expectInStep(user.id, { imported: 250, even: 125, recruiter: 1, agency: 1 });
  });

  it("stay per user, and go with a deleted account", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    await makeContact(alice.id, { fullName: "Dana Reyes", tags: ["warm", "shared"] });
    await makeContact(bob.id, { fullName: "Lee Park", tags: ["shared"] });
    await expectInStep(alice.id, { warm: 1, shared: 1 });
    await expectInStep(bob.id, { shared: 1 });

    expect(await deleteAccount(getDb(), alice.id)).toBe(true);
    expect(await storedCounts(alice.id)).toEqual({});
    await expectInStep(bob.id, { shared: 1 });
  });

  it("lists at most the limit, alphabetically", async () => {
    const user = await createTestUser();
    await makeContact(user.id, {
      fullName: "Many Tags",
      tags: ["delta", "alpha", "charlie", "bravo"],
    });
    expect(await listContactTags(user.id, 3)).toEqual(["alpha", "bravo", "charlie"]);
  });

  // Two transactions of one user, each writing tagged contacts in two statements, in the
  // opposite order of tags. Without the per-user lock the triggers take, each would hold one
  // tag's count row and wait for the other's: Postgres aborts one as a deadlock. PGlite has one
  // connection, so its transactions never overlap and cannot be interleaved like this.
  it.skipIf(databaseHandle().driver === "pglite")(
    "lets two transactions writing the same tags in opposite orders both finish",
    async () => {
      const user = await createTestUser();
      const insertTagged = (executor: Pick<ReturnType<typeof getDb>, "insert">, tag: string) =>
        executor
          .insert(contacts)
          .values({ userId: user.id, fullName: `Tagged ${tag}`, tags: [tag] });
      let firstWrote!: () => void;
      const firstHasWritten = new Promise<void>((resolve) => {
        firstWrote = resolve;
      });
      const first = getDb().transaction(async (tx) => {
        await insertTagged(tx, "alpha");
        firstWrote();
        // Give the other transaction time to write "bravo" before this one wants it.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await insertTagged(tx, "bravo");
      });
      const second = firstHasWritten.then(() =>
        getDb().transaction(async (tx) => {
          await insertTagged(tx, "bravo");
          await insertTagged(tx, "alpha");
        }),
      );
      await Promise.all([first, second]);
      await expectInStep(user.id, { alpha: 2, bravo: 2 });
    },
  );
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getContact } from "@/lib/db/queries/contacts";
import {
  getInteraction,
  insertInteractions,
  listContactInteractions,
  refreshLastContacted,
} from "@/lib/db/queries/interactions";
import type { SessionUser } from "@/lib/db/queries/users";
import { interactions } from "@/lib/db/schema";
import { createTestUser } from "../support/builders";
import {
  form,
  makeApplication,
  makeCompany,
  makeContact,
  makeInteraction,
  redirectedTo,
} from "../support/contact-builders";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const {
  createInteractionAction,
  updateInteractionAction,
  deleteInteractionAction,
  deleteInteractionFromForm,
} = await import("@/app/(app)/contacts/actions");

const idle = { status: "idle" } as const;

const lastContacted = async (userId: string, contactId: string) =>
  (await getContact(userId, contactId))?.lastContactedAt ?? null;

describe("interaction actions", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeEach(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    session.user = alice;
  });

  it("logs an interaction at the user's local time and updates last contacted", async () => {
    const company = await makeCompany(alice.id);
    const app = await makeApplication(alice.id, company.id, { jobTitle: "Designer" });
    const contact = await makeContact(alice.id);
    const state = await createInteractionAction(
      idle,
      form({
        contactId: contact.id,
        kind: "interview",
        occurredAt: "2026-02-10T15:30",
        timezoneOffset: "-60",
        summary: "Portfolio review",
        applicationId: app.id,
      }),
    );
    expect(state.status).toBe("success");
    const id = state.status === "success" ? state.data.id : "";
    expect(await getInteraction(alice.id, id)).toMatchObject({
      contactId: contact.id,
      contactName: "Dana Reyes",
      kind: "interview",
      occurredAt: new Date("2026-02-10T14:30:00.000Z"),
      summary: "Portfolio review",
      applicationId: app.id,
    });
    expect(await lastContacted(alice.id, contact.id)).toEqual(new Date("2026-02-10T14:30:00.000Z"));

    // An older one does not move "last contacted" back.
    await createInteractionAction(
      idle,
      form({
        contactId: contact.id,
        kind: "email",
        occurredAt: "2026-01-01T09:00",
        applicationId: "",
      }),
    );
    expect(await lastContacted(alice.id, contact.id)).toEqual(new Date("2026-02-10T14:30:00.000Z"));

    const timeline = await listContactInteractions(alice.id, contact.id);
    expect(timeline.rows.map((row) => [row.kind, row.jobTitle, row.companyName])).toEqual([
      ["interview", "Designer", "Acme"],
      ["email", null, null],
    ]);
  });

  it("rejects a missing date or kind with field errors", async () => {
    const contact = await makeContact(alice.id);
    const state = await createInteractionAction(
      idle,
      form({ contactId: contact.id, kind: "séance", occurredAt: "" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { kind: expect.any(Array), occurredAt: expect.any(Array) },
    });
  });

  it("edits an interaction and recomputes last contacted both ways", async () => {
    const contact = await makeContact(alice.id);
    const [older, newer] = await insertInteractions(getDb(), alice.id, [
      { contactId: contact.id, kind: "call", occurredAt: new Date("2026-01-05T10:00:00Z") },
      { contactId: contact.id, kind: "coffee", occurredAt: new Date("2026-01-20T10:00:00Z") },
    ]);
    expect(await lastContacted(alice.id, contact.id)).toEqual(new Date("2026-01-20T10:00:00Z"));

    // Moving the newest one back in time makes the other one the latest.
    const target = await redirectedTo(
      updateInteractionAction(
        idle,
        form({
          id: newer!.id,
          kind: "meeting",
          occurredAt: "2025-12-01T08:00",
          timezoneOffset: "0",
          summary: "Moved",
          applicationId: "",
        }),
      ),
    );
    expect(target).toBe(`/contacts/${contact.id}`);
    expect(await getInteraction(alice.id, newer!.id)).toMatchObject({
      kind: "meeting",
      summary: "Moved",
      occurredAt: new Date("2025-12-01T08:00:00Z"),
    });
    expect(await lastContacted(alice.id, contact.id)).toEqual(new Date("2026-01-05T10:00:00Z"));

    // Moving the older one forward makes it the latest.
    await redirectedTo(
      updateInteractionAction(
        idle,
        form({ id: older!.id, kind: "call", occurredAt: "2026-02-01T12:00", applicationId: "" }),
      ),
    );
    expect(await lastContacted(alice.id, contact.id)).toEqual(new Date("2026-02-01T12:00:00Z"));
  });

  it("deletes an interaction and recomputes last contacted, down to never", async () => {
    const contact = await makeContact(alice.id);
    const [first, second] = await insertInteractions(getDb(), alice.id, [
      { contactId: contact.id, kind: "call", occurredAt: new Date("2026-01-05T10:00:00Z") },
      { contactId: contact.id, kind: "coffee", occurredAt: new Date("2026-01-20T10:00:00Z") },
    ]);
    expect(await redirectedTo(deleteInteractionAction(idle, form({ id: second!.id })))).toBe(
      `/contacts/${contact.id}`,
    );
    expect(await lastContacted(alice.id, contact.id)).toEqual(new Date("2026-01-05T10:00:00Z"));
    expect(await redirectedTo(deleteInteractionFromForm(form({ id: first!.id })))).toBe(
      `/contacts/${contact.id}`,
    );
    expect(await lastContacted(alice.id, contact.id)).toBeNull();
    expect(await getInteraction(alice.id, first!.id)).toBeUndefined();
  });

  describe("across users", () => {
    it("cannot log on another user's contact or link another user's application", async () => {
      const aliceCompany = await makeCompany(alice.id);
      const aliceApp = await makeApplication(alice.id, aliceCompany.id);
      const aliceContact = await makeContact(alice.id);
      const bobContact = await makeContact(bob.id, { fullName: "Bob's Contact" });
      session.user = bob;

      const onAliceContact = await createInteractionAction(
        idle,
        form({ contactId: aliceContact.id, kind: "call", occurredAt: "2026-01-01T10:00" }),
      );
      expect(onAliceContact).toMatchObject({ status: "error", code: "not_found" });

      const linkAliceApp = await createInteractionAction(
        idle,
        form({
          contactId: bobContact.id,
          kind: "call",
          occurredAt: "2026-01-01T10:00",
          applicationId: aliceApp.id,
        }),
      );
      expect(linkAliceApp).toMatchObject({ status: "error", code: "not_found" });
      expect(await listContactInteractions(bob.id, bobContact.id)).toEqual({
        rows: [],
        hasMore: false,
      });
      expect(await listContactInteractions(alice.id, aliceContact.id)).toEqual({
        rows: [],
        hasMore: false,
      });
      expect(await lastContacted(alice.id, aliceContact.id)).toBeNull();
    });

    it("cannot read, edit, relink or delete another user's interaction", async () => {
      const aliceContact = await makeContact(alice.id);
      const [aliceInteraction] = await insertInteractions(getDb(), alice.id, [
        {
          contactId: aliceContact.id,
          kind: "call",
          occurredAt: new Date("2026-01-05T10:00:00Z"),
          summary: "Original",
        },
      ]);
      const bobCompany = await makeCompany(bob.id);
      const bobApp = await makeApplication(bob.id, bobCompany.id);
      session.user = bob;

      expect(await getInteraction(bob.id, aliceInteraction!.id)).toBeUndefined();
      expect((await listContactInteractions(bob.id, aliceContact.id)).rows).toEqual([]);

      const edit = await updateInteractionAction(
        idle,
        form({
          id: aliceInteraction!.id,
          kind: "email",
          occurredAt: "2026-03-01T10:00",
          applicationId: "",
        }),
      );
      expect(edit).toMatchObject({ status: "error", code: "not_found" });
      const relink = await updateInteractionAction(
        idle,
        form({
          id: aliceInteraction!.id,
          kind: "email",
          occurredAt: "2026-03-01T10:00",
          applicationId: bobApp.id,
        }),
      );
      expect(relink).toMatchObject({ status: "error", code: "not_found" });
      const remove = await deleteInteractionAction(idle, form({ id: aliceInteraction!.id }));
      expect(remove).toMatchObject({ status: "error", code: "not_found" });
      expect(
        await redirectedTo(deleteInteractionFromForm(form({ id: aliceInteraction!.id }))),
      ).toBe("/contacts");

      expect(await getInteraction(alice.id, aliceInteraction!.id)).toMatchObject({
        kind: "call",
        summary: "Original",
        applicationId: null,
        occurredAt: new Date("2026-01-05T10:00:00Z"),
      });
      expect(await lastContacted(alice.id, aliceContact.id)).toEqual(
        new Date("2026-01-05T10:00:00Z"),
      );
    });

    it("refreshLastContacted only touches the given user's contacts", async () => {
      const aliceContact = await makeContact(alice.id);
      await makeInteraction(alice.id, aliceContact.id, {
        occurredAt: new Date("2026-01-05T10:00:00Z"),
      });
      await refreshLastContacted(getDb(), bob.id, [aliceContact.id]);
      expect(await lastContacted(alice.id, aliceContact.id)).toBeNull();
      await refreshLastContacted(getDb(), alice.id, [aliceContact.id]);
      expect(await lastContacted(alice.id, aliceContact.id)).toEqual(
        new Date("2026-01-05T10:00:00Z"),
      );
    });
  });
});

describe("timeline paging", () => {
  it("pages newest first with a cursor that survives equal timestamps", async () => {
    const user = await createTestUser();
    const contact = await makeContact(user.id);
    const base = Date.UTC(2026, 0, 1);
    await insertInteractions(
      getDb(),
      user.id,
      // 120 interactions, three per moment: ties must not be skipped or repeated across pages.
      Array.from({ length: 120 }, (_, index) => ({
        contactId: contact.id,
        kind: "email" as const,
        occurredAt: new Date(base + Math.floor(index / 3) * 3_600_000),
        summary: `#${index}`,
      })),
    );
    const seen: string[] = [];
    let before: { occurredAt: Date; id: string } | undefined;
    let pages = 0;
    for (;;) {
      const page = await listContactInteractions(user.id, contact.id, { before });
      pages += 1;
      seen.push(...page.rows.map((row) => row.id));
      const times = page.rows.map((row) => row.occurredAt.getTime());
      expect(times).toEqual([...times].sort((a, b) => b - a));
      if (!page.hasMore) break;
      const last = page.rows.at(-1)!;
      before = { occurredAt: last.occurredAt, id: last.id };
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(120);
    const all = await getDb()
      .select({ id: interactions.id })
      .from(interactions)
      .where(eq(interactions.contactId, contact.id));
    expect(all).toHaveLength(120);
    expect(await lastContacted(user.id, contact.id)).toEqual(new Date(base + 39 * 3_600_000));
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { listOpenFollowUps } from "@/lib/db/queries/follow-ups";
import type { SessionUser } from "@/lib/db/queries/users";
import { followUps } from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import { idle } from "@/lib/validations/form";
import { formData, insertContact } from "../support/application-builders";
import { createTestUser } from "../support/builders";
import {
  dayFrom,
  followUpsById,
  followUpsOfContact,
  insertFollowUp,
} from "../support/dashboard-builders";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const actions = await import("@/app/(app)/dashboard/follow-up-actions");

const today = todayIso();
let alice: SessionUser;
let bob: SessionUser;
let contactId: string;

beforeEach(async () => {
  alice = await createTestUser({ name: "Alice Runner" });
  bob = await createTestUser({ name: "Bob Intruder" });
  session.user = alice;
  contactId = (await insertContact(alice.id, { fullName: "Dana Reyes" })).id;
});

const plusMonth = (day: string) => {
  const date = new Date(`${day}T12:00:00`);
  date.setMonth(date.getMonth() + 1);
  return todayIso(date);
};

describe("follow-up actions", () => {
  it("marks a follow-up done, with the moment it was done", async () => {
    const followUp = await insertFollowUp(alice.id, contactId, today);
    const result = await actions.completeFollowUpAction(idle, formData({ id: followUp.id }));
    expect(result.status).toBe("success");
    const [row] = await followUpsById([followUp.id]);
    expect(row).toMatchObject({ status: "done" });
    expect(row?.completedAt).toBeInstanceOf(Date);
  });

  it("skips a follow-up", async () => {
    const followUp = await insertFollowUp(alice.id, contactId, today);
    await actions.skipFollowUpAction(idle, formData({ id: followUp.id }));
    expect((await followUpsById([followUp.id]))[0]).toMatchObject({ status: "skipped" });
  });

  it("snoozes by a week or a month, from today when it is overdue", async () => {
    const overdue = await insertFollowUp(alice.id, contactId, dayFrom(today, -10));
    const later = await insertFollowUp(alice.id, contactId, dayFrom(today, 20));
    const week = await actions.snoozeFollowUpAction(idle, formData({ id: overdue.id, by: "week" }));
    expect(week).toMatchObject({ status: "success" });
    const month = await actions.snoozeFollowUpAction(idle, formData({ id: later.id, by: "month" }));
    expect(month).toMatchObject({ status: "success" });
    const rows = await followUpsById([overdue.id, later.id]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(overdue.id)).toMatchObject({ status: "open", dueOn: dayFrom(today, 7) });
    expect(byId.get(later.id)).toMatchObject({
      status: "open",
      dueOn: plusMonth(dayFrom(today, 20)),
    });
  });

  it("refuses to snooze a follow-up that is already done, and an unknown period", async () => {
    const done = await insertFollowUp(alice.id, contactId, today, { status: "done" });
    const result = await actions.snoozeFollowUpAction(idle, formData({ id: done.id, by: "week" }));
    expect(result).toMatchObject({ status: "error", code: "not_found" });
    const open = await insertFollowUp(alice.id, contactId, today);
    const invalid = await actions.snoozeFollowUpAction(idle, formData({ id: open.id, by: "year" }));
    expect(invalid.status).toBe("invalid");
    expect((await followUpsById([open.id]))[0]?.dueOn).toBe(today);
  });

  it("adds a follow-up by hand, and says what is missing", async () => {
    const created = await actions.createFollowUpAction(
      idle,
      formData({ contactId, dueOn: dayFrom(today, 14), reason: "  Ask about the launch " }),
    );
    expect(created).toMatchObject({ status: "success" });
    expect(await followUpsOfContact(contactId)).toEqual([
      expect.objectContaining({
        dueOn: dayFrom(today, 14),
        reason: "Ask about the launch",
        origin: "manual",
        status: "open",
      }),
    ]);

    const invalid = await actions.createFollowUpAction(
      idle,
      formData({ contactId, dueOn: "next week", reason: "" }),
    );
    expect(invalid.status).toBe("invalid");
    if (invalid.status === "invalid") {
      expect(Object.keys(invalid.fieldErrors).sort()).toEqual(["dueOn", "reason"]);
      expect(invalid.values.dueOn).toBe("next week");
    }
    expect(await followUpsOfContact(contactId)).toHaveLength(1);
  });

  it("lists every open follow-up, earliest first, a page at a time", async () => {
    for (let day = 0; day < 5; day++)
      await insertFollowUp(alice.id, contactId, dayFrom(today, day));
    await insertFollowUp(alice.id, contactId, dayFrom(today, -1), { status: "done" });
    const first = await listOpenFollowUps(alice.id, { page: 1 }, 3);
    expect(first.hasNext).toBe(true);
    expect(first.rows.map((row) => row.dueOn)).toEqual([0, 1, 2].map((n) => dayFrom(today, n)));
    const second = await listOpenFollowUps(alice.id, { page: 2 }, 3);
    expect(second).toMatchObject({ hasNext: false });
    expect(second.rows.map((row) => row.dueOn)).toEqual([3, 4].map((n) => dayFrom(today, n)));
    expect(second.rows[0]).toMatchObject({ contactName: "Dana Reyes", contactId });
  });
});

describe("tenant isolation", () => {
  it("gives another user not found for every follow-up action, and changes nothing", async () => {
    const followUp = await insertFollowUp(alice.id, contactId, dayFrom(today, 3));
    session.user = bob;
    const attempts = [
      actions.completeFollowUpAction(idle, formData({ id: followUp.id })),
      actions.skipFollowUpAction(idle, formData({ id: followUp.id })),
      actions.snoozeFollowUpAction(idle, formData({ id: followUp.id, by: "month" })),
      actions.createFollowUpAction(
        idle,
        formData({ contactId, dueOn: today, reason: "Not my contact" }),
      ),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ status: "error", code: "not_found" });
    }
    expect(await followUpsOfContact(contactId)).toEqual([
      expect.objectContaining({ id: followUp.id, status: "open", dueOn: dayFrom(today, 3) }),
    ]);
    expect(await getDb().select().from(followUps).where(eq(followUps.userId, bob.id))).toEqual([]);
    expect((await listOpenFollowUps(bob.id)).rows).toEqual([]);
  });

  it("refuses actions without a session", async () => {
    const followUp = await insertFollowUp(alice.id, contactId, today);
    session.user = null;
    const result = await actions.completeFollowUpAction(idle, formData({ id: followUp.id }));
    expect(result).toMatchObject({ status: "error", code: "unauthenticated" });
    expect((await followUpsById([followUp.id]))[0]).toMatchObject({ status: "open" });
  });
});

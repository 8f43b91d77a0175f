import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  getDashboardState,
  getOutcomes,
  listDueFollowUps,
  listGoingCold,
  listUnsentThankYous,
  listWorthNurturing,
  loadDashboard,
} from "@/lib/db/queries/dashboard";
import { markNoteSent } from "@/lib/db/queries/notes";
import type { SessionUser } from "@/lib/db/queries/users";
import { contacts, users } from "@/lib/db/schema";
import { loadSampleSet } from "@/lib/demo/seed";
import { todayIso } from "@/lib/format";
import { idle } from "@/lib/validations/form";
import { formData, insertContact } from "../support/application-builders";
import { createTestUser } from "../support/builders";
import {
  dayFrom,
  followUpsOfContact,
  insertFollowUp,
  insertNote,
  insertOpening,
  logInteraction,
  rejectedProcess,
} from "../support/dashboard-builders";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const notesActions = await import("@/app/(app)/notes/actions");
const contactActions = await import("@/app/(app)/contacts/actions");

const today = todayIso();
let alice: SessionUser;
let bob: SessionUser;

beforeEach(async () => {
  alice = await createTestUser({ name: "Alice Runner" });
  bob = await createTestUser({ name: "Bob Intruder" });
  session.user = alice;
});

const names = (rows: { fullName: string }[]) => rows.map((row) => row.fullName);

describe("worth nurturing", () => {
  it("puts the rejected final-round hiring manager of the sample data at the top, with reasons", async () => {
    await loadSampleSet(getDb(), alice.id);
    const rows = await listWorthNurturing(alice.id, { today });
    expect(rows[0]?.fullName).toBe("Dana Whitfield");
    const top = rows[0]!.assessment;
    expect(top.reasons).toEqual(
      expect.arrayContaining([
        "hiring manager",
        "you were their second choice",
        "a new opening at their company",
      ]),
    );
    expect(top.action).toMatchObject({ kind: "thank_you", label: "Send the thank-you note" });
    expect(top.actionApplicationId).toBeTruthy();
    // The recruiter next, then the interviewers; people of running processes are not ranked.
    expect(names(rows).slice(0, 4)).toEqual([
      "Dana Whitfield",
      "Marcus Oyelaran",
      expect.any(String),
      expect.any(String),
    ]);
    expect(names(rows)).not.toContain("Samuel Okafor");
    for (const row of rows) {
      expect(row.assessment.score).toBeGreaterThan(0);
      expect(row.assessment.score).toBeLessThanOrEqual(100);
      expect(row.assessment.reasons.length).toBeGreaterThan(0);
    }
  });

  it("raises a contact who replied above an otherwise identical one", async () => {
    const { people, application } = await rejectedProcess(alice.id, today, {
      daysAgo: 40,
      people: [
        { name: "Ana Quiet", role: "interviewer" },
        { name: "Ben Replied", role: "interviewer" },
      ],
    });
    const before = await listWorthNurturing(alice.id, { today });
    const benBefore = before.find((row) => row.fullName === "Ben Replied")!.assessment.score;
    await logInteraction(
      alice.id,
      people["Ben Replied"]!,
      "reply_received",
      new Date(`${dayFrom(today, -3)}T10:00:00`),
      application.id,
    );
    const after = await listWorthNurturing(alice.id, { today });
    expect(names(after)).toEqual(["Ben Replied", "Ana Quiet"]);
    expect(after[0]!.assessment.score).toBeGreaterThan(benBefore);
    expect(after[0]!.assessment.reasons).toContain("replied to you");
  });

  it("ranks a hiring manager above an interviewer, and suggests asking about a new opening", async () => {
    const { people, company } = await rejectedProcess(alice.id, today, {
      daysAgo: 60,
      furthest: "final_round",
      people: [
        { name: "Ivy Interviewer", role: "interviewer" },
        { name: "Hal Manager", role: "hiring_manager" },
      ],
    });
    for (const id of Object.values(people)) await insertNote(alice.id, id, null);
    await insertOpening(alice.id, company.id, dayFrom(today, -2));
    const rows = await listWorthNurturing(alice.id, { today });
    expect(names(rows)).toEqual(["Hal Manager", "Ivy Interviewer"]);
    expect(rows[0]!.assessment.reasons).toContain("a new opening at their company");
    // The note for this process was never sent (the notes above are not about it).
    expect(rows[0]!.assessment.action.kind).toBe("ask_opening");
  });

  it("leaves out processes that never got to interviews, and long-past ones", async () => {
    await rejectedProcess(alice.id, today, {
      daysAgo: 10,
      furthest: "screening",
      people: [{ name: "Sam Screener", role: "recruiter" }],
    });
    await rejectedProcess(alice.id, today, {
      daysAgo: 900,
      people: [{ name: "Old Timer", role: "hiring_manager" }],
    });
    expect(await listWorthNurturing(alice.id, { today })).toEqual([]);
  });

  it("brings in people with a follow-up due soon even outside a recent process", async () => {
    const friend = await insertContact(alice.id, { fullName: "Fran Friend" });
    await insertFollowUp(alice.id, friend.id, dayFrom(today, 2), { reason: "Coffee catch-up" });
    const [row] = await listWorthNurturing(alice.id, { today });
    expect(row?.fullName).toBe("Fran Friend");
    expect(row?.assessment.action).toMatchObject({
      kind: "check_in",
      dueOn: dayFrom(today, 2),
      detail: "Coffee catch-up",
    });
  });
});

describe("thank-you notes not sent yet", () => {
  it("lists recent rejections with the people still owed a note, until each is sent", async () => {
    const { application, people } = await rejectedProcess(alice.id, today, {
      daysAgo: 3,
      people: [
        { name: "Zed Interviewer", role: "interviewer" },
        { name: "Hana Manager", role: "hiring_manager" },
      ],
    });
    await rejectedProcess(alice.id, today, {
      daysAgo: 30,
      people: [{ name: "Too Late", role: "recruiter" }],
    });
    let result = await listUnsentThankYous(alice.id, { today });
    expect(result.rows).toHaveLength(1);
    const [row] = result.rows;
    expect(row).toMatchObject({
      applicationId: application.id,
      rejectedOn: application.rejectedOn,
      dueOn: dayFrom(application.rejectedOn, 2),
      unsentCount: 2,
      hasDrafts: false,
    });
    // Hiring manager first.
    expect(row!.people.map((person) => person.fullName)).toEqual([
      "Hana Manager",
      "Zed Interviewer",
    ]);

    const draft = await insertNote(alice.id, people["Hana Manager"]!, application.id, {
      status: "draft",
    });
    result = await listUnsentThankYous(alice.id, { today });
    expect(result.rows[0]).toMatchObject({ unsentCount: 2, hasDrafts: true });
    expect(result.rows[0]!.people[0]).toMatchObject({ fullName: "Hana Manager", hasDraft: true });

    await getDb().transaction((tx) => markNoteSent(tx, alice.id, draft.id, today));
    result = await listUnsentThankYous(alice.id, { today });
    expect(result.rows[0]!.people.map((person) => person.fullName)).toEqual(["Zed Interviewer"]);

    // A note sent about another process does not count for this one.
    await insertNote(alice.id, people["Zed Interviewer"]!, null);
    expect((await listUnsentThankYous(alice.id, { today })).rows).toHaveLength(1);
    await insertNote(alice.id, people["Zed Interviewer"]!, application.id);
    expect((await listUnsentThankYous(alice.id, { today })).rows).toEqual([]);
  });
});

describe("due follow-ups", () => {
  it("shows open follow-ups due within a week or overdue, earliest first, capped", async () => {
    const dana = await insertContact(alice.id, { fullName: "Dana Due" });
    const overdue = await insertFollowUp(alice.id, dana.id, dayFrom(today, -3));
    const soon = await insertFollowUp(alice.id, dana.id, dayFrom(today, 6));
    await insertFollowUp(alice.id, dana.id, dayFrom(today, 8));
    await insertFollowUp(alice.id, dana.id, dayFrom(today, -1), { status: "done" });
    const result = await listDueFollowUps(alice.id, { today });
    expect(result.rows.map((row) => row.id)).toEqual([overdue.id, soon.id]);
    expect(result.rows[0]).toMatchObject({ contactName: "Dana Due", reason: "Check in" });
    expect(result.hasMore).toBe(false);
    const capped = await listDueFollowUps(alice.id, { today, limit: 1 });
    expect(capped).toMatchObject({ hasMore: true });
    expect(capped.rows).toHaveLength(1);
  });
});

describe("going cold", () => {
  it("lists valuable people not in touch for 90 days, most recently cold first", async () => {
    const { people } = await rejectedProcess(alice.id, today, {
      daysAgo: 200,
      people: [
        { name: "Cold Manager", role: "hiring_manager" },
        { name: "Colder Recruiter", role: "recruiter" },
        { name: "Cold Interviewer", role: "interviewer" },
        { name: "Warm Manager", role: "hiring_manager" },
      ],
    });
    const at = (days: number) => new Date(`${dayFrom(today, -days)}T10:00:00`);
    await logInteraction(alice.id, people["Cold Manager"]!, "call", at(100));
    await logInteraction(alice.id, people["Colder Recruiter"]!, "email", at(150));
    await logInteraction(alice.id, people["Cold Interviewer"]!, "interview", at(120));
    await logInteraction(alice.id, people["Warm Manager"]!, "coffee", at(20));
    const { rows } = await listGoingCold(alice.id, { today });
    expect(names(rows)).toEqual(["Cold Manager", "Colder Recruiter"]);
    expect(rows[0]).toMatchObject({ role: "hiring_manager", finalist: false });

    // From a process that reached the final round, an interviewer is worth keeping too.
    const finalist = await rejectedProcess(alice.id, today, {
      daysAgo: 200,
      furthest: "final_round",
      people: [{ name: "Final Interviewer", role: "interviewer" }],
    });
    await logInteraction(alice.id, finalist.people["Final Interviewer"]!, "interview", at(95));
    const again = await listGoingCold(alice.id, { today });
    expect(names(again.rows)[0]).toBe("Final Interviewer");
    expect(again.rows[0]).toMatchObject({ finalist: true });
  });
});

describe("outcomes", () => {
  it("counts notes sent, replies, interviews and offers by month and by role", async () => {
    const { people, application } = await rejectedProcess(alice.id, today, {
      daysAgo: 100,
      people: [
        { name: "Mia Manager", role: "hiring_manager" },
        { name: "Rex Recruiter", role: "recruiter" },
        { name: "Ida Interviewer", role: "interviewer" },
      ],
    });
    const thisMonth = new Date(`${today}T09:00:00`);
    const twoMonthsAgo = new Date(`${dayFrom(today, -62)}T09:00:00`);
    await insertNote(alice.id, people["Mia Manager"]!, application.id, {
      sentAt: thisMonth,
      outcome: "offer",
    });
    await insertNote(alice.id, people["Rex Recruiter"]!, application.id, {
      sentAt: thisMonth,
      outcome: "replied",
    });
    await insertNote(alice.id, people["Ida Interviewer"]!, application.id, {
      sentAt: twoMonthsAgo,
      outcome: "no_reply",
    });
    await insertNote(alice.id, people["Ida Interviewer"]!, null, {
      sentAt: twoMonthsAgo,
      outcome: "interview",
    });
    // Not counted: a draft, and a note from over a year ago.
    await insertNote(alice.id, people["Ida Interviewer"]!, application.id, { status: "draft" });
    await insertNote(alice.id, people["Ida Interviewer"]!, application.id, {
      sentAt: new Date(`${dayFrom(today, -400)}T09:00:00`),
      outcome: "offer",
    });

    const outcomes = await getOutcomes(alice.id, { today });
    expect(outcomes.months).toHaveLength(12);
    expect(outcomes.months.at(-1)).toMatchObject({
      month: today.slice(0, 7),
      sent: 2,
      replies: 2,
      interviews: 1,
      offers: 1,
    });
    const earlier = outcomes.months.find(
      (month) => month.month === dayFrom(today, -62).slice(0, 7),
    );
    expect(earlier).toMatchObject({ sent: 2, replies: 1, interviews: 1, offers: 0 });
    expect(outcomes.totals).toEqual({ sent: 4, replies: 3, interviews: 2, offers: 1 });
    expect(outcomes.byRole).toEqual([
      { role: "hiring_manager", sent: 1, replies: 1, interviews: 1, offers: 1 },
      { role: "recruiter", sent: 1, replies: 1, interviews: 0, offers: 0 },
      { role: "interviewer", sent: 1, replies: 0, interviews: 0, offers: 0 },
      { role: null, sent: 1, replies: 1, interviews: 1, offers: 0 },
    ]);
    expect(outcomes.capped).toBe(false);
  });
});

describe("follow-up cadence", () => {
  it("uses the contact's cadence, else the user's, when a note is marked sent", async () => {
    const { application, people } = await rejectedProcess(alice.id, today, {
      daysAgo: 1,
      people: [
        { name: "Own Cadence", role: "hiring_manager" },
        { name: "User Cadence", role: "recruiter" },
      ],
    });
    const settings = await notesActions.updateSettings(
      idle,
      formData({ name: "Alice Runner", signature: "", tone: "warm", cadenceMonths: "4, 2, 2" }),
    );
    expect(settings.status).toBe("success");
    const [stored] = await getDb()
      .select({ cadence: users.cadenceMonths })
      .from(users)
      .where(eq(users.id, alice.id));
    expect(stored?.cadence).toEqual([2, 4]);

    await expect(
      contactActions.updateContactAction(
        idle,
        formData({
          id: people["Own Cadence"],
          fullName: "Own Cadence",
          tags: "",
          cadenceMonths: "9",
        }),
      ),
    ).rejects.toThrow(/NEXT_REDIRECT/);

    for (const name of ["Own Cadence", "User Cadence"]) {
      const draft = await insertNote(alice.id, people[name]!, application.id, { status: "draft" });
      const sent = await notesActions.markSent(idle, formData({ id: draft.id, sentOn: today }));
      expect(sent.status).toBe("success");
    }
    const rejectedOn = application.rejectedOn;
    const months = (n: number) => {
      const date = new Date(`${rejectedOn}T12:00:00`);
      date.setMonth(date.getMonth() + n);
      return todayIso(date);
    };
    expect((await followUpsOfContact(people["Own Cadence"]!)).map((row) => row.dueOn)).toEqual([
      months(9),
    ]);
    expect((await followUpsOfContact(people["User Cadence"]!)).map((row) => row.dueOn)).toEqual([
      months(2),
      months(4),
    ]);
  });

  it("refuses a malformed cadence and clears it when left empty", async () => {
    const bad = await notesActions.updateSettings(
      idle,
      formData({ name: "Alice", signature: "", tone: "warm", cadenceMonths: "1, soon, 99" }),
    );
    expect(bad.status).toBe("invalid");
    expect(bad.status === "invalid" && bad.fieldErrors.cadenceMonths?.[0]).toMatch(/whole months/);

    const contact = await insertContact(alice.id, { fullName: "Cleared" });
    await getDb()
      .update(contacts)
      .set({ cadenceMonths: [3] })
      .where(eq(contacts.id, contact.id));
    const invalid = await contactActions.updateContactAction(
      idle,
      formData({ id: contact.id, fullName: "Cleared", tags: "", cadenceMonths: "0" }),
    );
    expect(invalid.status).toBe("invalid");
    await expect(
      contactActions.updateContactAction(
        idle,
        formData({ id: contact.id, fullName: "Cleared", tags: "", cadenceMonths: "" }),
      ),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    const [row] = await getDb()
      .select({ cadence: contacts.cadenceMonths })
      .from(contacts)
      .where(eq(contacts.id, contact.id));
    expect(row?.cadence).toBeNull();
  });
});

describe("tenant isolation", () => {
  it("shows another user's dashboard none of this user's data", async () => {
    await loadSampleSet(getDb(), alice.id);
    const dana = await insertContact(alice.id, { fullName: "Alice's Friend" });
    await insertFollowUp(alice.id, dana.id, today);
    await logInteraction(alice.id, dana.id, "reply_received", new Date());
    const own = await loadDashboard(alice.id, { today });
    expect(own.worthNurturing.length).toBeGreaterThan(0);
    expect(own.dueFollowUps.rows.length).toBeGreaterThan(0);
    expect(own.unsentNotes.rows.length).toBeGreaterThan(0);

    const theirs = await loadDashboard(bob.id, { today });
    expect(theirs.state).toEqual({
      hasCompanies: false,
      hasContacts: false,
      hasApplications: false,
      hasRejections: false,
    });
    expect(theirs.worthNurturing).toEqual([]);
    expect(theirs.dueFollowUps.rows).toEqual([]);
    expect(theirs.unsentNotes.rows).toEqual([]);
    expect(theirs.goingCold.rows).toEqual([]);
    expect(theirs.outcomes.totals).toEqual({ sent: 0, replies: 0, interviews: 0, offers: 0 });
    expect(await getDashboardState(alice.id)).toMatchObject({ hasApplications: true });
  });

  it("does not let another user's cadence or contact change what a note schedules", async () => {
    const { application, people } = await rejectedProcess(alice.id, today, {
      daysAgo: 1,
      people: [{ name: "Target", role: "hiring_manager" }],
    });
    session.user = bob;
    // Bob edits Alice's contact: not found, and nothing changes.
    const result = await contactActions.updateContactAction(
      idle,
      formData({ id: people.Target, fullName: "Hijacked", tags: "", cadenceMonths: "1" }),
    );
    expect(result).toMatchObject({ status: "error", code: "not_found" });
    await notesActions.updateSettings(
      idle,
      formData({ name: "Bob", signature: "", tone: "warm", cadenceMonths: "5" }),
    );
    session.user = alice;
    const draft = await insertNote(alice.id, people.Target!, application.id, { status: "draft" });
    await notesActions.markSent(idle, formData({ id: draft.id, sentOn: today }));
    // Alice has no cadence of her own: the default four steps.
    expect(await followUpsOfContact(people.Target!)).toHaveLength(4);
    const [contact] = await getDb().select().from(contacts).where(eq(contacts.id, people.Target!));
    expect(contact).toMatchObject({ fullName: "Target", cadenceMonths: null });
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/db/queries/users";
import { todayIso } from "@/lib/format";
import { idle } from "@/lib/validations/form";
import { quickCaptureSchema } from "@/lib/validations/participants";
import {
  contactsOf,
  formData,
  insertApplication,
  insertCompany,
  insertContact,
  insertParticipant,
  interactionsOf,
  participantsOf,
  readApplication,
  redirectTarget,
} from "../support/application-builders";
import { createTestUser } from "../support/builders";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const actions = await import("@/app/(app)/applications/actions");

let alice: SessionUser;
let bob: SessionUser;

beforeEach(async () => {
  alice = await createTestUser({ name: "Alice" });
  bob = await createTestUser({ name: "Bob" });
  session.user = alice;
});

/** The capture form as a browser sends it: rows of people, then the interview section. */
function captureForm(
  applicationId: string,
  people: Partial<Record<"name" | "role" | "discussed" | "email", string>>[],
  interview: { logInterview?: boolean; interviewOn?: string; interviewSummary?: string } = {},
) {
  const values: Record<string, string | undefined> = { applicationId };
  people.forEach((person, row) => {
    values[`people.${row}.name`] = person.name ?? "";
    values[`people.${row}.role`] = person.role ?? "interviewer";
    values[`people.${row}.discussed`] = person.discussed ?? "";
    values[`people.${row}.email`] = person.email ?? "";
  });
  if (interview.logInterview ?? true) values.logInterview = "on";
  values.interviewOn = interview.interviewOn ?? todayIso();
  values.interviewSummary = interview.interviewSummary ?? "";
  return formData(values);
}

describe("quickCaptureSchema", () => {
  it("ignores blank rows and keys errors by row", () => {
    const id = "11111111-1111-4111-8111-111111111111";
    const ok = quickCaptureSchema.safeParse({
      applicationId: id,
      "people.0.name": "Ana",
      "people.0.role": "recruiter",
      "people.1.name": " ",
      "people.1.role": "interviewer",
      "people.2.name": "Ben",
      "people.2.email": "BEN@X.TEST",
    });
    expect(ok.success && ok.data).toEqual({
      applicationId: id,
      people: [
        { row: 0, name: "Ana", role: "recruiter", discussed: null, email: null },
        { row: 2, name: "Ben", role: "interviewer", discussed: null, email: "ben@x.test" },
      ],
      interview: null,
    });

    const bad = quickCaptureSchema.safeParse({
      applicationId: id,
      "people.0.name": "Ana",
      "people.1.discussed": "Talked about hiring",
      "people.2.name": "Ben",
      "people.2.email": "not-an-email",
      logInterview: "on",
      interviewOn: "",
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((issue) => issue.path.join("."));
    expect(paths).toEqual(["people.1.name", "people.2.email", "interviewOn"]);
  });

  it("needs at least one person", () => {
    const result = quickCaptureSchema.safeParse({
      applicationId: "11111111-1111-4111-8111-111111111111",
      "people.0.name": "",
    });
    expect(result.error?.issues[0]?.path).toEqual(["people"]);
  });
});

describe("quickCaptureAction", () => {
  it("creates three contacts, adds them to the process and logs the interview", async () => {
    const company = await insertCompany(alice.id, "Acme");
    const application = await insertApplication(alice.id, { companyId: company.id });
    const target = await redirectTarget(
      actions.quickCaptureAction(
        idle,
        captureForm(
          application.id,
          [
            { name: "Hana Manager", role: "hiring_manager", discussed: "Team rituals" },
            { name: "Rita Recruiter", role: "recruiter", email: "Rita@Acme.test" },
            { name: "Ian Interviewer", discussed: "System design" },
          ],
          { interviewOn: "2026-03-02", interviewSummary: "Onsite loop" },
        ),
      ),
    );
    expect(target).toBe(`/applications/${application.id}`);

    const people = await contactsOf(alice.id);
    expect(people.map((person) => person.fullName).sort()).toEqual([
      "Hana Manager",
      "Ian Interviewer",
      "Rita Recruiter",
    ]);
    expect(people.every((person) => person.companyId === company.id)).toBe(true);
    expect(people.find((person) => person.fullName === "Rita Recruiter")?.email).toBe(
      "rita@acme.test",
    );

    const participants = await participantsOf(application.id);
    expect(participants).toHaveLength(3);
    const byContact = new Map(people.map((person) => [person.id, person.fullName]));
    expect(
      participants
        .map((row) => [byContact.get(row.contactId), row.role, row.discussed])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ["Hana Manager", "hiring_manager", "Team rituals"],
      ["Ian Interviewer", "interviewer", "System design"],
      ["Rita Recruiter", "recruiter", null],
    ]);

    const logged = await interactionsOf(alice.id);
    expect(logged).toHaveLength(3);
    for (const interaction of logged) {
      expect(interaction).toMatchObject({
        kind: "interview",
        applicationId: application.id,
        summary: "Onsite loop",
      });
      expect(interaction.occurredAt.getFullYear()).toBe(2026);
    }
    // insertInteractions keeps the contacts' last-contacted date in step.
    const refreshed = await contactsOf(alice.id);
    expect(refreshed.every((person) => person.lastContactedAt !== null)).toBe(true);
  });

  it("reuses a contact with the same email, and skips people already in the process", async () => {
    const application = await insertApplication(alice.id);
    const existing = await insertContact(alice.id, {
      fullName: "Rita R.",
      email: "rita@acme.test",
    });
    const alreadyIn = await insertContact(alice.id, {
      fullName: "Hana Manager",
      email: "hana@acme.test",
    });
    await insertParticipant(alice.id, application.id, alreadyIn.id, "hiring_manager", "Kept");
    // Bob's contact with the same email must never be picked up.
    await insertContact(bob.id, { fullName: "Bob's Rita", email: "rita@acme.test" });

    await redirectTarget(
      actions.quickCaptureAction(
        idle,
        captureForm(
          application.id,
          [
            { name: "Rita Recruiter", role: "recruiter", email: "RITA@acme.test" },
            { name: "Hana", email: "hana@ACME.test", discussed: "New text" },
          ],
          { logInterview: false },
        ),
      ),
    );
    const people = await contactsOf(alice.id);
    expect(people).toHaveLength(2);
    const participants = await participantsOf(application.id);
    expect(participants).toHaveLength(2);
    expect(participants.find((row) => row.contactId === existing.id)).toMatchObject({
      role: "recruiter",
    });
    expect(participants.find((row) => row.contactId === alreadyIn.id)).toMatchObject({
      role: "hiring_manager",
      discussed: "Kept",
    });
    expect(await interactionsOf(alice.id)).toHaveLength(0);
    expect(await contactsOf(bob.id)).toHaveLength(1);
  });

  it("ignores blank rows", async () => {
    const application = await insertApplication(alice.id);
    await redirectTarget(
      actions.quickCaptureAction(
        idle,
        captureForm(application.id, [{}, { name: "Only One" }, { role: "recruiter" }]),
      ),
    );
    expect((await contactsOf(alice.id)).map((person) => person.fullName)).toEqual(["Only One"]);
    expect(await participantsOf(application.id)).toHaveLength(1);
    expect(await interactionsOf(alice.id)).toHaveLength(1);
  });

  it("writes nothing at all when one row is invalid, and keeps what was typed", async () => {
    const application = await insertApplication(alice.id);
    const before = await readApplication(application.id);
    const state = await actions.quickCaptureAction(
      idle,
      captureForm(application.id, [
        { name: "Good Person" },
        { name: "Bad Email", email: "nope" },
        { discussed: "Forgot the name" },
      ]),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: {
        "people.1.email": [expect.stringContaining("valid email")],
        "people.2.name": ["Enter their name."],
      },
      values: { "people.0.name": "Good Person", "people.2.discussed": "Forgot the name" },
    });
    expect(await contactsOf(alice.id)).toHaveLength(0);
    expect(await participantsOf(application.id)).toHaveLength(0);
    expect(await interactionsOf(alice.id)).toHaveLength(0);
    expect((await readApplication(application.id))?.updatedAt).toEqual(before?.updatedAt);
  });

  it("asks for the interview date when logging it", async () => {
    const application = await insertApplication(alice.id);
    const state = await actions.quickCaptureAction(
      idle,
      captureForm(application.id, [{ name: "Ana" }], { interviewOn: "" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { interviewOn: [expect.any(String)] },
    });
    expect(await contactsOf(alice.id)).toHaveLength(0);
  });

  it("cannot capture into another user's application", async () => {
    const application = await insertApplication(alice.id);
    const alicesContact = await insertContact(alice.id, { email: "dana@acme.test" });
    session.user = bob;
    const state = await actions.quickCaptureAction(
      idle,
      captureForm(application.id, [{ name: "Intruder", email: "dana@acme.test" }]),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    expect(await contactsOf(bob.id)).toHaveLength(0);
    expect(await participantsOf(application.id)).toHaveLength(0);
    expect(await interactionsOf(alice.id)).toHaveLength(0);
    expect((await contactsOf(alice.id)).map((contact) => contact.id)).toEqual([alicesContact.id]);
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  listParticipants,
  listThankYouRecipients,
  searchContactsForApplication,
} from "@/lib/db/queries/participants";
import type { SessionUser } from "@/lib/db/queries/users";
import { contacts } from "@/lib/db/schema";
import { idle } from "@/lib/validations/form";
import {
  formData,
  insertApplication,
  insertCompany,
  insertContact,
  insertParticipant,
  participantsOf,
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

describe("adding an existing contact to a process", () => {
  it("adds the same contact to several applications without duplicating them", async () => {
    const recruiter = await insertContact(alice.id, { fullName: "Rita Recruiter" });
    const first = await insertApplication(alice.id);
    const second = await insertApplication(alice.id);
    for (const application of [first, second]) {
      const target = await redirectTarget(
        actions.addParticipantAction(
          idle,
          formData({ applicationId: application.id, contactId: recruiter.id, role: "recruiter" }),
        ),
      );
      expect(target).toBe(`/applications/${application.id}`);
    }
    expect(await listParticipants(alice.id, first.id)).toEqual([
      expect.objectContaining({ contactId: recruiter.id, role: "recruiter", discussed: null }),
    ]);
    expect(await listParticipants(alice.id, second.id)).toHaveLength(1);
    const all = await getDb().select().from(contacts).where(eq(contacts.userId, alice.id));
    expect(all).toHaveLength(1);
  });

  it("says so when the person is already in the process", async () => {
    const contact = await insertContact(alice.id);
    const application = await insertApplication(alice.id);
    await insertParticipant(alice.id, application.id, contact.id, "interviewer", "Roadmaps");
    const state = await actions.addParticipantAction(
      idle,
      formData({ applicationId: application.id, contactId: contact.id, role: "panel" }),
    );
    expect(state).toMatchObject({ status: "error", code: "conflict" });
    expect(await participantsOf(application.id)).toEqual([
      expect.objectContaining({ role: "interviewer", discussed: "Roadmaps" }),
    ]);
  });

  it("cannot add another user's contact, or add to another user's application", async () => {
    const alicesContact = await insertContact(alice.id);
    const alicesApplication = await insertApplication(alice.id);
    const bobsContact = await insertContact(bob.id);
    const bobsApplication = await insertApplication(bob.id);
    session.user = bob;

    const stealContact = await actions.addParticipantAction(
      idle,
      formData({
        applicationId: bobsApplication.id,
        contactId: alicesContact.id,
        role: "interviewer",
      }),
    );
    expect(stealContact).toMatchObject({ status: "error", code: "not_found" });
    const intoTheirs = await actions.addParticipantAction(
      idle,
      formData({
        applicationId: alicesApplication.id,
        contactId: bobsContact.id,
        role: "interviewer",
      }),
    );
    expect(intoTheirs).toMatchObject({ status: "error", code: "not_found" });
    expect(await participantsOf(bobsApplication.id)).toHaveLength(0);
    expect(await participantsOf(alicesApplication.id)).toHaveLength(0);
  });

  it("validates the role", async () => {
    const contact = await insertContact(alice.id);
    const application = await insertApplication(alice.id);
    const state = await actions.addParticipantAction(
      idle,
      formData({ applicationId: application.id, contactId: contact.id, role: "boss" }),
    );
    expect(state).toMatchObject({ status: "invalid", fieldErrors: { role: ["Choose a role."] } });
  });
});

describe("editing and removing a participant", () => {
  it("updates the role and what was discussed", async () => {
    const contact = await insertContact(alice.id);
    const application = await insertApplication(alice.id);
    const participant = await insertParticipant(alice.id, application.id, contact.id);
    const state = await actions.updateParticipantAction(
      idle,
      formData({
        applicationId: application.id,
        participantId: participant.id,
        role: "hiring_manager",
        discussed: "  The design system migration ",
      }),
    );
    expect(state).toEqual({ status: "success", data: { saved: true } });
    expect(await participantsOf(application.id)).toEqual([
      expect.objectContaining({ role: "hiring_manager", discussed: "The design system migration" }),
    ]);
  });

  it("removes the person from the process but keeps the contact", async () => {
    const contact = await insertContact(alice.id);
    const application = await insertApplication(alice.id);
    const participant = await insertParticipant(alice.id, application.id, contact.id);
    const target = await redirectTarget(
      actions.removeParticipantFormAction(
        formData({ applicationId: application.id, participantId: participant.id }),
      ),
    );
    expect(target).toBe(`/applications/${application.id}`);
    expect(await participantsOf(application.id)).toHaveLength(0);
    const [kept] = await getDb().select().from(contacts).where(eq(contacts.id, contact.id));
    expect(kept?.fullName).toBe("Dana Reyes");
  });

  it("cannot edit or remove another user's participant", async () => {
    const contact = await insertContact(alice.id);
    const application = await insertApplication(alice.id);
    const participant = await insertParticipant(alice.id, application.id, contact.id, "recruiter");
    session.user = bob;
    const updated = await actions.updateParticipantAction(
      idle,
      formData({
        applicationId: application.id,
        participantId: participant.id,
        role: "other",
        discussed: "hijacked",
      }),
    );
    expect(updated).toMatchObject({ status: "error", code: "not_found" });
    const removed = await actions.removeParticipantAction(
      idle,
      formData({ applicationId: application.id, participantId: participant.id }),
    );
    expect(removed).toMatchObject({ status: "error", code: "not_found" });
    const target = await redirectTarget(
      actions.removeParticipantFormAction(
        formData({ applicationId: application.id, participantId: participant.id }),
      ),
    );
    expect(target).toBe(`/applications/${application.id}?error=remove`);
    expect(await participantsOf(application.id)).toEqual([
      expect.objectContaining({ role: "recruiter", discussed: null }),
    ]);
  });

  it("does not edit a participant through the wrong application", async () => {
    const contact = await insertContact(alice.id);
    const application = await insertApplication(alice.id);
    const other = await insertApplication(alice.id);
    const participant = await insertParticipant(alice.id, application.id, contact.id);
    const state = await actions.updateParticipantAction(
      idle,
      formData({ applicationId: other.id, participantId: participant.id, role: "panel" }),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
  });
});

describe("searching contacts to add", () => {
  it("finds the user's contacts by name, marks those already in, at most ten", async () => {
    const application = await insertApplication(alice.id);
    const company = await insertCompany(alice.id, "Initech");
    const inProcess = await insertContact(alice.id, {
      fullName: "Sam Lee",
      companyId: company.id,
      title: "Recruiter",
    });
    await insertParticipant(alice.id, application.id, inProcess.id, "recruiter");
    await insertContact(alice.id, { fullName: "Samantha Ortiz" });
    await insertContact(alice.id, { fullName: "Someone Else" });
    await insertContact(bob.id, { fullName: "Sam Bob" });

    const found = await searchContactsForApplication(alice.id, application.id, "sam");
    expect(found).toEqual([
      {
        id: inProcess.id,
        fullName: "Sam Lee",
        title: "Recruiter",
        companyName: "Initech",
        alreadyInProcess: true,
      },
      expect.objectContaining({ fullName: "Samantha Ortiz", alreadyInProcess: false }),
    ]);
    expect(await searchContactsForApplication(alice.id, application.id, "  ")).toEqual([]);
    // LIKE wildcards typed by the user are matched literally.
    expect(await searchContactsForApplication(alice.id, application.id, "%")).toEqual([]);

    for (let i = 0; i < 12; i++) await insertContact(alice.id, { fullName: `Sam ${i}` });
    expect(await searchContactsForApplication(alice.id, application.id, "sam")).toHaveLength(10);
  });

  it("never returns another user's contacts", async () => {
    const application = await insertApplication(alice.id);
    await insertContact(alice.id, { fullName: "Sam Lee" });
    const bobsApplication = await insertApplication(bob.id);
    expect(await searchContactsForApplication(bob.id, bobsApplication.id, "sam")).toEqual([]);
    expect(await searchContactsForApplication(bob.id, application.id, "sam")).toEqual([]);
  });
});

describe("people in the process and thank-you recipients", () => {
  it("lists everyone with role, what was discussed and whether there is an email", async () => {
    const company = await insertCompany(alice.id, "Acme");
    const application = await insertApplication(alice.id, {
      companyId: company.id,
      jobTitle: "Staff Designer",
      stage: "rejected",
    });
    const interviewer = await insertContact(alice.id, { fullName: "Ian Interviewer" });
    const manager = await insertContact(alice.id, {
      fullName: "Hana Manager",
      email: "hana@acme.test",
      title: "Head of Design",
    });
    await insertParticipant(alice.id, application.id, interviewer.id, "interviewer", "Research");
    await insertParticipant(alice.id, application.id, manager.id, "hiring_manager", "Team rituals");

    const recipients = await listThankYouRecipients(alice.id, application.id);
    // Hiring manager first: the order notes are written in.
    expect(recipients).toEqual([
      {
        contactId: manager.id,
        fullName: "Hana Manager",
        email: "hana@acme.test",
        title: "Head of Design",
        role: "hiring_manager",
        discussed: "Team rituals",
        companyName: "Acme",
        jobTitle: "Staff Designer",
      },
      {
        contactId: interviewer.id,
        fullName: "Ian Interviewer",
        email: null,
        title: null,
        role: "interviewer",
        discussed: "Research",
        companyName: "Acme",
        jobTitle: "Staff Designer",
      },
    ]);
    const participants = await listParticipants(alice.id, application.id);
    expect(participants.map((person) => person.fullName)).toEqual([
      "Hana Manager",
      "Ian Interviewer",
    ]);
  });

  it("returns nothing for another user's application", async () => {
    const application = await insertApplication(alice.id, { stage: "rejected" });
    const contact = await insertContact(alice.id);
    await insertParticipant(alice.id, application.id, contact.id);
    expect(await listThankYouRecipients(bob.id, application.id)).toEqual([]);
    expect(await listParticipants(bob.id, application.id)).toEqual([]);
  });
});

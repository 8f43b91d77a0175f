import { eq } from "drizzle-orm";
import { renderToString } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  countApplicationsByStage,
  getApplication,
  listApplicationOptions,
  listApplications,
  listStageChanges,
} from "@/lib/db/queries/applications";
import type { SessionUser } from "@/lib/db/queries/users";
import { companies, contacts, interactions } from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import { idle } from "@/lib/validations/form";
import {
  formData,
  insertApplication,
  insertCompany,
  insertContact,
  insertInteraction,
  insertParticipant,
  insertStageChange,
  participantsOf,
  readApplication,
  redirectTarget,
  stageChangesOf,
} from "../support/application-builders";
import { createTestUser } from "../support/builders";

// Only the session (and Next's cache, which needs a request) is stood in for: the actions,
// validation and queries run for real against the database.
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

describe("the applications list", () => {
  it("counts by stage, filters by stage and sorts by last update", async () => {
    const company = await insertCompany(alice.id, "Acme");
    const old = await insertApplication(alice.id, {
      companyId: company.id,
      jobTitle: "Old",
      stage: "rejected",
      updatedAt: new Date("2026-01-01T00:00:00Z"),
      runnerUpRank: 2,
    });
    const recent = await insertApplication(alice.id, {
      companyId: company.id,
      jobTitle: "Recent",
      stage: "rejected",
      updatedAt: new Date("2026-03-01T00:00:00Z"),
    });
    const screening = await insertApplication(alice.id, {
      companyId: company.id,
      jobTitle: "Screening",
      stage: "screening",
      updatedAt: new Date("2026-02-01T00:00:00Z"),
    });
    const contact = await insertContact(alice.id);
    await insertParticipant(alice.id, old.id, contact.id);
    await insertApplication(bob.id, { stage: "rejected" });

    const counts = await countApplicationsByStage(alice.id);
    expect(counts).toMatchObject({ all: 3, rejected: 2, screening: 1, applied: 0, offer: 0 });

    const all = await listApplications(alice.id);
    expect(all.items.map((item) => item.id)).toEqual([recent.id, screening.id, old.id]);
    expect(all.hasNext).toBe(false);
    const oldItem = all.items.find((item) => item.id === old.id)!;
    expect(oldItem).toMatchObject({ companyName: "Acme", peopleCount: 1, runnerUpRank: 2 });

    const rejected = await listApplications(alice.id, { stage: "rejected" });
    expect(rejected.items.map((item) => item.jobTitle)).toEqual(["Recent", "Old"]);
  });

  it("paginates with one extra row", async () => {
    const company = await insertCompany(alice.id);
    for (let i = 0; i < 5; i++) {
      await insertApplication(alice.id, {
        companyId: company.id,
        jobTitle: `Job ${i}`,
        updatedAt: new Date(Date.UTC(2026, 0, i + 1)),
      });
    }
    const first = await listApplications(alice.id, { pageSize: 2 });
    expect(first.items.map((item) => item.jobTitle)).toEqual(["Job 4", "Job 3"]);
    expect(first.hasNext).toBe(true);
    const last = await listApplications(alice.id, { page: 3, pageSize: 2 });
    expect(last.items.map((item) => item.jobTitle)).toEqual(["Job 0"]);
    expect(last.hasNext).toBe(false);
  });

  it("never shows another user's applications", async () => {
    await insertApplication(alice.id, { stage: "offer" });
    expect(await countApplicationsByStage(bob.id)).toMatchObject({ all: 0, offer: 0 });
    expect((await listApplications(bob.id)).items).toEqual([]);
    expect(await listApplicationOptions(bob.id)).toEqual([]);
  });
});

describe("createApplicationAction", () => {
  it("creates with one of the user's companies and records the first stage", async () => {
    const company = await insertCompany(alice.id, "Acme");
    const target = await redirectTarget(
      actions.createApplicationAction(
        idle,
        formData({
          companyId: company.id,
          newCompanyName: "",
          jobTitle: "  Staff Engineer ",
          postingUrl: "acme.com/jobs/1",
          stage: "applied",
          appliedOn: "2026-02-03",
          notes: "",
        }),
      ),
    );
    const id = target.replace("/applications/", "");
    const created = await getApplication(alice.id, id);
    expect(created).toMatchObject({
      companyId: company.id,
      companyName: "Acme",
      jobTitle: "Staff Engineer",
      postingUrl: "https://acme.com/jobs/1",
      stage: "applied",
      appliedOn: "2026-02-03",
      rejectedOn: null,
      notes: null,
    });
    expect(await listStageChanges(alice.id, id)).toEqual([
      expect.objectContaining({ stage: "applied", changedOn: "2026-02-03" }),
    ]);
  });

  it("creates a new company by name, or reuses one with the same name in any case", async () => {
    const first = await redirectTarget(
      actions.createApplicationAction(
        idle,
        formData({ newCompanyName: "Globex", jobTitle: "PM", stage: "interviewing" }),
      ),
    );
    const second = await redirectTarget(
      actions.createApplicationAction(
        idle,
        formData({ newCompanyName: "  globex ", jobTitle: "Senior PM" }),
      ),
    );
    const a = await readApplication(first.split("/").pop()!);
    const b = await readApplication(second.split("/").pop()!);
    expect(a?.companyId).toBe(b?.companyId);
    expect(b?.stage).toBe("applied");
    const owned = await getDb().select().from(companies).where(eq(companies.userId, alice.id));
    expect(owned.map((company) => company.name)).toEqual(["Globex"]);
    // A later stage is recorded today, whatever the applied date.
    expect(await stageChangesOf(a!.id)).toEqual([
      expect.objectContaining({ stage: "interviewing", changedOn: todayIso() }),
    ]);
  });

  it("asks for a company and a job title, keeping what was typed", async () => {
    const state = await actions.createApplicationAction(
      idle,
      formData({ companyId: "", newCompanyName: " ", jobTitle: "", notes: "kept" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: {
        companyId: [expect.stringMatching(/new one/)],
        jobTitle: ["Enter the job title."],
      },
      values: { notes: "kept" },
    });
  });

  it("refuses another user's company and writes nothing", async () => {
    const bobsCompany = await insertCompany(bob.id, "Bob Co");
    const state = await actions.createApplicationAction(
      idle,
      formData({ companyId: bobsCompany.id, jobTitle: "Spy" }),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    expect((await countApplicationsByStage(alice.id)).all).toBe(0);
    expect((await countApplicationsByStage(bob.id)).all).toBe(0);
  });
});

describe("updateApplicationAction", () => {
  it("updates the editable fields", async () => {
    const application = await insertApplication(alice.id);
    await expect(
      actions.updateApplicationAction(
        idle,
        formData({
          id: application.id,
          jobTitle: "Lead Designer",
          postingUrl: "",
          appliedOn: "2026-01-10",
          wasFinalist: "on",
          runnerUpRank: "2",
          feedback: "Loved the portfolio",
          notes: "Ask again in spring",
        }),
      ),
    ).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await readApplication(application.id)).toMatchObject({
      jobTitle: "Lead Designer",
      postingUrl: null,
      appliedOn: "2026-01-10",
      wasFinalist: true,
      runnerUpRank: 2,
      feedback: "Loved the portfolio",
      notes: "Ask again in spring",
    });
  });

  it("validates the runner-up rank", async () => {
    const application = await insertApplication(alice.id);
    const state = await actions.updateApplicationAction(
      idle,
      formData({ id: application.id, jobTitle: "X", runnerUpRank: "21" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { runnerUpRank: ["Enter a number from 1 to 20."] },
    });
  });

  it("cannot touch another user's application", async () => {
    const application = await insertApplication(alice.id, { jobTitle: "Mine" });
    session.user = bob;
    const state = await actions.updateApplicationAction(
      idle,
      formData({ id: application.id, jobTitle: "Stolen" }),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    expect((await readApplication(application.id))?.jobTitle).toBe("Mine");
  });
});

describe("changeStageAction", () => {
  it("records the change and moves on to the thank-you step when rejected", async () => {
    const application = await insertApplication(alice.id, { stage: "final_round" });
    await insertStageChange(alice.id, application.id, "applied", "2026-01-02");
    const target = await redirectTarget(
      actions.changeStageAction(
        idle,
        formData({ id: application.id, stage: "rejected", changedOn: "2026-03-04" }),
      ),
    );
    expect(target).toBe(`/applications/${application.id}?rejected=1#thank-you`);
    expect(await readApplication(application.id)).toMatchObject({
      stage: "rejected",
      rejectedOn: "2026-03-04",
    });
    const history = await listStageChanges(alice.id, application.id);
    expect(history.map((change) => [change.stage, change.changedOn])).toEqual([
      ["applied", "2026-01-02"],
      ["rejected", "2026-03-04"],
    ]);
  });

  it("other stages go back to the application and clear rejectedOn", async () => {
    const application = await insertApplication(alice.id, { stage: "rejected" });
    const target = await redirectTarget(
      actions.changeStageAction(
        idle,
        formData({ id: application.id, stage: "offer", changedOn: "2026-04-01" }),
      ),
    );
    expect(target).toBe(`/applications/${application.id}`);
    expect(await readApplication(application.id)).toMatchObject({
      stage: "offer",
      rejectedOn: null,
    });
  });

  it("refuses unknown stages and missing dates", async () => {
    const application = await insertApplication(alice.id);
    const state = await actions.changeStageAction(
      idle,
      formData({ id: application.id, stage: "ghosted", changedOn: "" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { stage: ["Choose a stage."], changedOn: [expect.any(String)] },
    });
    expect(await stageChangesOf(application.id)).toHaveLength(0);
  });

  it("cannot change another user's application", async () => {
    const application = await insertApplication(alice.id, { stage: "interviewing" });
    session.user = bob;
    const state = await actions.changeStageAction(
      idle,
      formData({ id: application.id, stage: "rejected", changedOn: "2026-03-04" }),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    expect(await readApplication(application.id)).toMatchObject({
      stage: "interviewing",
      rejectedOn: null,
    });
    expect(await stageChangesOf(application.id)).toHaveLength(0);
  });
});

describe("deleting an application", () => {
  it("deletes its stage history and participants; contacts and interactions stay", async () => {
    const application = await insertApplication(alice.id);
    const contact = await insertContact(alice.id);
    await insertParticipant(alice.id, application.id, contact.id, "hiring_manager");
    await insertStageChange(alice.id, application.id, "applied", "2026-01-02");
    const interaction = await insertInteraction(alice.id, contact.id, application.id);

    const target = await redirectTarget(
      actions.deleteApplicationFormAction(formData({ id: application.id })),
    );
    expect(target).toBe("/applications");

    expect(await readApplication(application.id)).toBeUndefined();
    expect(await stageChangesOf(application.id)).toHaveLength(0);
    expect(await participantsOf(application.id)).toHaveLength(0);
    const [keptContact] = await getDb().select().from(contacts).where(eq(contacts.id, contact.id));
    expect(keptContact).toBeDefined();
    const [keptInteraction] = await getDb()
      .select()
      .from(interactions)
      .where(eq(interactions.id, interaction.id));
    expect(keptInteraction?.applicationId).toBeNull();
  });

  it("cannot delete another user's application", async () => {
    const application = await insertApplication(alice.id);
    const contact = await insertContact(alice.id);
    await insertParticipant(alice.id, application.id, contact.id);
    session.user = bob;
    const state = await actions.deleteApplicationAction(idle, formData({ id: application.id }));
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    const target = await redirectTarget(
      actions.deleteApplicationFormAction(formData({ id: application.id })),
    );
    expect(target).toBe("/applications?error=not-found");
    expect(await readApplication(application.id)).toBeDefined();
    expect(await participantsOf(application.id)).toHaveLength(1);
  });

  it("refuses a signed-out caller", async () => {
    const application = await insertApplication(alice.id);
    session.user = null;
    const state = await actions.deleteApplicationAction(idle, formData({ id: application.id }));
    expect(state).toMatchObject({ status: "error", code: "unauthenticated" });
    expect(await readApplication(application.id)).toBeDefined();
  });
});

describe("page queries across users", () => {
  it("return nothing for another user's application", async () => {
    const application = await insertApplication(alice.id);
    await insertStageChange(alice.id, application.id, "applied", "2026-01-02");
    expect(await getApplication(alice.id, application.id)).toBeDefined();
    expect(await getApplication(bob.id, application.id)).toBeUndefined();
    expect(await listStageChanges(bob.id, application.id)).toEqual([]);
  });
});

describe("the pages", () => {
  const detailPage = async () => (await import("@/app/(app)/applications/[id]/page")).default;
  const editPage = async () => (await import("@/app/(app)/applications/[id]/edit/page")).default;
  const capturePage = async () =>
    (await import("@/app/(app)/applications/[id]/capture/page")).default;

  it("show a rejected application with the people to thank", async () => {
    const application = await insertApplication(alice.id, { stage: "rejected" });
    const contact = await insertContact(alice.id, { fullName: "Sam Lee", email: "sam@x.test" });
    await insertParticipant(alice.id, application.id, contact.id, "recruiter", "Career paths");
    const Page = await detailPage();
    const html = renderToString(
      await Page({
        params: Promise.resolve({ id: application.id }),
        searchParams: Promise.resolve({ rejected: "1" }),
      }),
    );
    expect(html).toContain('id="thank-you"');
    expect(html).toContain("They chose someone else.");
    expect(html).toContain("Career paths");
    expect(html).toContain("sam@x.test");
  });

  it("are not found for another user's application or a malformed id", async () => {
    const application = await insertApplication(alice.id);
    session.user = bob;
    const params = Promise.resolve({ id: application.id });
    const Detail = await detailPage();
    await expect(Detail({ params, searchParams: Promise.resolve({}) })).rejects.toThrow(
      /NEXT_HTTP_ERROR_FALLBACK;404/,
    );
    await expect((await editPage())({ params })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect((await capturePage())({ params })).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    await expect(
      Detail({ params: Promise.resolve({ id: "nope" }), searchParams: Promise.resolve({}) }),
    ).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});

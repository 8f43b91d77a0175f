import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  deleteCompany as deleteCompanyRow,
  findCompanyByName,
  findOrCreateCompany,
  getCompany,
  getCompanyDeleteImpact,
  insertCompany,
  listCompanies,
  listCompanyApplications,
  listCompanyContacts,
  listCompanyOptions,
  updateCompany as updateCompanyRow,
} from "@/lib/db/queries/companies";
import type { SessionUser } from "@/lib/db/queries/users";
import {
  applicationStageChanges,
  applications,
  companies,
  contacts,
  followUps,
  interactions,
  notes,
  openings,
  processParticipants,
} from "@/lib/db/schema";
import { companyListParamsSchema } from "@/lib/validations/companies";
import { createTestUser } from "../support/builders";
import {
  createApplicationFor,
  createCompanyFor,
  createContactFor,
  createOpeningFor,
  formData,
  redirectTarget,
} from "../support/company-builders";

// Only the session and Next's cache are stand-ins; actions, validation and the database are real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createCompany, updateCompany, deleteCompany, deleteCompanyAction } = await import(
  "@/app/(app)/companies/actions"
);

const idle = { status: "idle" } as const;

async function companyRow(id: string) {
  const [row] = await getDb().select().from(companies).where(eq(companies.id, id));
  return row;
}

describe("company queries", () => {
  it("lists a page of the user's companies with application and people counts", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const acme = await createCompanyFor(alice.id, { name: "Acme", interest: 4, isSample: true });
    const zeta = await createCompanyFor(alice.id, { name: "zeta labs" });
    await createCompanyFor(alice.id, { name: "Beta" });
    await createCompanyFor(bob.id, { name: "Bob's Acme" });
    await createApplicationFor(alice.id, acme.id);
    await createApplicationFor(alice.id, acme.id, { jobTitle: "Researcher" });
    await createApplicationFor(alice.id, zeta.id);
    await createContactFor(alice.id, { companyId: acme.id });
    await createContactFor(alice.id, { companyId: acme.id, fullName: "Eli" });
    await createContactFor(alice.id, { companyId: acme.id, fullName: "Fay" });

    const { rows, hasNext } = await listCompanies(alice.id);
    expect(hasNext).toBe(false);
    expect(rows.map((row) => row.name)).toEqual(["Acme", "Beta", "zeta labs"]);
    expect(rows[0]).toMatchObject({
      id: acme.id,
      interest: 4,
      isSample: true,
      applicationCount: 2,
      contactCount: 3,
    });
    expect(rows[1]).toMatchObject({ applicationCount: 0, contactCount: 0 });
    expect(rows[2]).toMatchObject({ applicationCount: 1, contactCount: 0 });

    const bobs = await listCompanies(bob.id);
    expect(bobs.rows.map((row) => row.name)).toEqual(["Bob's Acme"]);
    expect(bobs.rows[0]).toMatchObject({ applicationCount: 0, contactCount: 0 });
  });

  it("searches by name, sorts by recent updates and paginates", async () => {
    const user = await createTestUser();
    const old = await createCompanyFor(user.id, {
      name: "Old Acme",
      updatedAt: new Date("2025-01-01T00:00:00Z"),
    });
    const fresh = await createCompanyFor(user.id, {
      name: "Fresh Co",
      updatedAt: new Date("2026-01-01T00:00:00Z"),
    });
    await createCompanyFor(user.id, {
      name: "acme north",
      updatedAt: new Date("2025-06-01T00:00:00Z"),
    });
    await createCompanyFor(user.id, { name: "100% Remote" });

    const search = await listCompanies(user.id, { q: "ACME" });
    expect(search.rows.map((row) => row.name)).toEqual(["acme north", "Old Acme"]);
    // % and _ are matched literally, not as wildcards.
    expect((await listCompanies(user.id, { q: "%" })).rows.map((row) => row.name)).toEqual([
      "100% Remote",
    ]);
    expect((await listCompanies(user.id, { q: "_" })).rows).toEqual([]);

    const recent = await listCompanies(user.id, { sort: "recent" });
    expect(recent.rows.map((row) => row.name).slice(1)).toEqual([
      fresh.name,
      "acme north",
      old.name,
    ]);

    const first = await listCompanies(user.id, { page: 1 }, 3);
    expect(first.hasNext).toBe(true);
    expect(first.rows).toHaveLength(3);
    const second = await listCompanies(user.id, { page: 2 }, 3);
    expect(second.hasNext).toBe(false);
    expect(second.rows.map((row) => row.name)).toEqual(["Old Acme"]);
  });

  it("reads one company, its people and its applications only for its owner", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const acme = await createCompanyFor(alice.id, {
      name: "Acme",
      website: "https://acme.test",
      notes: "Great team",
    });
    for (const name of ["Cy", "ana", "Bo"]) {
      await createContactFor(alice.id, { companyId: acme.id, fullName: name, title: "Engineer" });
    }
    await createContactFor(alice.id, { fullName: "Elsewhere" });
    await createApplicationFor(alice.id, acme.id, { jobTitle: "Designer", stage: "rejected" });

    expect(await getCompany(alice.id, acme.id)).toMatchObject({
      id: acme.id,
      name: "Acme",
      website: "https://acme.test",
      notes: "Great team",
    });
    const people = await listCompanyContacts(alice.id, acme.id, 2);
    expect(people.total).toBe(3);
    expect(people.rows.map((person) => person.fullName)).toEqual(["ana", "Bo"]);
    expect(people.rows[0]).toEqual({ id: expect.any(String), fullName: "ana", title: "Engineer" });
    const apps = await listCompanyApplications(alice.id, acme.id);
    expect(apps.total).toBe(1);
    expect(apps.rows[0]).toMatchObject({ jobTitle: "Designer", stage: "rejected" });

    // Bob asking with Alice's company id sees nothing.
    expect(await getCompany(bob.id, acme.id)).toBeUndefined();
    expect(await listCompanyContacts(bob.id, acme.id)).toEqual({ rows: [], total: 0 });
    expect(await listCompanyApplications(bob.id, acme.id)).toEqual({ rows: [], total: 0 });
    expect(await getCompanyDeleteImpact(bob.id, acme.id)).toBeUndefined();
  });

  it("finds names case-insensitively and writes only the owner's rows", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const db = getDb();
    const acme = await insertCompany(db, alice.id, {
      name: "Acme",
      website: null,
      careersUrl: null,
      interest: 3,
      notes: null,
    });
    expect(await findCompanyByName(db, alice.id, "  aCME ")).toEqual(acme);
    expect(await findCompanyByName(db, alice.id, "acme", acme.id)).toBeUndefined();
    expect(await findCompanyByName(db, bob.id, "Acme")).toBeUndefined();

    const input = { name: "Hacked", website: null, careersUrl: null, interest: 1, notes: null };
    expect(await updateCompanyRow(db, bob.id, acme.id, input)).toBeUndefined();
    expect(await deleteCompanyRow(db, bob.id, acme.id)).toBe(false);
    expect(await companyRow(acme.id)).toMatchObject({ name: "Acme", interest: 3 });

    expect(await updateCompanyRow(db, alice.id, acme.id, { ...input, name: "Acme Inc" })).toEqual({
      id: acme.id,
      name: "Acme Inc",
    });
    expect(await deleteCompanyRow(db, alice.id, acme.id)).toBe(true);
    expect(await companyRow(acme.id)).toBeUndefined();
  });

  it("keeps the shared picker helpers working", async () => {
    const user = await createTestUser();
    const created = await findOrCreateCompany(getDb(), user.id, " Globex ");
    const again = await getDb().transaction((tx) => findOrCreateCompany(tx, user.id, "GLOBEX"));
    expect(again).toEqual(created);
    expect(await listCompanyOptions(user.id)).toEqual([{ id: created.id, name: "Globex" }]);
  });
});

describe("company actions", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeEach(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    session.user = alice;
  });

  it("creates a company and opens its page", async () => {
    const target = await redirectTarget(
      createCompany(
        idle,
        formData({
          name: "  Initech ",
          website: "initech.test",
          careersUrl: "https://initech.test/jobs",
          interest: "5",
          notes: "Met them at a meetup",
        }),
      ),
    );
    const [row] = await getDb().select().from(companies).where(eq(companies.userId, alice.id));
    expect(target).toBe(`/companies/${row!.id}`);
    expect(row).toMatchObject({
      name: "Initech",
      website: "https://initech.test",
      careersUrl: "https://initech.test/jobs",
      interest: 5,
      notes: "Met them at a meetup",
      isSample: false,
    });
  });

  it("shows field messages and keeps what was typed", async () => {
    const state = await createCompany(
      idle,
      formData({ name: " ", website: "not a url", interest: "9", notes: "keep me" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: {
        name: [expect.any(String)],
        website: [expect.any(String)],
        interest: [expect.any(String)],
      },
      values: { website: "not a url", interest: "9", notes: "keep me" },
    });
    expect(await listCompanyOptions(alice.id)).toEqual([]);
  });

  it("refuses a duplicate name in any case and links to the existing company", async () => {
    const acme = await createCompanyFor(alice.id, { name: "Acme" });
    await createCompanyFor(bob.id, { name: "Globex" });
    const state = await createCompany(idle, formData({ name: "ACME", notes: "typed" }));
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { name: ["You already have Acme."] },
      values: { name: "ACME", notes: "typed" },
      duplicateOf: { id: acme.id, name: "Acme" },
    });
    expect(await listCompanyOptions(alice.id)).toHaveLength(1);
    // Another user's company of the same name is no duplicate.
    await expect(createCompany(idle, formData({ name: "Globex" }))).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
  });

  it("refuses a signed-out caller", async () => {
    session.user = null;
    const state = await createCompany(idle, formData({ name: "Acme" }));
    expect(state).toMatchObject({ status: "error", code: "unauthenticated" });
  });

  it("updates a company, allowing a change of case but not another company's name", async () => {
    const acme = await createCompanyFor(alice.id, { name: "Acme" });
    await createCompanyFor(alice.id, { name: "Globex" });
    const before = await companyRow(acme.id);

    const target = await redirectTarget(
      updateCompany(idle, formData({ id: acme.id, name: "ACME", interest: "2", website: "" })),
    );
    expect(target).toBe(`/companies/${acme.id}`);
    const after = await companyRow(acme.id);
    expect(after).toMatchObject({ name: "ACME", interest: 2, website: null });
    expect(after!.updatedAt.getTime()).toBeGreaterThanOrEqual(before!.updatedAt.getTime());

    const state = await updateCompany(idle, formData({ id: acme.id, name: "globex" }));
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { name: ["You already have Globex."] },
    });
    expect(await companyRow(acme.id)).toMatchObject({ name: "ACME" });
  });

  it("will not update another user's company", async () => {
    const acme = await createCompanyFor(alice.id, { name: "Acme", interest: 3 });
    await createCompanyFor(bob.id, { name: "Taken" });
    session.user = bob;
    for (const name of ["Stolen", "Taken"]) {
      const state = await updateCompany(idle, formData({ id: acme.id, name, interest: "1" }));
      expect(state).toMatchObject({ status: "error", code: "not_found" });
    }
    expect(await companyRow(acme.id)).toMatchObject({ name: "Acme", interest: 3 });
    const invalidId = await updateCompany(idle, formData({ id: "nope", name: "X" }));
    expect(invalidId).toMatchObject({
      status: "invalid",
      fieldErrors: { id: [expect.any(String)] },
    });
  });

  it("deletes a company with its applications and openings, keeping its people", async () => {
    const db = getDb();
    const acme = await createCompanyFor(alice.id, { name: "Acme" });
    const other = await createCompanyFor(alice.id, { name: "Other" });
    const application = await createApplicationFor(alice.id, acme.id);
    const otherApplication = await createApplicationFor(alice.id, other.id);
    await createOpeningFor(alice.id, acme.id);
    const otherOpening = await createOpeningFor(alice.id, other.id);
    const dana = await createContactFor(alice.id, { companyId: acme.id });
    const eli = await createContactFor(alice.id, { companyId: acme.id, fullName: "Eli" });
    await db.insert(processParticipants).values({
      userId: alice.id,
      applicationId: application.id,
      contactId: dana.id,
      role: "hiring_manager",
    });
    await db.insert(applicationStageChanges).values({
      userId: alice.id,
      applicationId: application.id,
      stage: "applied",
      changedOn: "2026-01-02",
    });
    const [interaction] = await db
      .insert(interactions)
      .values({
        userId: alice.id,
        contactId: dana.id,
        applicationId: application.id,
        kind: "interview",
        occurredAt: new Date("2026-01-10T10:00:00Z"),
      })
      .returning();
    const [note] = await db
      .insert(notes)
      .values({
        userId: alice.id,
        contactId: dana.id,
        applicationId: application.id,
        source: "template:warm",
        sourceKind: "template",
      })
      .returning();
    const [followUp] = await db
      .insert(followUps)
      .values({
        userId: alice.id,
        contactId: eli.id,
        applicationId: application.id,
        dueOn: "2026-02-01",
        reason: "Check in",
        origin: "manual",
      })
      .returning();

    expect(await getCompanyDeleteImpact(alice.id, acme.id)).toEqual({
      applications: 1,
      openings: 1,
      contacts: 2,
      linkedRecords: 3,
    });

    const target = await redirectTarget(deleteCompanyAction(idle, formData({ id: acme.id })));
    expect(target).toBe("/companies");

    expect(await companyRow(acme.id)).toBeUndefined();
    expect(await db.select().from(applications).where(eq(applications.companyId, acme.id))).toEqual(
      [],
    );
    expect(await db.select().from(openings).where(eq(openings.companyId, acme.id))).toEqual([]);
    expect(
      await db
        .select()
        .from(processParticipants)
        .where(eq(processParticipants.applicationId, application.id)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(applicationStageChanges)
        .where(eq(applicationStageChanges.applicationId, application.id)),
    ).toEqual([]);
    const people = await db
      .select({ id: contacts.id, companyId: contacts.companyId })
      .from(contacts)
      .where(eq(contacts.userId, alice.id));
    expect(people).toHaveLength(2);
    expect(people.every((person) => person.companyId === null)).toBe(true);
    const [keptInteraction] = await db
      .select()
      .from(interactions)
      .where(eq(interactions.id, interaction!.id));
    expect(keptInteraction).toMatchObject({ contactId: dana.id, applicationId: null });
    const [keptNote] = await db.select().from(notes).where(eq(notes.id, note!.id));
    expect(keptNote).toMatchObject({ contactId: dana.id, applicationId: null });
    const [keptFollowUp] = await db.select().from(followUps).where(eq(followUps.id, followUp!.id));
    expect(keptFollowUp).toMatchObject({ contactId: eli.id, applicationId: null });

    // The other company is untouched.
    expect(await companyRow(other.id)).toBeDefined();
    const [keptApplication] = await db
      .select()
      .from(applications)
      .where(eq(applications.id, otherApplication.id));
    expect(keptApplication).toBeDefined();
    const [keptOpening] = await db.select().from(openings).where(eq(openings.id, otherOpening.id));
    expect(keptOpening).toBeDefined();
  });

  it("will not delete another user's company", async () => {
    const acme = await createCompanyFor(alice.id, { name: "Acme" });
    const application = await createApplicationFor(alice.id, acme.id);
    const dana = await createContactFor(alice.id, { companyId: acme.id });
    session.user = bob;

    const state = await deleteCompanyAction(idle, formData({ id: acme.id }));
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    // The form action lands back on the list either way.
    expect(await redirectTarget(deleteCompany(formData({ id: acme.id })))).toBe("/companies");

    expect(await companyRow(acme.id)).toBeDefined();
    const [keptApplication] = await getDb()
      .select()
      .from(applications)
      .where(and(eq(applications.id, application.id), eq(applications.userId, alice.id)));
    expect(keptApplication).toBeDefined();
    const [keptContact] = await getDb().select().from(contacts).where(eq(contacts.id, dana.id));
    expect(keptContact?.companyId).toBe(acme.id);
  });

  it("the delete form action sends a signed-out caller to sign in", async () => {
    const acme = await createCompanyFor(alice.id);
    session.user = null;
    expect(await redirectTarget(deleteCompany(formData({ id: acme.id })))).toBe("/sign-in");
    expect(await companyRow(acme.id)).toBeDefined();
  });

  it("the delete form action returns to the list after a delete", async () => {
    const acme = await createCompanyFor(alice.id);
    expect(await redirectTarget(deleteCompany(formData({ id: acme.id })))).toBe("/companies");
    expect(await companyRow(acme.id)).toBeUndefined();
  });
});

describe("companies list query string", () => {
  it("falls back to defaults for anything odd", () => {
    expect(companyListParamsSchema.parse({})).toEqual({ q: "", sort: "name", page: 1 });
    expect(
      companyListParamsSchema.parse({ q: [" acme ", "x"], sort: "recent", page: "3" }),
    ).toEqual({ q: "acme", sort: "recent", page: 3 });
    expect(companyListParamsSchema.parse({ sort: "drop table", page: "-2" })).toEqual({
      q: "",
      sort: "name",
      page: 1,
    });
    expect(companyListParamsSchema.parse({ page: "abc" }).page).toBe(1);
  });
});

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  deleteOpening as deleteOpeningRow,
  getOpening,
  insertOpening,
  listCompanyOpenings,
  searchOpenings,
  updateOpening as updateOpeningRow,
} from "@/lib/db/queries/openings";
import type { SessionUser } from "@/lib/db/queries/users";
import { openings } from "@/lib/db/schema";
import { openingSearchParamsSchema } from "@/lib/validations/openings";
import { createTestUser } from "../support/builders";
import {
  createCompanyFor,
  createOpeningFor,
  formData,
  redirectTarget,
} from "../support/company-builders";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createOpening, updateOpening, deleteOpening, deleteOpeningAction } = await import(
  "@/app/(app)/openings/actions"
);

const idle = { status: "idle" } as const;

async function openingRow(id: string) {
  const [row] = await getDb().select().from(openings).where(eq(openings.id, id));
  return row;
}

const blank = { location: null, url: null, notes: null };

describe("opening queries", () => {
  it("writes and reads openings only for their owner", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const acme = await createCompanyFor(alice.id, { name: "Acme" });
    const db = getDb();

    const opening = await insertOpening(db, alice.id, acme.id, {
      ...blank,
      title: "Designer",
      seenOn: "2026-04-01",
      location: "Berlin",
    });
    expect(opening).toMatchObject({ companyId: acme.id, title: "Designer", seenOn: "2026-04-01" });
    expect(await getOpening(alice.id, opening.id)).toMatchObject({
      title: "Designer",
      location: "Berlin",
      companyName: "Acme",
    });
    expect(await getOpening(bob.id, opening.id)).toBeUndefined();

    // The composite foreign key refuses an opening at someone else's company.
    const bobsCompany = await createCompanyFor(bob.id, { name: "Bobco" });
    await expect(
      insertOpening(db, alice.id, bobsCompany.id, { ...blank, title: "X", seenOn: "2026-04-01" }),
    ).rejects.toThrow();

    const change = { ...blank, title: "Hacked", seenOn: "2020-01-01" };
    expect(await updateOpeningRow(db, bob.id, opening.id, change)).toBeUndefined();
    expect(await deleteOpeningRow(db, bob.id, opening.id)).toBeUndefined();
    expect(await openingRow(opening.id)).toMatchObject({ title: "Designer" });

    expect(
      await updateOpeningRow(db, alice.id, opening.id, { ...change, title: "Lead Designer" }),
    ).toMatchObject({ title: "Lead Designer", seenOn: "2020-01-01", location: null });
    expect(await deleteOpeningRow(db, alice.id, opening.id)).toEqual({ companyId: acme.id });
    expect(await openingRow(opening.id)).toBeUndefined();
  });

  it("lists a company's openings newest first, bounded", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const acme = await createCompanyFor(alice.id);
    const other = await createCompanyFor(alice.id, { name: "Other" });
    await createOpeningFor(alice.id, acme.id, { title: "Old", seenOn: "2026-01-01" });
    await createOpeningFor(alice.id, acme.id, { title: "New", seenOn: "2026-03-01" });
    await createOpeningFor(alice.id, acme.id, { title: "Mid", seenOn: "2026-02-01" });
    await createOpeningFor(alice.id, other.id, { title: "Elsewhere" });

    const list = await listCompanyOpenings(alice.id, acme.id, 2);
    expect(list.total).toBe(3);
    expect(list.rows.map((row) => row.title)).toEqual(["New", "Mid"]);
    expect(await listCompanyOpenings(bob.id, acme.id)).toEqual({ rows: [], total: 0 });
  });

  it("searches by what (title, notes, company) and where (location)", async () => {
    const alice = await createTestUser();
    const bob = await createTestUser();
    const acme = await createCompanyFor(alice.id, { name: "Acme Robotics" });
    const globex = await createCompanyFor(alice.id, { name: "Globex" });
    await createOpeningFor(alice.id, acme.id, {
      title: "Product Designer",
      location: "Berlin, Germany",
      seenOn: "2026-03-10",
    });
    await createOpeningFor(alice.id, globex.id, {
      title: "Engineering Manager",
      location: "Remote",
      notes: "Same team as my design interview",
      seenOn: "2026-03-12",
    });
    await createOpeningFor(alice.id, globex.id, {
      title: "Data Analyst 100%",
      location: "Berlin",
      seenOn: "2026-03-01",
    });
    const bobsCompany = await createCompanyFor(bob.id, { name: "Acme Robotics" });
    await createOpeningFor(bob.id, bobsCompany.id, { title: "Product Designer" });

    const titles = async (search: Parameters<typeof searchOpenings>[1]) =>
      (await searchOpenings(alice.id, search)).rows.map((row) => row.title);

    expect(await titles({})).toEqual([
      "Engineering Manager",
      "Product Designer",
      "Data Analyst 100%",
    ]);
    expect(await titles({ what: "design" })).toEqual(["Engineering Manager", "Product Designer"]);
    expect(await titles({ what: "ROBOTICS" })).toEqual(["Product Designer"]);
    expect(await titles({ what: "acme designer" })).toEqual(["Product Designer"]);
    expect(await titles({ what: "100%" })).toEqual(["Data Analyst 100%"]);
    expect(await titles({ what: "%" })).toEqual(["Data Analyst 100%"]);
    expect(await titles({ where: "berlin" })).toEqual(["Product Designer", "Data Analyst 100%"]);
    expect(await titles({ what: "analyst", where: "berlin" })).toEqual(["Data Analyst 100%"]);
    expect(await titles({ what: "nothing like it" })).toEqual([]);

    const [first] = (await searchOpenings(alice.id, { what: "robotics" })).rows;
    expect(first).toMatchObject({ companyId: acme.id, companyName: "Acme Robotics" });

    const page1 = await searchOpenings(alice.id, { page: 1 }, 2);
    expect(page1).toMatchObject({ hasNext: true });
    const page2 = await searchOpenings(alice.id, { page: 2 }, 2);
    expect(page2.hasNext).toBe(false);
    expect(page2.rows.map((row) => row.title)).toEqual(["Data Analyst 100%"]);

    // Bob sees only his own.
    expect((await searchOpenings(bob.id, { what: "designer" })).rows).toHaveLength(1);
  });
});

describe("opening actions", () => {
  let alice: SessionUser;
  let bob: SessionUser;

  beforeEach(async () => {
    alice = await createTestUser({ name: "Alice" });
    bob = await createTestUser({ name: "Bob" });
    session.user = alice;
  });

  it("records an opening at the user's company", async () => {
    const acme = await createCompanyFor(alice.id);
    const state = await createOpening(
      idle,
      formData({
        companyId: acme.id,
        title: " Staff Designer ",
        location: "Lisbon",
        url: "acme.test/jobs/1",
        seenOn: "2026-05-02",
        notes: "",
      }),
    );
    expect(state).toMatchObject({ status: "success", data: { title: "Staff Designer" } });
    if (state.status !== "success") throw new Error("unreachable");
    expect(await openingRow(state.data.id)).toMatchObject({
      userId: alice.id,
      companyId: acme.id,
      title: "Staff Designer",
      location: "Lisbon",
      url: "https://acme.test/jobs/1",
      seenOn: "2026-05-02",
      notes: null,
    });
  });

  it("shows field messages and keeps what was typed", async () => {
    const acme = await createCompanyFor(alice.id);
    const state = await createOpening(
      idle,
      formData({ companyId: acme.id, title: "", seenOn: "yesterday", location: "Paris" }),
    );
    expect(state).toMatchObject({
      status: "invalid",
      fieldErrors: { title: [expect.any(String)], seenOn: [expect.any(String)] },
      values: { seenOn: "yesterday", location: "Paris" },
    });
    expect(await listCompanyOpenings(alice.id, acme.id)).toEqual({ rows: [], total: 0 });
  });

  it("will not record an opening at another user's company", async () => {
    const acme = await createCompanyFor(alice.id);
    session.user = bob;
    const state = await createOpening(
      idle,
      formData({ companyId: acme.id, title: "Spy", seenOn: "2026-05-02" }),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    expect(await listCompanyOpenings(alice.id, acme.id)).toEqual({ rows: [], total: 0 });
  });

  it("updates an opening and returns to its company", async () => {
    const acme = await createCompanyFor(alice.id);
    const opening = await createOpeningFor(alice.id, acme.id, { location: "Rome" });
    const target = await redirectTarget(
      updateOpening(
        idle,
        formData({ id: opening.id, title: "Principal Designer", seenOn: "2026-06-01" }),
      ),
    );
    expect(target).toBe(`/companies/${acme.id}`);
    expect(await openingRow(opening.id)).toMatchObject({
      title: "Principal Designer",
      seenOn: "2026-06-01",
      location: null,
      companyId: acme.id,
    });
  });

  it("will not update another user's opening", async () => {
    const acme = await createCompanyFor(alice.id);
    const opening = await createOpeningFor(alice.id, acme.id, { title: "Designer" });
    session.user = bob;
    const state = await updateOpening(
      idle,
      formData({ id: opening.id, title: "Hacked", seenOn: "2026-06-01" }),
    );
    expect(state).toMatchObject({ status: "error", code: "not_found" });
    expect(await openingRow(opening.id)).toMatchObject({ title: "Designer" });
  });

  it("deletes an opening and returns to its company", async () => {
    const acme = await createCompanyFor(alice.id);
    const opening = await createOpeningFor(alice.id, acme.id);
    const kept = await createOpeningFor(alice.id, acme.id, { title: "Kept" });
    expect(await redirectTarget(deleteOpening(formData({ id: opening.id })))).toBe(
      `/companies/${acme.id}`,
    );
    expect(await openingRow(opening.id)).toBeUndefined();
    expect(await openingRow(kept.id)).toBeDefined();
  });

  it("will not delete another user's opening", async () => {
    const acme = await createCompanyFor(alice.id);
    const opening = await createOpeningFor(alice.id, acme.id);
    session.user = bob;
    expect(await deleteOpeningAction(idle, formData({ id: opening.id }))).toMatchObject({
      status: "error",
      code: "not_found",
    });
    expect(await redirectTarget(deleteOpening(formData({ id: opening.id })))).toBe("/openings");
    expect(await openingRow(opening.id)).toBeDefined();

    session.user = null;
    expect(await redirectTarget(deleteOpening(formData({ id: opening.id })))).toBe("/sign-in");
    expect(await openingRow(opening.id)).toBeDefined();
  });
});

describe("openings query string", () => {
  it("reads what, where and page forgivingly", () => {
    expect(openingSearchParamsSchema.parse({})).toEqual({ what: "", where: "", page: 1 });
    expect(
      openingSearchParamsSchema.parse({ what: " designer ", where: ["Berlin", "x"], page: "2" }),
    ).toEqual({ what: "designer", where: "Berlin", page: 2 });
    expect(openingSearchParamsSchema.parse({ page: "0" }).page).toBe(1);
  });
});

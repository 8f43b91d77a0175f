import { eq, getTableName, is } from "drizzle-orm";
import { type AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import {
  ACCOUNT_EXPORT_SECTIONS,
  ACCOUNT_EXPORT_TABLES,
  accountExportJson,
  deleteAccount,
  getAccountFootprint,
} from "@/lib/db/queries/account";
import type { SessionUser } from "@/lib/db/queries/users";
import * as schema from "@/lib/db/schema";
import {
  accounts,
  applicationStageChanges,
  digestDeliveries,
  importBatches,
  openings,
  sessions,
  users,
} from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
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

// Only the session is stood in for (who is signed in, and signing out, which needs a request);
// the route handler, the action, its validation and the database are real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
const signOut = vi.hoisted(() => vi.fn());
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("@/lib/auth", async () => {
  const { redirect } = await import("next/navigation");
  return {
    signOut: async (options: { redirectTo: string }) => {
      signOut(options);
      redirect(options.redirectTo);
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const exportRoute = await import("@/app/api/account/export/route");
const { deleteAccountAction } = await import("@/app/(app)/settings/account/actions");

const idle = { status: "idle" } as const;

/** Every table with a user_id column, found in the schema itself so a new one cannot be missed. */
const OWNED_TABLES: [string, PgTable & { userId: AnyPgColumn }][] = (
  Object.values(schema) as unknown[]
)
  .filter(
    (value): value is PgTable & { userId: AnyPgColumn } => is(value, PgTable) && "userId" in value,
  )
  .map((table) => [getTableName(table), table]);

async function rowCounts(userId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const [name, table] of OWNED_TABLES) {
    const rows = await getDb()
      .select({ userId: table.userId })
      .from(table as PgTable)
      .where(eq(table.userId, userId));
    counts[name] = rows.length;
  }
  return counts;
}

/** A user with at least one row in every table they can own; returns the ids to look for. */
async function makeFullAccount(label: string) {
  const user = await createTestUser({ name: `${label} User` });
  const company = await makeCompany(user.id, { name: `${label} Corp` });
  const application = await makeApplication(user.id, company.id, { jobTitle: `${label} Designer` });
  const contact = await makeContact(user.id, {
    fullName: `${label} Contact`,
    companyId: company.id,
    tags: [`${label.toLowerCase()}-tag`],
  });
  const [stageChange] = await getDb()
    .insert(applicationStageChanges)
    .values({
      userId: user.id,
      applicationId: application.id,
      stage: "rejected",
      changedOn: "2026-02-01",
    })
    .returning();
  const participant = await makeParticipant(user.id, application.id, contact.id, {
    role: "hiring_manager",
    discussed: `${label} discussed design systems`,
  });
  const interaction = await makeInteraction(user.id, contact.id, { summary: `${label} call` });
  const note = await makeNote(user.id, contact.id, {
    applicationId: application.id,
    body: `Dear ${label}, thank you`,
  });
  const followUp = await makeFollowUp(user.id, contact.id, { reason: `${label} check-in` });
  const [opening] = await getDb()
    .insert(openings)
    .values({
      userId: user.id,
      companyId: company.id,
      title: `${label} Opening`,
      seenOn: "2026-03-01",
    })
    .returning();
  const [batch] = await getDb()
    .insert(importBatches)
    .values({
      userId: user.id,
      format: "csv",
      fileName: `${label}.csv`,
      columns: ["Name"],
      rows: [{ line: 2, cells: [`${label} Imported`] }],
    })
    .returning();
  await getDb().insert(digestDeliveries).values({ userId: user.id, weekStart: "2026-03-02" });
  await getDb()
    .insert(accounts)
    .values({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: `${label}-${user.id}`,
      access_token: `${label}-secret-access-token`,
    });
  await getDb()
    .insert(sessions)
    .values({
      userId: user.id,
      sessionToken: `${label}-${user.id}`,
      expires: new Date(Date.now() + 86_400_000),
    });
  return {
    user,
    ids: [
      company.id,
      application.id,
      contact.id,
      stageChange!.id,
      participant.id,
      interaction.id,
      note.id,
      followUp.id,
      opening!.id,
      batch!.id,
    ],
  };
}

async function exportText(): Promise<{ response: Response; text: string }> {
  const response = await exportRoute.GET();
  return { response, text: await response.text() };
}

describe("account data export", () => {
  let alice: Awaited<ReturnType<typeof makeFullAccount>>;
  let bob: Awaited<ReturnType<typeof makeFullAccount>>;

  beforeEach(async () => {
    alice = await makeFullAccount("Alice");
    bob = await makeFullAccount("Bob");
  });

  it("covers every table that holds a user's rows", () => {
    // Sign-in links are summarised without their tokens; sessions are only secrets;
    // contact_tags is derived from the contacts' own tags (kept by triggers), which are exported.
    const summarised = ["accounts", "sessions", "contact_tags"];
    expect(OWNED_TABLES.length).toBeGreaterThanOrEqual(13);
    for (const [name] of OWNED_TABLES) {
      if (!summarised.includes(name)) expect(ACCOUNT_EXPORT_TABLES, name).toContain(name);
    }
  });

  it("refuses a signed-out caller with 401", async () => {
    session.user = null;
    const response = await exportRoute.GET();
    expect(response.status).toBe(401);
  });

  it("downloads everything the user owns as one dated JSON file", async () => {
    session.user = alice.user;
    const { response, text } = await exportText();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain(
      `filename="runner-up-account-${todayIso()}.json"`,
    );
    const data = JSON.parse(text);
    expect(data).toMatchObject({
      format: "runner-up-account-export",
      version: 1,
      profile: {
        id: alice.user.id,
        email: alice.user.email,
        name: "Alice User",
        hasPassword: true,
      },
      signInProviders: [{ provider: "github", type: "oauth" }],
    });
    for (const section of ACCOUNT_EXPORT_SECTIONS) {
      expect(data[section], section).toHaveLength(1);
    }
    const exportedIds = ACCOUNT_EXPORT_SECTIONS.flatMap((section) =>
      (data[section] as { id?: string }[]).map((row) => row.id),
    );
    for (const id of alice.ids) expect(exportedIds).toContain(id);
    expect(data.contacts[0]).toMatchObject({ fullName: "Alice Contact", tags: ["alice-tag"] });
    expect(data.participants[0]).toMatchObject({ discussed: "Alice discussed design systems" });
    expect(data.pendingImports[0]).toMatchObject({
      rows: [{ line: 2, cells: ["Alice Imported"] }],
    });
    expect(data.weeklyDigests[0]).toMatchObject({ weekStart: "2026-03-02" });
  });

  it("contains none of another user's rows and no secrets", async () => {
    session.user = alice.user;
    const { text } = await exportText();
    for (const id of [bob.user.id, ...bob.ids]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/Bob/);
    expect(text).not.toMatch(/passwordHash|password_hash|\$argon2/);
    expect(text).not.toContain("secret-access-token");
    expect(text).not.toMatch(/calendarToken|sessionToken/);
  });

  it("reads every table in pages without losing or repeating rows", async () => {
    for (let i = 0; i < 5; i += 1) {
      await makeContact(alice.user.id, { fullName: `Extra ${i}` });
      await makeFollowUp(alice.user.id, alice.ids[2]!, { reason: `Extra ${i}` });
    }
    const now = new Date("2026-11-26T12:00:00Z");
    const collect = async (pageSize: number) => {
      let text = "";
      for await (const chunk of accountExportJson(alice.user.id, { pageSize, now })) text += chunk;
      return JSON.parse(text);
    };
    const whole = await collect(1000);
    const paged = await collect(2);
    expect(whole.contacts).toHaveLength(6);
    expect(whole.followUps).toHaveLength(6);
    expect(paged).toEqual(whole);
  });
});

describe("account deletion", () => {
  it("refuses a signed-out caller", async () => {
    session.user = null;
    const result = await deleteAccountAction(idle, form({ confirmation: "delete my account" }));
    expect(result).toMatchObject({ status: "error", code: "unauthenticated" });
  });

  it("needs the confirmation phrase, and keeps only what was typed", async () => {
    const { user } = await makeFullAccount("Carol");
    session.user = user;
    const before = await rowCounts(user.id);
    for (const confirmation of ["", "delete", "please delete my acount"]) {
      const result = await deleteAccountAction(idle, form({ confirmation }));
      expect(result).toMatchObject({
        status: "invalid",
        fieldErrors: { confirmation: [expect.stringMatching(/delete my account/)] },
        values: { confirmation },
      });
    }
    expect(signOut).not.toHaveBeenCalled();
    expect(await rowCounts(user.id)).toEqual(before);
  });

  it("deletes the user and, by cascade, every row they own, then signs out", async () => {
    const carol = await makeFullAccount("Carol");
    const dave = await makeFullAccount("Dave");
    const daveBefore = await rowCounts(dave.user.id);
    expect(Object.values(await rowCounts(carol.user.id)).every((n) => n > 0)).toBe(true);
    expect(await getAccountFootprint(carol.user.id)).toEqual({
      companies: 1,
      contacts: 1,
      applications: 1,
      notes: 1,
    });

    session.user = carol.user;
    signOut.mockClear();
    expect(
      await redirectedTo(deleteAccountAction(idle, form({ confirmation: " Delete my account " }))),
    ).toBe("/");
    expect(signOut).toHaveBeenCalledWith({ redirectTo: "/" });

    const [gone] = await getDb().select().from(users).where(eq(users.id, carol.user.id));
    expect(gone).toBeUndefined();
    expect(Object.values(await rowCounts(carol.user.id))).toEqual(OWNED_TABLES.map(() => 0));
    // The other account is untouched.
    expect(await rowCounts(dave.user.id)).toEqual(daveBefore);

    // The stale session can no longer act: deleting again finds no account.
    const again = await deleteAccountAction(idle, form({ confirmation: "delete my account" }));
    expect(again).toMatchObject({ status: "error", code: "not_found" });
  });

  it("deleteAccount touches only the given user", async () => {
    const erin = await makeFullAccount("Erin");
    const frank = await makeFullAccount("Frank");
    const frankBefore = await rowCounts(frank.user.id);
    expect(await deleteAccount(getDb(), erin.user.id)).toBe(true);
    expect(await deleteAccount(getDb(), erin.user.id)).toBe(false);
    expect(await rowCounts(frank.user.id)).toEqual(frankBefore);
  });
});

import { and, asc, count, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { databaseHandle, executeRows, getDb } from "@/lib/db/client";
import { hasSampleData, loadSampleData, removeSampleData } from "@/lib/db/queries/sample-data";
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
import { seedBulk } from "@/lib/demo/seed";
import { AppError } from "@/lib/errors";
import { createTestUser } from "../support/builders";

// Only the session is a stand-in: actions, queries and the database run for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const actions = await import("@/app/(app)/dashboard/actions");

const tables = {
  companies,
  contacts,
  applications,
  stageChanges: applicationStageChanges,
  participants: processParticipants,
  interactions,
  notes,
  followUps,
  openings,
};
type TableName = keyof typeof tables;

/** Rows per table owned by the user. */
async function countsFor(userId: string): Promise<Record<TableName, number>> {
  const entries = await Promise.all(
    Object.entries(tables).map(async ([name, table]) => {
      const [row] = await getDb()
        .select({ n: count() })
        .from(table)
        .where(eq(table.userId, userId));
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<TableName, number>;
}

async function sampleCounts(userId: string) {
  const db = getDb();
  const flagged = async (table: typeof companies | typeof contacts | typeof applications) => {
    const [row] = await db
      .select({ n: count() })
      .from(table)
      .where(and(eq(table.userId, userId), eq(table.isSample, true)));
    return row?.n ?? 0;
  };
  const [sampleInteractions] = await db
    .select({ n: count() })
    .from(interactions)
    .where(and(eq(interactions.userId, userId), eq(interactions.isSample, true)));
  const [sampleOpenings] = await db
    .select({ n: count() })
    .from(openings)
    .where(and(eq(openings.userId, userId), eq(openings.isSample, true)));
  return {
    companies: await flagged(companies),
    contacts: await flagged(contacts),
    applications: await flagged(applications),
    interactions: sampleInteractions?.n ?? 0,
    openings: sampleOpenings?.n ?? 0,
  };
}

const emptyForm = () => new FormData();

describe("sample data", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("loads the sample account in full, every row flagged", async () => {
    const user = await createTestUser();
    expect(await hasSampleData(user.id)).toBe(false);
    const loaded = await loadSampleData(user.id);
    const expected = {
      companies: 4,
      contacts: 7,
      applications: 3,
      stageChanges: 10,
      participants: 7,
      interactions: 12,
      notes: 0,
      followUps: 0,
      openings: 1,
    };
    expect(loaded).toEqual(expected);
    expect(await countsFor(user.id)).toEqual(expected);
    expect(await sampleCounts(user.id)).toEqual({
      companies: 4,
      contacts: 7,
      applications: 3,
      interactions: 12,
      openings: 1,
    });
    expect(await hasSampleData(user.id)).toBe(true);

    const db = getDb();
    const [rejected] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.userId, user.id), eq(applications.stage, "rejected")));
    expect(rejected).toMatchObject({
      wasFinalist: true,
      runnerUpRank: 2,
      jobTitle: "Senior Product Designer",
    });
    expect(rejected?.feedback).toBeTruthy();
    expect(rejected?.rejectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const history = await db
      .select({
        stage: applicationStageChanges.stage,
        changedOn: applicationStageChanges.changedOn,
      })
      .from(applicationStageChanges)
      .where(eq(applicationStageChanges.applicationId, rejected!.id))
      .orderBy(asc(applicationStageChanges.changedOn));
    expect(history.map((row) => row.stage)).toEqual([
      "applied",
      "screening",
      "interviewing",
      "final_round",
      "rejected",
    ]);
    expect(history.at(-1)?.changedOn).toBe(rejected?.rejectedOn);

    const people = await db
      .select({
        role: processParticipants.role,
        discussed: processParticipants.discussed,
        email: contacts.email,
        title: contacts.title,
        lastContactedAt: contacts.lastContactedAt,
      })
      .from(processParticipants)
      .innerJoin(contacts, eq(contacts.id, processParticipants.contactId))
      .where(eq(processParticipants.applicationId, rejected!.id));
    expect(people.map((row) => row.role).sort()).toEqual([
      "hiring_manager",
      "interviewer",
      "interviewer",
      "recruiter",
    ]);
    expect(new Set(people.map((row) => row.discussed)).size).toBe(4);
    for (const person of people) {
      expect(person.email).toMatch(/@northwind\.example$/);
      expect(person.title).toBeTruthy();
      expect(person.lastContactedAt).toBeInstanceOf(Date);
    }

    const [opening] = await db.select().from(openings).where(eq(openings.userId, user.id));
    expect(opening?.companyId).toBe(rejected?.companyId);
  });

  it("refuses a second load and changes nothing", async () => {
    const user = await createTestUser();
    await loadSampleData(user.id);
    const before = await countsFor(user.id);
    const refusal = loadSampleData(user.id);
    await expect(refusal).rejects.toBeInstanceOf(AppError);
    await expect(loadSampleData(user.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await countsFor(user.id)).toEqual(before);
  });

  it("loads once when two loads race", async () => {
    const user = await createTestUser();
    const results = await Promise.allSettled([loadSampleData(user.id), loadSampleData(user.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await countsFor(user.id)).contacts).toBe(7);
  });

  it("removes exactly the sample rows and keeps what the user made", async () => {
    const user = await createTestUser();
    await loadSampleData(user.id);
    const db = getDb();
    const [own] = await db
      .insert(companies)
      .values({ userId: user.id, name: "My Own Co" })
      .returning();
    const [ownContact] = await db
      .insert(contacts)
      .values({ userId: user.id, fullName: "Own Person", companyId: own!.id })
      .returning();
    const [northwind] = await db
      .select()
      .from(companies)
      .where(and(eq(companies.userId, user.id), eq(companies.name, "Northwind Analytics")));
    const [sampleApplication] = await db
      .select()
      .from(applications)
      .where(and(eq(applications.userId, user.id), eq(applications.companyId, northwind!.id)));
    // The user's own application at a sample company, and an interaction of theirs linked to
    // a sample application.
    const [ownApplication] = await db
      .insert(applications)
      .values({ userId: user.id, companyId: northwind!.id, jobTitle: "Design Lead" })
      .returning();
    const [ownInteraction] = await db
      .insert(interactions)
      .values({
        userId: user.id,
        contactId: ownContact!.id,
        applicationId: sampleApplication!.id,
        kind: "coffee",
        occurredAt: new Date(),
      })
      .returning();

    const removed = await removeSampleData(user.id);
    expect(removed).toEqual({
      companies: 3,
      contacts: 7,
      applications: 3,
      interactions: 12,
      openings: 1,
      companiesKept: 1,
    });
    expect(await hasSampleData(user.id)).toBe(false);
    expect(await sampleCounts(user.id)).toEqual({
      companies: 0,
      contacts: 0,
      applications: 0,
      interactions: 0,
      openings: 0,
    });
    const left = await db
      .select({ name: companies.name, isSample: companies.isSample })
      .from(companies)
      .where(eq(companies.userId, user.id))
      .orderBy(asc(companies.name));
    expect(left).toEqual([
      { name: "My Own Co", isSample: false },
      { name: "Northwind Analytics", isSample: false },
    ]);
    expect(await countsFor(user.id)).toMatchObject({
      contacts: 1,
      applications: 1,
      interactions: 1,
      participants: 0,
      stageChanges: 0,
    });
    const [keptApplication] = await db
      .select()
      .from(applications)
      .where(eq(applications.id, ownApplication!.id));
    expect(keptApplication?.jobTitle).toBe("Design Lead");
    const [keptInteraction] = await db
      .select()
      .from(interactions)
      .where(eq(interactions.id, ownInteraction!.id));
    expect(keptInteraction?.applicationId).toBeNull();

    // Nothing left to remove; loading again works after a removal.
    expect(await removeSampleData(user.id)).toMatchObject({ companies: 0, contacts: 0 });
    await loadSampleData(user.id);
    expect(await hasSampleData(user.id)).toBe(true);
  });

  it("attaches to a company the user already has instead of duplicating its name", async () => {
    const user = await createTestUser();
    const [kestrel] = await getDb()
      .insert(companies)
      .values({ userId: user.id, name: "kestrel health", interest: 1 })
      .returning();
    await loadSampleData(user.id);
    const names = await executeRows<{ n: number }>(
      getDb(),
      sql`select count(*)::int as n from ${companies}
          where ${companies.userId} = ${user.id} and lower(${companies.name}) = 'kestrel health'`,
    );
    expect(names[0]?.n).toBe(1);
    const [application] = await getDb()
      .select()
      .from(applications)
      .where(and(eq(applications.userId, user.id), eq(applications.companyId, kestrel!.id)));
    expect(application?.isSample).toBe(true);

    await removeSampleData(user.id);
    const [still] = await getDb().select().from(companies).where(eq(companies.id, kestrel!.id));
    expect(still).toMatchObject({ name: "kestrel health", interest: 1, isSample: false });
  });

  it("bulk-seeds a large account in proportion, owned by the user, recency consistent", async () => {
    const user = await createTestUser();
    await loadSampleData(user.id);
    const result = await seedBulk(databaseHandle(), user.id, { contacts: 500, seed: 3 });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    expect(result.counts).toMatchObject({ contacts: 500, companies: 25, applications: 50 });
    expect(result.counts.interactions).toBeGreaterThan(1250);
    expect(result.counts.interactions).toBeLessThan(1750);
    expect(result.counts.notes).toBeGreaterThan(0);
    expect(result.counts.followUps).toBeGreaterThan(0);

    const counts = await countsFor(user.id);
    expect(counts.contacts).toBe(507);
    expect(counts.companies).toBe(29);
    expect(counts.applications).toBe(53);
    expect(counts.interactions).toBe(result.counts.interactions + 12);
    expect(counts.participants).toBe(result.counts.participants + 7);
    expect(counts.notes).toBe(result.counts.notes);
    expect(counts.followUps).toBe(result.counts.followUps);

    const [stages] = await executeRows<{ n: number }>(
      getDb(),
      sql`select count(distinct ${applications.stage})::int as n from ${applications}
          where ${applications.userId} = ${user.id}`,
    );
    expect(stages?.n).toBeGreaterThanOrEqual(6);

    // last_contacted_at agrees with the interactions, contact by contact.
    const [mismatch] = await executeRows<{ n: number; set: number }>(
      getDb(),
      sql`select
            count(*) filter (where c.last_contacted_at is distinct from latest.at)::int as n,
            count(c.last_contacted_at)::int as set
          from ${contacts} c
          left join lateral (
            select max(i.occurred_at) as at from ${interactions} i where i.contact_id = c.id
          ) latest on true
          where c.user_id = ${user.id}`,
    );
    expect(mismatch?.n).toBe(0);
    expect(mismatch?.set).toBeGreaterThan(450);

    // Every link stays inside the account (the composite keys enforce it; this checks the
    // generator never even tried otherwise).
    const [foreign] = await executeRows<{ n: number }>(
      getDb(),
      sql`select count(*)::int as n from ${interactions} i
          join ${contacts} c on c.id = i.contact_id
          left join ${applications} a on a.id = i.application_id
          where i.user_id = ${user.id}
            and (c.user_id <> ${user.id} or (a.id is not null and a.user_id <> ${user.id}))`,
    );
    expect(foreign?.n).toBe(0);
    const [duplicates] = await executeRows<{ n: number }>(
      getDb(),
      sql`select count(*)::int as n from (
            select lower(name) from ${companies} where user_id = ${user.id}
            group by lower(name) having count(*) > 1) d`,
    );
    expect(duplicates?.n).toBe(0);

    // All of it is sample data: one removal clears the account.
    await removeSampleData(user.id);
    expect(await countsFor(user.id)).toEqual({
      companies: 0,
      contacts: 0,
      applications: 0,
      stageChanges: 0,
      participants: 0,
      interactions: 0,
      notes: 0,
      followUps: 0,
      openings: 0,
    });
  });

  it("can bulk-seed rows that are not flagged as sample", async () => {
    const user = await createTestUser();
    await seedBulk(getDb(), user.id, { contacts: 40, seed: 9, isSample: false });
    expect(await hasSampleData(user.id)).toBe(false);
    expect((await countsFor(user.id)).contacts).toBe(40);
  });
});

describe("sample data actions", () => {
  it("refuse a signed-out caller", async () => {
    session.user = null;
    expect(await actions.loadSampleData({ status: "idle" }, emptyForm())).toMatchObject({
      status: "error",
      code: "unauthenticated",
    });
    expect(await actions.removeSampleData({ status: "idle" }, emptyForm())).toMatchObject({
      status: "error",
      code: "unauthenticated",
    });
  });

  it("load and remove for the session user, and explain a second load", async () => {
    const user = await createTestUser();
    session.user = user;
    await expect(actions.loadSampleData({ status: "idle" }, emptyForm())).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
    expect(await hasSampleData(user.id)).toBe(true);
    const again = await actions.loadSampleData({ status: "idle" }, emptyForm());
    expect(again).toMatchObject({ status: "error", code: "conflict" });
    expect(again.status === "error" && again.message).toMatch(/already loaded/);
    await expect(actions.removeSampleData({ status: "idle" }, emptyForm())).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
    expect(await hasSampleData(user.id)).toBe(false);
  });

  it("never touch another user's rows, whatever the form says", async () => {
    const alice = await createTestUser({ name: "Alice" });
    const bob = await createTestUser({ name: "Bob" });
    await loadSampleData(alice.id);
    await getDb().insert(companies).values({ userId: alice.id, name: "Alice's Own" });
    const aliceBefore = await countsFor(alice.id);

    session.user = bob;
    // Alice's sample data does not count as Bob's: his load goes through.
    const forged = new FormData();
    forged.set("userId", alice.id);
    await expect(actions.loadSampleData({ status: "idle" }, forged)).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
    expect((await countsFor(bob.id)).contacts).toBe(7);
    expect(await countsFor(alice.id)).toEqual(aliceBefore);

    await expect(actions.removeSampleData({ status: "idle" }, forged)).rejects.toThrow(
      /NEXT_REDIRECT/,
    );
    expect((await countsFor(bob.id)).contacts).toBe(0);
    expect(await countsFor(alice.id)).toEqual(aliceBefore);
    expect(await hasSampleData(alice.id)).toBe(true);

    // The queries too: removing for Bob again leaves Alice alone.
    expect(await removeSampleData(bob.id)).toMatchObject({ companies: 0, contacts: 0 });
    expect(await countsFor(alice.id)).toEqual(aliceBefore);
  });
});

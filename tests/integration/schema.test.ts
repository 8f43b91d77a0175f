import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { executeRows, getDb } from "@/lib/db/client";
import {
  applications,
  companies,
  contacts,
  interactions,
  processParticipants,
  users,
} from "@/lib/db/schema";
import { createTestUser } from "../support/builders";

async function seedProcess(userId: string) {
  const db = getDb();
  const [company] = await db.insert(companies).values({ userId, name: "Acme" }).returning();
  const [application] = await db
    .insert(applications)
    .values({ userId, companyId: company!.id, jobTitle: "Engineer", stage: "rejected" })
    .returning();
  const [contact] = await db
    .insert(contacts)
    .values({ userId, companyId: company!.id, fullName: "Dana Reyes" })
    .returning();
  return { company: company!, application: application!, contact: contact! };
}

describe("migrations", () => {
  it("creates every table of the data model", async () => {
    const rows = await executeRows<{ table_name: string }>(
      getDb(),
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    const names = rows.map((row) => row.table_name);
    for (const table of [
      "users",
      "accounts",
      "sessions",
      "verification_tokens",
      "rate_limits",
      "companies",
      "contacts",
      "applications",
      "application_stage_changes",
      "process_participants",
      "interactions",
      "notes",
      "follow_ups",
      "openings",
    ]) {
      expect(names).toContain(table);
    }
  });

  it("enforces enum check constraints", async () => {
    const user = await createTestUser();
    const { company } = await seedProcess(user.id);
    await expect(
      getDb()
        .insert(applications)
        .values({
          userId: user.id,
          companyId: company.id,
          jobTitle: "X",
          stage: "ghosted" as never,
        }),
    ).rejects.toThrow();
    await expect(
      getDb().update(companies).set({ interest: 9 }).where(eq(companies.id, company.id)),
    ).rejects.toThrow();
  });

  it("treats emails case-insensitively as one account", async () => {
    const email = `Mixed-${randomUUID()}@Example.test`;
    await createTestUser({ email });
    await expect(createTestUser({ email: email.toUpperCase() })).rejects.toThrow(/already taken/);
  });
});

describe("ownership in the database", () => {
  it("deletes everything a user owns when the user is deleted", async () => {
    const user = await createTestUser();
    const { application, contact } = await seedProcess(user.id);
    const db = getDb();
    await db.insert(processParticipants).values({
      userId: user.id,
      applicationId: application.id,
      contactId: contact.id,
      role: "hiring_manager",
    });
    await db.insert(interactions).values({
      userId: user.id,
      contactId: contact.id,
      applicationId: application.id,
      kind: "interview",
      occurredAt: new Date(),
    });
    await db.delete(users).where(eq(users.id, user.id));
    for (const table of [companies, contacts, applications, processParticipants, interactions]) {
      const rows = await db
        .select({ userId: table.userId })
        .from(table)
        .where(eq(table.userId, user.id));
      expect(rows).toHaveLength(0);
    }
  });

  it("refuses to link one user's contact into another user's application", async () => {
    const owner = await createTestUser();
    const intruder = await createTestUser();
    const { application } = await seedProcess(owner.id);
    const { contact: intruderContact } = await seedProcess(intruder.id);
    await expect(
      getDb().insert(processParticipants).values({
        userId: intruder.id,
        applicationId: application.id,
        contactId: intruderContact.id,
        role: "interviewer",
      }),
    ).rejects.toThrow();
  });
});

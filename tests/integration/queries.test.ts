import { describe, expect, it, vi } from "vitest";
import { getDb, openDatabase } from "@/lib/db/client";
import { checkDatabase } from "@/lib/db/queries/health";
import { getOverviewCounts } from "@/lib/db/queries/overview";
import { findUserForSignIn, getSessionUser } from "@/lib/db/queries/users";
import { applications, companies, contacts } from "@/lib/db/schema";
import { createTestUser } from "../support/builders";

describe("user-scoped queries", () => {
  it("counts only the signed-in user's records", async () => {
    const alice = await createTestUser({ name: "Alice" });
    const bob = await createTestUser({ name: "Bob" });
    const db = getDb();
    const [company] = await db
      .insert(companies)
      .values({ userId: alice.id, name: "Acme" })
      .returning();
    await db
      .insert(applications)
      .values({ userId: alice.id, companyId: company!.id, jobTitle: "PM" });
    await db.insert(contacts).values([
      { userId: alice.id, fullName: "A One" },
      { userId: alice.id, fullName: "A Two" },
    ]);
    expect(await getOverviewCounts(alice.id)).toEqual({
      companies: 1,
      contacts: 2,
      applications: 1,
    });
    expect(await getOverviewCounts(bob.id)).toEqual({ companies: 0, contacts: 0, applications: 0 });
  });

  it("finds users by email case-insensitively and by id", async () => {
    const user = await createTestUser({ email: `Case-${Date.now()}@Example.test` });
    const found = await findUserForSignIn(user.email.toUpperCase());
    expect(found?.id).toBe(user.id);
    expect(found?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await getSessionUser(user.id)).toEqual({
      id: user.id,
      name: "Test User",
      email: user.email,
    });
    expect(await getSessionUser("00000000-0000-0000-0000-000000000000")).toBeUndefined();
  });

  it("reports the database healthy", async () => {
    const health = await checkDatabase();
    expect(health.ok).toBe(true);
  });

  it("reports an unreachable database as unhealthy instead of hanging", async () => {
    const unreachable = openDatabase({ url: "postgres://postgres@127.0.0.1:9/nowhere" });
    vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const health = await checkDatabase(unreachable);
      expect(health).toMatchObject({ ok: false, driver: "postgres" });
    } finally {
      vi.restoreAllMocks();
      await unreachable.close();
    }
  });
});

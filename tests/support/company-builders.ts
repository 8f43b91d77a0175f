import { getDb } from "@/lib/db/client";
import { applications, companies, contacts, openings } from "@/lib/db/schema";

// Rows for company and opening tests, inserted straight into the database.

export async function createCompanyFor(
  userId: string,
  values: Partial<typeof companies.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(companies)
    .values({ name: "Acme", ...values, userId })
    .returning();
  return row!;
}

export async function createApplicationFor(
  userId: string,
  companyId: string,
  values: Partial<typeof applications.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(applications)
    .values({ jobTitle: "Product Designer", ...values, userId, companyId })
    .returning();
  return row!;
}

export async function createContactFor(
  userId: string,
  values: Partial<typeof contacts.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(contacts)
    .values({ fullName: "Dana Reyes", ...values, userId })
    .returning();
  return row!;
}

export async function createOpeningFor(
  userId: string,
  companyId: string,
  values: Partial<typeof openings.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(openings)
    .values({ title: "Senior Designer", seenOn: "2026-03-01", ...values, userId, companyId })
    .returning();
  return row!;
}

export { formData, redirectTarget } from "./actions";

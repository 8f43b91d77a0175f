import { getDb } from "@/lib/db/client";
import {
  applications,
  companies,
  contacts,
  followUps,
  interactions,
  notes,
  processParticipants,
} from "@/lib/db/schema";

// Rows for the contact, interaction and merge tests, inserted straight into the database.

export async function makeCompany(
  userId: string,
  values: Partial<typeof companies.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(companies)
    .values({ name: "Acme", ...values, userId })
    .returning();
  return row!;
}

export async function makeApplication(
  userId: string,
  companyId: string,
  values: Partial<typeof applications.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(applications)
    .values({ jobTitle: "Product Designer", stage: "rejected", ...values, userId, companyId })
    .returning();
  return row!;
}

export async function makeContact(
  userId: string,
  values: Partial<typeof contacts.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(contacts)
    .values({ fullName: "Dana Reyes", ...values, userId })
    .returning();
  return row!;
}

export async function makeParticipant(
  userId: string,
  applicationId: string,
  contactId: string,
  values: Partial<typeof processParticipants.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(processParticipants)
    .values({ role: "interviewer", ...values, userId, applicationId, contactId })
    .returning();
  return row!;
}

/** Inserted directly: last_contacted_at is NOT refreshed (tests call the query module for that). */
export async function makeInteraction(
  userId: string,
  contactId: string,
  values: Partial<typeof interactions.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(interactions)
    .values({
      kind: "call",
      occurredAt: new Date("2026-01-10T10:00:00Z"),
      ...values,
      userId,
      contactId,
    })
    .returning();
  return row!;
}

export async function makeNote(
  userId: string,
  contactId: string,
  values: Partial<typeof notes.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(notes)
    .values({
      source: "template:warm",
      sourceKind: "template",
      subject: "Thank you",
      ...values,
      userId,
      contactId,
    })
    .returning();
  return row!;
}

export async function makeFollowUp(
  userId: string,
  contactId: string,
  values: Partial<typeof followUps.$inferInsert> = {},
) {
  const [row] = await getDb()
    .insert(followUps)
    .values({
      dueOn: "2026-04-01",
      reason: "Check in",
      origin: "manual",
      ...values,
      userId,
      contactId,
    })
    .returning();
  return row!;
}

export function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(key, item);
  }
  return data;
}

/** The path a redirecting server action sent the browser to ("NEXT_REDIRECT;replace;/x;307;"). */
export async function redirectedTo(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const digest = (error as { digest?: string }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) {
      return digest.split(";")[2] ?? "";
    }
    throw error;
  }
  throw new Error("expected a redirect");
}

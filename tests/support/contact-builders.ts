import { getDb } from "@/lib/db/client";
import {
  type applications,
  followUps,
  interactions,
  notes,
  processParticipants,
} from "@/lib/db/schema";
import { createApplicationFor } from "./company-builders";

// Rows for the contact, interaction and merge tests, inserted straight into the database.

export {
  createCompanyFor as makeCompany,
  createContactFor as makeContact,
} from "./company-builders";

/** An application, rejected unless said otherwise (the contact tests' usual case). */
export function makeApplication(
  userId: string,
  companyId: string,
  values: Partial<typeof applications.$inferInsert> = {},
) {
  return createApplicationFor(userId, companyId, { stage: "rejected", ...values });
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

export { formData as form, redirectTarget as redirectedTo } from "./actions";

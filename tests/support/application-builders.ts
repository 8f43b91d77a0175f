import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import {
  type ApplicationStage,
  applicationStageChanges,
  applications,
  companies,
  contacts,
  interactions,
  type ParticipantRole,
  processParticipants,
} from "@/lib/db/schema";

// Rows written straight to the database, so a test's setup does not depend on the code it tests.

export async function insertCompany(userId: string, name = `Company ${randomUUID().slice(0, 8)}`) {
  const [row] = await getDb().insert(companies).values({ userId, name }).returning();
  return row!;
}

export async function insertApplication(
  userId: string,
  overrides: Partial<{
    companyId: string;
    jobTitle: string;
    stage: ApplicationStage;
    updatedAt: Date;
    wasFinalist: boolean;
    runnerUpRank: number;
  }> = {},
) {
  const companyId = overrides.companyId ?? (await insertCompany(userId)).id;
  const [row] = await getDb()
    .insert(applications)
    .values({ jobTitle: "Product Designer", ...overrides, userId, companyId })
    .returning();
  return row!;
}

export async function insertContact(
  userId: string,
  overrides: Partial<{ fullName: string; email: string; companyId: string; title: string }> = {},
) {
  const [row] = await getDb()
    .insert(contacts)
    .values({ fullName: "Dana Reyes", ...overrides, userId })
    .returning();
  return row!;
}

export async function insertParticipant(
  userId: string,
  applicationId: string,
  contactId: string,
  role: ParticipantRole = "interviewer",
  discussed: string | null = null,
) {
  const [row] = await getDb()
    .insert(processParticipants)
    .values({ userId, applicationId, contactId, role, discussed })
    .returning();
  return row!;
}

export async function insertInteraction(userId: string, contactId: string, applicationId: string) {
  const [row] = await getDb()
    .insert(interactions)
    .values({ userId, contactId, applicationId, kind: "interview", occurredAt: new Date() })
    .returning();
  return row!;
}

export async function insertStageChange(
  userId: string,
  applicationId: string,
  stage: ApplicationStage,
  changedOn: string,
) {
  await getDb().insert(applicationStageChanges).values({ userId, applicationId, stage, changedOn });
}

export async function readApplication(id: string) {
  const [row] = await getDb().select().from(applications).where(eq(applications.id, id));
  return row;
}

export async function stageChangesOf(applicationId: string) {
  return getDb()
    .select()
    .from(applicationStageChanges)
    .where(eq(applicationStageChanges.applicationId, applicationId));
}

export async function participantsOf(applicationId: string) {
  return getDb()
    .select()
    .from(processParticipants)
    .where(eq(processParticipants.applicationId, applicationId));
}

export async function contactsOf(userId: string) {
  return getDb().select().from(contacts).where(eq(contacts.userId, userId));
}

export async function interactionsOf(userId: string) {
  return getDb().select().from(interactions).where(eq(interactions.userId, userId));
}

export { formData, redirectTarget } from "./actions";

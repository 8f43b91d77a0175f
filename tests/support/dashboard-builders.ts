import { addDays, format } from "date-fns";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import {
  type ApplicationStage,
  applications,
  followUps,
  type InteractionKind,
  interactions,
  notes,
  openings,
  type ParticipantRole,
} from "@/lib/db/schema";
import {
  insertApplication,
  insertCompany,
  insertContact,
  insertParticipant,
  insertStageChange,
} from "./application-builders";

// Rows for the dashboard tests, written straight to the database.

/** "YYYY-MM-DD", `days` from `from` (negative for the past). */
export const dayFrom = (from: string, days: number) =>
  format(addDays(new Date(`${from}T12:00:00`), days), "yyyy-MM-dd");

/** A rejected process with its stage history and people, rejected `daysAgo` before `today`. */
export async function rejectedProcess(
  userId: string,
  today: string,
  options: {
    daysAgo?: number;
    furthest?: ApplicationStage;
    companyName?: string;
    interest?: number;
    people: { name: string; role: ParticipantRole }[];
  },
) {
  const company = await insertCompany(userId, options.companyName);
  if (options.interest) {
    await getDb().execute(
      sql`update companies set interest = ${options.interest} where id = ${company.id}`,
    );
  }
  const application = await insertApplication(userId, {
    companyId: company.id,
    stage: "rejected",
    wasFinalist: options.furthest === "final_round",
  });
  const rejectedOn = dayFrom(today, -(options.daysAgo ?? 5));
  await getDb().update(applications).set({ rejectedOn }).where(eq(applications.id, application.id));
  const path: ApplicationStage[] = ["applied", "screening", "interviewing", "final_round"];
  const furthest = path.indexOf(options.furthest ?? "interviewing");
  for (const [index, stage] of path.slice(0, furthest + 1).entries()) {
    await insertStageChange(userId, application.id, stage, dayFrom(rejectedOn, -30 + index * 5));
  }
  await insertStageChange(userId, application.id, "rejected", rejectedOn);
  const people: Record<string, string> = {};
  for (const person of options.people) {
    const contact = await insertContact(userId, {
      fullName: person.name,
      companyId: company.id,
    });
    await insertParticipant(userId, application.id, contact.id, person.role);
    people[person.name] = contact.id;
  }
  return { company, application: { ...application, rejectedOn }, people };
}

/** Logs an interaction and keeps contacts.last_contacted_at in step, as the app does. */
export async function logInteraction(
  userId: string,
  contactId: string,
  kind: InteractionKind,
  occurredAt: Date,
  applicationId: string | null = null,
) {
  await getDb().insert(interactions).values({ userId, contactId, applicationId, kind, occurredAt });
  await getDb().execute(
    sql`update contacts set last_contacted_at =
      (select max(occurred_at) from interactions where contact_id = ${contactId})
      where id = ${contactId}`,
  );
}

export async function insertFollowUp(
  userId: string,
  contactId: string,
  dueOn: string,
  overrides: Partial<{ reason: string; status: "open" | "done" | "skipped" }> = {},
) {
  const [row] = await getDb()
    .insert(followUps)
    .values({
      userId,
      contactId,
      dueOn,
      reason: overrides.reason ?? "Check in",
      origin: "manual",
      status: overrides.status ?? "open",
    })
    .returning();
  return row!;
}

export async function insertNote(
  userId: string,
  contactId: string,
  applicationId: string | null,
  overrides: Partial<{
    status: "draft" | "sent";
    sentAt: Date;
    outcome: "no_reply" | "replied" | "interview" | "offer";
  }> = {},
) {
  const status = overrides.status ?? "sent";
  const [row] = await getDb()
    .insert(notes)
    .values({
      userId,
      contactId,
      applicationId,
      body: "Thank you for your time.",
      source: "test",
      sourceKind: "manual",
      status,
      sentAt: status === "sent" ? (overrides.sentAt ?? new Date()) : null,
      outcome: overrides.outcome ?? null,
    })
    .returning();
  return row!;
}

export async function insertOpening(userId: string, companyId: string, seenOn: string) {
  await getDb().insert(openings).values({ userId, companyId, title: "Product Designer", seenOn });
}

export async function followUpsById(ids: string[]) {
  return getDb().select().from(followUps).where(inArray(followUps.id, ids));
}

export async function followUpsOfContact(contactId: string) {
  return getDb()
    .select()
    .from(followUps)
    .where(eq(followUps.contactId, contactId))
    .orderBy(followUps.dueOn);
}

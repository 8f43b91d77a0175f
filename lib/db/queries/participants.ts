import "server-only";
import { and, asc, eq, exists, ilike, inArray, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { touchApplication } from "@/lib/db/queries/applications";
import { insertInteractions } from "@/lib/db/queries/interactions";
import { assertOwned } from "@/lib/db/queries/ownership";
import {
  applications,
  companies,
  contacts,
  PARTICIPANT_ROLES,
  type ParticipantRole,
  processParticipants,
} from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { todayIso } from "@/lib/format";

// The people in each hiring process: which contact took part in which application, in which
// role, and what was discussed. A contact is one person across all their processes; removing
// them from a process never deletes the contact.

/** Hiring manager first, then recruiter, then interviewers: the order notes are written in. */
/** Hiring manager first, then recruiter, interviewers, panel, referrer, other. */
export const roleOrder: SQL = sql`case ${processParticipants.role} ${sql.raw(
  PARTICIPANT_ROLES.map((role, index) => `when '${role}' then ${index}`).join(" "),
)} end`;

export type Participant = {
  id: string;
  contactId: string;
  fullName: string;
  title: string | null;
  email: string | null;
  /** The contact's current employer, which may differ from this application's. */
  companyName: string | null;
  role: ParticipantRole;
  discussed: string | null;
  isSample: boolean;
};

export async function listParticipants(
  userId: string,
  applicationId: string,
): Promise<Participant[]> {
  return getDb()
    .select({
      id: processParticipants.id,
      contactId: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
      email: contacts.email,
      companyName: companies.name,
      role: processParticipants.role,
      discussed: processParticipants.discussed,
      isSample: contacts.isSample,
    })
    .from(processParticipants)
    .innerJoin(contacts, eq(contacts.id, processParticipants.contactId))
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(
      and(
        eq(processParticipants.applicationId, applicationId),
        eq(processParticipants.userId, userId),
      ),
    )
    .orderBy(roleOrder, asc(processParticipants.createdAt), asc(processParticipants.id))
    .limit(200);
}

export type ThankYouRecipient = {
  contactId: string;
  fullName: string;
  email: string | null;
  title: string | null;
  role: ParticipantRole;
  discussed: string | null;
  /** The employer of this application (the one the note is about). */
  companyName: string;
  jobTitle: string;
};

/** Everyone in the process, with what a personal thank-you note needs. Empty if not the user's. */
export async function listThankYouRecipients(
  userId: string,
  applicationId: string,
): Promise<ThankYouRecipient[]> {
  return getDb()
    .select({
      contactId: contacts.id,
      fullName: contacts.fullName,
      email: contacts.email,
      title: contacts.title,
      role: processParticipants.role,
      discussed: processParticipants.discussed,
      companyName: companies.name,
      jobTitle: applications.jobTitle,
    })
    .from(processParticipants)
    .innerJoin(contacts, eq(contacts.id, processParticipants.contactId))
    .innerJoin(applications, eq(applications.id, processParticipants.applicationId))
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(
      and(
        eq(processParticipants.applicationId, applicationId),
        eq(processParticipants.userId, userId),
        eq(applications.userId, userId),
      ),
    )
    .orderBy(roleOrder, asc(processParticipants.createdAt), asc(processParticipants.id))
    .limit(200);
}

export type ContactToAdd = {
  id: string;
  fullName: string;
  title: string | null;
  companyName: string | null;
  alreadyInProcess: boolean;
};

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** Up to `limit` of the user's contacts whose name contains `query`, for "add to this process". */
export async function searchContactsForApplication(
  userId: string,
  applicationId: string,
  query: string,
  limit = 10,
): Promise<ContactToAdd[]> {
  const term = query.trim();
  if (!term) return [];
  const inProcess = getDb()
    .select({ one: sql`1` })
    .from(processParticipants)
    .where(
      and(
        eq(processParticipants.applicationId, applicationId),
        eq(processParticipants.contactId, contacts.id),
        eq(processParticipants.userId, userId),
      ),
    );
  return getDb()
    .select({
      id: contacts.id,
      fullName: contacts.fullName,
      title: contacts.title,
      companyName: companies.name,
      alreadyInProcess: exists(inProcess).mapWith(Boolean),
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(and(eq(contacts.userId, userId), ilike(contacts.fullName, `%${escapeLike(term)}%`)))
    .orderBy(asc(sql`lower(${contacts.fullName})`), asc(contacts.id))
    .limit(limit);
}

// ---------------------------------------------------------------------------------------------
// Writes (pass the transaction when several belong together).

/**
 * Adds one of the user's contacts to one of the user's applications. Throws not_found for
 * anything that is not the user's; returns undefined when the contact is already in it.
 */
export async function addParticipant(
  executor: Executor,
  userId: string,
  input: {
    applicationId: string;
    contactId: string;
    role: ParticipantRole;
    discussed: string | null;
  },
): Promise<string | undefined> {
  await assertOwned(executor, applications, userId, input.applicationId, "The application");
  await assertOwned(executor, contacts, userId, input.contactId, "The contact");
  const [row] = await executor
    .insert(processParticipants)
    .values({ userId, ...input })
    .onConflictDoNothing({
      target: [processParticipants.applicationId, processParticipants.contactId],
    })
    .returning({ id: processParticipants.id });
  if (row) await touchApplication(executor, userId, input.applicationId);
  return row?.id;
}

export async function updateParticipant(
  executor: Executor,
  userId: string,
  input: {
    applicationId: string;
    participantId: string;
    role: ParticipantRole;
    discussed: string | null;
  },
): Promise<string | undefined> {
  const [row] = await executor
    .update(processParticipants)
    .set({ role: input.role, discussed: input.discussed })
    .where(
      and(
        eq(processParticipants.id, input.participantId),
        eq(processParticipants.applicationId, input.applicationId),
        eq(processParticipants.userId, userId),
      ),
    )
    .returning({ id: processParticipants.id });
  return row?.id;
}

/** Takes the person out of this process; the contact and their interactions stay. */
export async function removeParticipant(
  executor: Executor,
  userId: string,
  input: { applicationId: string; participantId: string },
): Promise<string | undefined> {
  const [row] = await executor
    .delete(processParticipants)
    .where(
      and(
        eq(processParticipants.id, input.participantId),
        eq(processParticipants.applicationId, input.applicationId),
        eq(processParticipants.userId, userId),
      ),
    )
    .returning({ id: processParticipants.id });
  return row?.id;
}

// ---------------------------------------------------------------------------------------------
// Quick capture.

export type CapturedPersonInput = {
  name: string;
  role: ParticipantRole;
  discussed: string | null;
  /** Lower-cased by validation. */
  email: string | null;
};

export type QuickCaptureResult = {
  contactIds: string[];
  createdContacts: number;
  reusedContacts: number;
  addedParticipants: number;
  loggedInteractions: number;
};

/** A calendar day as a moment: now if it is today, else midday (no time was given). */
function dayToMoment(day: string, now: Date): Date {
  return day === todayIso(now) ? now : new Date(`${day}T12:00:00`);
}

/**
 * Everyone met in an interview, in one go: creates the contacts (at the application's
 * company; an existing contact with the same email is reused), adds them to the process
 * (skipping those already in it) and optionally logs an interview with each. Run it inside a
 * transaction so a failure writes nothing.
 */
export async function quickCapture(
  executor: Executor,
  userId: string,
  input: {
    applicationId: string;
    people: CapturedPersonInput[];
    interview: { on: string; summary: string | null } | null;
  },
  now = new Date(),
): Promise<QuickCaptureResult> {
  const [application] = await executor
    .select({ id: applications.id, companyId: applications.companyId })
    .from(applications)
    .where(and(eq(applications.id, input.applicationId), eq(applications.userId, userId)))
    .limit(1);
  if (!application) throw notFound("The application");

  const emails = [
    ...new Set(input.people.map((person) => person.email?.toLowerCase()).filter(Boolean)),
  ] as string[];
  const byEmail = new Map<string, string>();
  if (emails.length > 0) {
    const existing = await executor
      .select({ id: contacts.id, email: sql<string>`lower(${contacts.email})` })
      .from(contacts)
      .where(and(eq(contacts.userId, userId), inArray(sql`lower(${contacts.email})`, emails)))
      .orderBy(asc(contacts.createdAt), asc(contacts.id));
    // The oldest contact wins when the user already has duplicates.
    for (const row of existing) if (!byEmail.has(row.email)) byEmail.set(row.email, row.id);
  }
  const reused = new Set(byEmail.values());

  let createdContacts = 0;
  const captured: { contactId: string; person: CapturedPersonInput }[] = [];
  for (const person of input.people) {
    const email = person.email?.toLowerCase() ?? null;
    let contactId = email ? byEmail.get(email) : undefined;
    if (!contactId) {
      const [created] = await executor
        .insert(contacts)
        .values({ userId, companyId: application.companyId, fullName: person.name, email })
        .returning({ id: contacts.id });
      if (!created) throw new Error("contact insert returned nothing");
      contactId = created.id;
      createdContacts += 1;
      if (email) byEmail.set(email, contactId);
    }
    // The same person typed twice (same email) is one participant, first row wins.
    if (!captured.some((entry) => entry.contactId === contactId)) {
      captured.push({ contactId, person });
    }
  }

  const added = await executor
    .insert(processParticipants)
    .values(
      captured.map(({ contactId, person }) => ({
        userId,
        applicationId: application.id,
        contactId,
        role: person.role,
        discussed: person.discussed,
      })),
    )
    .onConflictDoNothing({
      target: [processParticipants.applicationId, processParticipants.contactId],
    })
    .returning({ id: processParticipants.id });

  let loggedInteractions = 0;
  if (input.interview) {
    const occurredAt = dayToMoment(input.interview.on, now);
    const summary = input.interview.summary;
    const logged = await insertInteractions(
      executor,
      userId,
      captured.map(({ contactId, person }) => ({
        contactId,
        applicationId: application.id,
        kind: "interview" as const,
        occurredAt,
        summary: summary ?? person.discussed,
      })),
    );
    loggedInteractions = logged.length;
  }

  await touchApplication(executor, userId, application.id);
  return {
    contactIds: captured.map((entry) => entry.contactId),
    createdContacts,
    reusedContacts: captured.filter((entry) => reused.has(entry.contactId)).length,
    addedParticipants: added.length,
    loggedInteractions,
  };
}

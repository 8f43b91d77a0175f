import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import {
  applications,
  companies,
  contacts,
  followUps,
  type NOTE_OUTCOMES,
  notes,
  processParticipants,
  users,
} from "@/lib/db/schema";
import type { CheckResult } from "@/lib/drafting/checker";
import type { Channel, Draft, NoteContext } from "@/lib/drafting/types";
import { effectiveCadence, followUpsAfterNote } from "@/lib/nurture/cadence";
import { insertInteractions } from "./interactions";
import { listThankYouRecipients, roleOrder } from "./participants";

export type NoteOutcome = (typeof NOTE_OUTCOMES)[number];

export type NoteSource = { source: string; sourceKind: "model" | "template" | "manual" };

/** A note with everything its editor shows and its drafting needs. */
export type NoteDetail = {
  id: string;
  contactId: string;
  applicationId: string | null;
  channel: Channel;
  subject: string | null;
  body: string;
  source: string;
  sourceKind: "model" | "template" | "manual";
  status: "draft" | "sent";
  sentAt: Date | null;
  outcome: NoteOutcome | null;
  updatedAt: Date;
  contactName: string;
  contactTitle: string | null;
  contactEmail: string | null;
  contactLinkedinUrl: string | null;
  role: NoteContext["recipient"]["role"] | null;
  discussed: string | null;
  jobTitle: string | null;
  companyName: string | null;
  rejectedOn: string | null;
};

const detailColumns = {
  id: notes.id,
  contactId: notes.contactId,
  applicationId: notes.applicationId,
  channel: notes.channel,
  subject: notes.subject,
  body: notes.body,
  source: notes.source,
  sourceKind: notes.sourceKind,
  status: notes.status,
  sentAt: notes.sentAt,
  outcome: notes.outcome,
  updatedAt: notes.updatedAt,
  contactName: contacts.fullName,
  contactTitle: contacts.title,
  contactEmail: contacts.email,
  contactLinkedinUrl: contacts.linkedinUrl,
  role: processParticipants.role,
  discussed: processParticipants.discussed,
  jobTitle: applications.jobTitle,
  companyName: companies.name,
  rejectedOn: applications.rejectedOn,
};

function detailQuery(executor: Executor) {
  return executor
    .select(detailColumns)
    .from(notes)
    .innerJoin(contacts, eq(contacts.id, notes.contactId))
    .leftJoin(applications, eq(applications.id, notes.applicationId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .leftJoin(
      processParticipants,
      and(
        eq(processParticipants.applicationId, notes.applicationId),
        eq(processParticipants.contactId, notes.contactId),
      ),
    );
}

export async function getNote(
  userId: string,
  noteId: string,
  executor: Executor = getDb(),
): Promise<NoteDetail | undefined> {
  const [row] = await detailQuery(executor)
    .where(and(eq(notes.id, noteId), eq(notes.userId, userId)))
    .limit(1);
  return row;
}

/** The notes of one application's thank-you batch, in the order of its people. */
export async function listApplicationNotes(userId: string, applicationId: string) {
  return detailQuery(getDb())
    .where(and(eq(notes.userId, userId), eq(notes.applicationId, applicationId)))
    .orderBy(
      roleOrder,
      asc(processParticipants.createdAt),
      asc(contacts.fullName),
      asc(notes.createdAt),
    )
    .limit(200);
}

export async function countApplicationNotes(
  userId: string,
  applicationId: string,
): Promise<{ drafts: number; sent: number }> {
  const rows = await getDb()
    .select({ status: notes.status, n: count() })
    .from(notes)
    .where(and(eq(notes.userId, userId), eq(notes.applicationId, applicationId)))
    .groupBy(notes.status);
  return {
    drafts: rows.find((row) => row.status === "draft")?.n ?? 0,
    sent: rows.find((row) => row.status === "sent")?.n ?? 0,
  };
}

export type NoteListItem = Pick<
  NoteDetail,
  "id" | "contactId" | "channel" | "subject" | "status" | "sentAt" | "outcome" | "updatedAt"
> & { contactName: string; jobTitle: string | null; companyName: string | null };

/** Drafts first, then sent notes, most recent first; paginated. */
export async function listNotes(
  userId: string,
  options: { status?: "draft" | "sent"; page?: number } = {},
  pageSize = 30,
): Promise<{ rows: NoteListItem[]; hasNext: boolean }> {
  const page = Math.max(1, options.page ?? 1);
  const rows = await getDb()
    .select({
      id: notes.id,
      contactId: notes.contactId,
      channel: notes.channel,
      subject: notes.subject,
      status: notes.status,
      sentAt: notes.sentAt,
      outcome: notes.outcome,
      updatedAt: notes.updatedAt,
      contactName: contacts.fullName,
      jobTitle: applications.jobTitle,
      companyName: companies.name,
    })
    .from(notes)
    .innerJoin(contacts, eq(contacts.id, notes.contactId))
    .leftJoin(applications, eq(applications.id, notes.applicationId))
    .leftJoin(companies, eq(companies.id, applications.companyId))
    .where(
      and(eq(notes.userId, userId), options.status ? eq(notes.status, options.status) : undefined),
    )
    .orderBy(asc(notes.status), desc(notes.updatedAt), desc(notes.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { rows: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

export type SenderSettings = {
  name: string;
  signature: string | null;
  tone: NoteContext["tone"];
  /** Follow-up cadence in months; null = the default (1, 3, 6, 12). */
  cadenceMonths: number[] | null;
};

export async function getSenderSettings(userId: string): Promise<SenderSettings> {
  const [row] = await getDb()
    .select({
      name: users.name,
      email: users.email,
      signature: users.signature,
      tone: users.tone,
      cadenceMonths: users.cadenceMonths,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return {
    name: row?.name?.trim() || row?.email.split("@")[0] || "",
    signature: row?.signature ?? null,
    tone: row?.tone ?? "warm",
    cadenceMonths: row?.cadenceMonths ?? null,
  };
}

export async function updateSenderSettings(
  userId: string,
  settings: {
    name: string;
    signature: string | null;
    tone: NoteContext["tone"];
    /** undefined leaves the cadence as it is. */
    cadenceMonths?: number[] | null;
  },
): Promise<void> {
  await getDb()
    .update(users)
    .set({ ...settings, updatedAt: new Date() })
    .where(eq(users.id, userId));
}

/** The drafting context of a note: the record, the sender, and its place in its batch. */
export async function noteContext(
  userId: string,
  note: NoteDetail,
): Promise<NoteContext | undefined> {
  if (!note.applicationId || !note.jobTitle || !note.companyName) return undefined;
  const [sender, recipients] = await Promise.all([
    getSenderSettings(userId),
    listThankYouRecipients(userId, note.applicationId),
  ]);
  const position = recipients.findIndex((recipient) => recipient.contactId === note.contactId);
  return {
    recipient: {
      fullName: note.contactName,
      title: note.contactTitle,
      role: note.role ?? "other",
      discussed: note.discussed,
    },
    companyName: note.companyName,
    jobTitle: note.jobTitle,
    sender: { name: sender.name, signature: sender.signature },
    tone: sender.tone,
    channel: note.channel,
    variant: Math.max(0, position),
  };
}

export type NewDraftNote = {
  contactId: string;
  applicationId: string;
  channel: Channel;
  draft: Draft;
  source: NoteSource;
  checklist: CheckResult;
};

/**
 * Inserts the batch's notes, except where this person already has a draft for this
 * application and channel: the user's text there is never overwritten. Returns every note id.
 */
export async function insertDraftNotes(
  executor: Executor,
  userId: string,
  rows: NewDraftNote[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  const applicationId = rows[0]!.applicationId;
  const existing = await executor
    .select({ id: notes.id, contactId: notes.contactId, channel: notes.channel })
    .from(notes)
    .where(
      and(
        eq(notes.userId, userId),
        eq(notes.applicationId, applicationId),
        eq(notes.status, "draft"),
        inArray(
          notes.contactId,
          rows.map((row) => row.contactId),
        ),
      ),
    );
  const kept = new Map(existing.map((row) => [`${row.contactId}:${row.channel}`, row.id]));
  const fresh = rows.filter((row) => !kept.has(`${row.contactId}:${row.channel}`));
  const inserted = fresh.length
    ? await executor
        .insert(notes)
        .values(
          fresh.map((row) => ({
            userId,
            contactId: row.contactId,
            applicationId: row.applicationId,
            channel: row.channel,
            subject: row.draft.subject,
            body: row.draft.body,
            source: row.source.source,
            sourceKind: row.source.sourceKind,
            checklist: row.checklist,
          })),
        )
        .returning({ id: notes.id, contactId: notes.contactId, channel: notes.channel })
    : [];
  const ids = new Map([
    ...kept,
    ...inserted.map((row) => [`${row.contactId}:${row.channel}`, row.id] as const),
  ]);
  return rows.map((row) => ids.get(`${row.contactId}:${row.channel}`)!);
}

/** Saves the user's edits to a draft. Sent notes are kept as sent. */
export async function saveNoteText(
  userId: string,
  noteId: string,
  text: Draft & { checklist: CheckResult },
): Promise<{ updatedAt: Date } | undefined> {
  const [row] = await getDb()
    .update(notes)
    .set({
      subject: text.subject,
      body: text.body,
      checklist: text.checklist,
      updatedAt: new Date(),
    })
    .where(and(eq(notes.id, noteId), eq(notes.userId, userId), eq(notes.status, "draft")))
    .returning({ updatedAt: notes.updatedAt });
  return row;
}

/**
 * Replaces a draft with a newly generated one, but only if nobody changed it since
 * `expectedUpdatedAt` (the user's typing always wins over a late model answer).
 */
export async function replaceDraft(
  userId: string,
  noteId: string,
  expectedUpdatedAt: Date,
  draft: Draft,
  source: NoteSource,
  checklist: CheckResult,
): Promise<{ updatedAt: Date } | undefined> {
  const [row] = await getDb()
    .update(notes)
    .set({
      subject: draft.subject,
      body: draft.body,
      source: source.source,
      sourceKind: source.sourceKind,
      checklist,
      updatedAt: new Date(),
    })
    .where(
      and(
        eq(notes.id, noteId),
        eq(notes.userId, userId),
        eq(notes.status, "draft"),
        sql`date_trunc('milliseconds', ${notes.updatedAt}) = ${expectedUpdatedAt.toISOString()}::timestamptz`,
      ),
    )
    .returning({ updatedAt: notes.updatedAt });
  return row;
}

/**
 * Marks a note sent: logs a "note sent" interaction and schedules the cadence's follow-ups
 * for that person, all in the caller's transaction. Returns undefined if not the user's draft.
 */
export async function markNoteSent(
  executor: Executor,
  userId: string,
  noteId: string,
  sentOn: string,
): Promise<{ contactId: string; followUps: number } | undefined> {
  const note = await getNote(userId, noteId, executor);
  if (note?.status !== "draft") return undefined;
  const today = new Date().toISOString().slice(0, 10);
  const sentAt = sentOn === today ? new Date() : new Date(`${sentOn}T12:00:00`);
  await executor
    .update(notes)
    .set({ status: "sent", sentAt, updatedAt: new Date() })
    .where(and(eq(notes.id, noteId), eq(notes.userId, userId)));
  const what = note.channel === "email" ? "email" : "LinkedIn message";
  await insertInteractions(executor, userId, [
    {
      contactId: note.contactId,
      applicationId: note.applicationId,
      kind: "note_sent",
      occurredAt: sentAt,
      summary: `Sent a thank-you ${what}${note.subject ? `: “${note.subject}”` : ""}`,
    },
  ]);
  const open = await executor
    .select({ id: followUps.id })
    .from(followUps)
    .where(
      and(
        eq(followUps.userId, userId),
        eq(followUps.contactId, note.contactId),
        eq(followUps.origin, "cadence"),
        eq(followUps.status, "open"),
        note.applicationId ? eq(followUps.applicationId, note.applicationId) : undefined,
      ),
    )
    .limit(1);
  if (open.length > 0) return { contactId: note.contactId, followUps: 0 };
  // The person's own cadence, else the user's, else the default.
  const [cadence] = await executor
    .select({ contact: contacts.cadenceMonths, user: users.cadenceMonths })
    .from(contacts)
    .innerJoin(users, eq(users.id, contacts.userId))
    .where(and(eq(contacts.id, note.contactId), eq(contacts.userId, userId)))
    .limit(1);
  const steps = followUpsAfterNote({
    rejectedOn: note.rejectedOn,
    sentOn,
    months: effectiveCadence(cadence?.contact, cadence?.user),
  });
  await executor.insert(followUps).values(
    steps.map((step) => ({
      userId,
      contactId: note.contactId,
      applicationId: note.applicationId,
      dueOn: step.dueOn,
      reason: step.reason,
      origin: "cadence" as const,
    })),
  );
  return { contactId: note.contactId, followUps: steps.length };
}

/**
 * Records what came of a sent note. The first positive outcome also logs the reply on the
 * contact's timeline, since a reply is what makes a relationship warm.
 */
export async function setNoteOutcome(
  executor: Executor,
  userId: string,
  noteId: string,
  outcome: NoteOutcome,
): Promise<boolean> {
  const note = await getNote(userId, noteId, executor);
  if (note?.status !== "sent") return false;
  await executor
    .update(notes)
    .set({ outcome, outcomeAt: new Date(), updatedAt: new Date() })
    .where(and(eq(notes.id, noteId), eq(notes.userId, userId)));
  const hadReply = note.outcome !== null && note.outcome !== "no_reply";
  if (outcome !== "no_reply" && !hadReply) {
    await insertInteractions(executor, userId, [
      {
        contactId: note.contactId,
        applicationId: note.applicationId,
        kind: "reply_received",
        occurredAt: new Date(),
        summary: "Replied to your thank-you note",
      },
    ]);
  }
  return true;
}

export async function deleteNote(executor: Executor, userId: string, noteId: string) {
  const [row] = await executor
    .delete(notes)
    .where(and(eq(notes.id, noteId), eq(notes.userId, userId)))
    .returning({ applicationId: notes.applicationId, contactId: notes.contactId });
  return row;
}

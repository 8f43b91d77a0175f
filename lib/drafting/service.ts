import "server-only";
import { getDb } from "@/lib/db/client";
import {
  getNote,
  getSenderSettings,
  insertDraftNotes,
  type NoteDetail,
  noteContext,
  replaceDraft,
} from "@/lib/db/queries/notes";
import { listThankYouRecipients } from "@/lib/db/queries/participants";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { fixedWindowLimiter } from "@/lib/rate-limit";
import { type DraftEvents, type DraftResult, generateDraft, templateResult } from "./draft";
import type { StreamOptions } from "./provider";
import type { Channel } from "./types";

// Drafting as the app uses it: creating a batch of thank-you notes for an application, and
// (re)drafting one note with the model, rate-limited per user and bounded per process.

const modelDrafts = fixedWindowLimiter({
  name: "drafts:user",
  limit: env.DRAFTS_PER_HOUR,
  windowSeconds: 3600,
});

/** A hung provider must not tie up the server: at most this many model drafts at once. */
export const MAX_CONCURRENT_MODEL_DRAFTS = 8;
let modelDraftsInFlight = 0;

/**
 * One note per chosen person in the process, written by the template engine at once (so
 * nothing is ever empty), varied across the batch. Existing drafts are kept as they are.
 */
export async function createThankYouDrafts(
  userId: string,
  applicationId: string,
  contactIds: string[],
  channel: Channel,
): Promise<string[]> {
  const [recipients, sender] = await Promise.all([
    listThankYouRecipients(userId, applicationId),
    getSenderSettings(userId),
  ]);
  if (recipients.length === 0) throw notFound("That application");
  const chosen = new Set(contactIds);
  const rows = recipients.flatMap((recipient, variant) => {
    if (!chosen.has(recipient.contactId)) return [];
    const result = templateResult({
      recipient: {
        fullName: recipient.fullName,
        title: recipient.title,
        role: recipient.role,
        discussed: recipient.discussed,
      },
      companyName: recipient.companyName,
      jobTitle: recipient.jobTitle,
      sender: { name: sender.name, signature: sender.signature },
      tone: sender.tone,
      channel,
      variant,
    });
    return [
      {
        contactId: recipient.contactId,
        applicationId,
        channel,
        draft: result.draft,
        source: { source: result.source, sourceKind: result.sourceKind },
        checklist: result.check,
      },
    ];
  });
  if (rows.length === 0) {
    throw new AppError("invalid", "Choose at least one person from this process.");
  }
  return getDb().transaction((tx) => insertDraftNotes(tx, userId, rows));
}

export type RedraftOutcome = { note: NoteDetail; result: DraftResult; notice?: string };

/**
 * Redrafts one note, with the model when one is configured and the user is within the limit,
 * otherwise with the template. The note is only replaced if nobody edited it meanwhile.
 */
export async function redraftNote(
  userId: string,
  noteId: string,
  provider: StreamOptions | null,
  events: DraftEvents = {},
  options: { useModel?: boolean } = {},
): Promise<RedraftOutcome> {
  const note = await getNote(userId, noteId);
  if (!note) throw notFound("That note");
  if (note.status !== "draft") throw new AppError("conflict", "This note was already sent.");
  const context = await noteContext(userId, note);
  if (!context) {
    throw new AppError(
      "invalid",
      "This note is not tied to an application, so it cannot be redrafted.",
    );
  }

  let result: DraftResult;
  let notice: string | undefined;
  const wantsModel = options.useModel !== false && provider !== null;
  if (!wantsModel) {
    result = templateResult(context, provider ? undefined : "No AI model is configured.");
  } else if ((await modelDrafts.hit(userId)).limited) {
    notice = `You have used your ${env.DRAFTS_PER_HOUR} AI drafts for this hour, so a template wrote this one. Templates are always available.`;
    result = templateResult(context, notice);
  } else if (modelDraftsInFlight >= MAX_CONCURRENT_MODEL_DRAFTS) {
    notice = "The AI model is busy right now, so a template wrote this one.";
    result = templateResult(context, notice);
  } else {
    modelDraftsInFlight++;
    try {
      result = await generateDraft(context, provider, events);
    } finally {
      modelDraftsInFlight--;
    }
  }

  const saved = await replaceDraft(
    userId,
    noteId,
    note.updatedAt,
    result.draft,
    { source: result.source, sourceKind: result.sourceKind },
    result.check,
  );
  if (!saved) {
    throw new AppError(
      "conflict",
      "You changed this note while it was being drafted; your text was kept.",
    );
  }
  const updated = await getNote(userId, noteId);
  return { note: updated ?? note, result, notice: notice ?? result.fallbackReason };
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/auth/with-user";
import { getDb } from "@/lib/db/client";
import {
  deleteNote,
  getNote,
  markNoteSent,
  noteContext,
  saveNoteText,
  setNoteOutcome,
  updateSenderSettings,
} from "@/lib/db/queries/notes";
import { checkNote } from "@/lib/drafting/checker";
import { createThankYouDrafts } from "@/lib/drafting/service";
import { llmConfigured } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import {
  draftBatchSchema,
  markSentSchema,
  noteIdSchema,
  outcomeSchema,
  saveNoteSchema,
  settingsSchema,
} from "@/lib/validations/notes";

/** "Draft thank-you notes" for the ticked people of a rejected application. */
export const draftThankYouNotes = withUser(draftBatchSchema, async (input, user) => {
  await createThankYouDrafts(user.id, input.applicationId, input.contactIds, input.channel);
  revalidatePath(`/applications/${input.applicationId}`);
  // With a model configured, the review page streams a model draft over each template.
  redirect(`/applications/${input.applicationId}/notes${llmConfigured() ? "?model=1" : ""}`);
});

/** Autosave: the text is checked on the server too, and the checklist stored with it. */
export const saveNote = withUser(saveNoteSchema, async (input, user) => {
  const note = await getNote(user.id, input.id);
  if (!note) throw notFound("That note");
  if (note.status !== "draft")
    throw new AppError("conflict", "This note was sent; it can no longer change.");
  const draft = { subject: note.channel === "email" ? input.subject : null, body: input.body };
  const context = await noteContext(user.id, note);
  const checklist = checkNote(draft, {
    recipient: context?.recipient ?? {
      fullName: note.contactName,
      title: note.contactTitle,
      role: "other",
      discussed: null,
    },
    companyName: context?.companyName ?? note.companyName ?? "",
    jobTitle: context?.jobTitle ?? note.jobTitle ?? "",
    sender: context?.sender ?? { name: "", signature: null },
    channel: note.channel,
  });
  const saved = await saveNoteText(user.id, input.id, { ...draft, checklist });
  if (!saved) throw notFound("That note");
  return { savedAt: saved.updatedAt.toISOString() };
});

export const markSent = withUser(markSentSchema, async (input, user) => {
  const result = await getDb().transaction((tx) =>
    markNoteSent(tx, user.id, input.id, input.sentOn),
  );
  if (!result) throw notFound("That draft");
  revalidatePath(`/contacts/${result.contactId}`);
  revalidatePath("/notes");
  return result;
});

export const recordOutcome = withUser(outcomeSchema, async (input, user) => {
  const ok = await getDb().transaction((tx) =>
    setNoteOutcome(tx, user.id, input.id, input.outcome),
  );
  if (!ok) throw notFound("That sent note");
  revalidatePath("/notes");
  return { outcome: input.outcome };
});

export const discardNote = withUser(noteIdSchema, async (input, user) => {
  const deleted = await getDb().transaction((tx) => deleteNote(tx, user.id, input.id));
  if (!deleted) throw notFound("That note");
  revalidatePath("/notes");
  redirect(deleted.applicationId ? `/applications/${deleted.applicationId}/notes` : "/notes");
});

/** The plain-form version for the confirmation dialog. */
export async function discardNoteFromForm(formData: FormData): Promise<void> {
  const state = await discardNote({ status: "idle" }, formData);
  if (state.status === "error" && state.code === "unauthenticated") redirect("/sign-in");
  redirect("/notes");
}

export const updateSettings = withUser(settingsSchema, async (input, user) => {
  await updateSenderSettings(user.id, input);
  revalidatePath("/", "layout");
  return { saved: true };
});

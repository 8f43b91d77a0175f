import type { ParticipantRole, Tone } from "@/lib/db/schema";

export type Channel = "email" | "linkedin";

/**
 * Everything a note may say, and nothing more: no email address or phone number ever gets
 * here, so none can reach the model.
 */
export type NoteContext = {
  recipient: {
    fullName: string;
    title: string | null;
    role: ParticipantRole;
    /** What the user discussed with this person: the detail that makes the note personal. */
    discussed: string | null;
  };
  companyName: string;
  jobTitle: string;
  sender: { name: string; signature: string | null };
  tone: Tone;
  channel: Channel;
  /** Position of this note in its batch: notes to colleagues are written differently. */
  variant: number;
};

export type Draft = { subject: string | null; body: string };

/** LinkedIn caps a connection-request note at 300 characters; stay within it. */
export const LINKEDIN_MAX_CHARS = 300;
/** A thank-you email that asks for a minute, not five. */
export const EMAIL_MAX_WORDS = 200;
export const SUBJECT_MAX_CHARS = 80;

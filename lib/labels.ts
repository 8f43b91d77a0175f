import type {
  APPLICATION_STAGES,
  INTERACTION_KINDS,
  NOTE_OUTCOMES,
  PARTICIPANT_ROLES,
} from "@/lib/db/schema";

// Words a person reads for the enum values stored in the database.

export const stageLabels: Record<(typeof APPLICATION_STAGES)[number], string> = {
  applied: "Applied",
  screening: "Screening",
  interviewing: "Interviewing",
  final_round: "Final round",
  offer: "Offer",
  rejected: "Rejected",
  withdrawn: "Withdrawn",
  hired: "Hired",
};

export const roleLabels: Record<(typeof PARTICIPANT_ROLES)[number], string> = {
  hiring_manager: "Hiring manager",
  recruiter: "Recruiter",
  interviewer: "Interviewer",
  panel: "Panel member",
  referrer: "Referrer",
  other: "Other",
};

export const interactionLabels: Record<(typeof INTERACTION_KINDS)[number], string> = {
  interview: "Interview",
  call: "Call",
  email: "Email",
  note_sent: "Note sent",
  reply_received: "Reply received",
  coffee: "Coffee",
  linkedin_message: "LinkedIn message",
  meeting: "Meeting",
  other: "Other",
};

export const outcomeLabels: Record<(typeof NOTE_OUTCOMES)[number], string> = {
  no_reply: "No reply",
  replied: "Replied",
  interview: "Led to an interview",
  offer: "Led to an offer",
};

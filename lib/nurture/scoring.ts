import type { ApplicationStage, ParticipantRole } from "@/lib/db/schema";

// Who is worth keeping warm, and why. Pure functions: the dashboard query gathers the signals
// in SQL for a bounded set of people, and this module turns them into a score, the reasons in
// plain words, and the next best action with its due date.
//
// The score (0–100) adds three parts, each between 0 and 1 before weighting:
//
//   relationship × timing   (up to 64)  how much this person can do for you, now
//     relationship = 45% how far you got + 35% their role + 20% your interest in the employer
//     timing       = the runner-up window: the chosen hire may decline or not start in the first
//                    weeks, or leave during probation (about 1–6 months); value peaks then and
//                    fades after about a year, never to zero (people remember a good candidate)
//   warmth                  (up to 22)  replies, two-way conversations, how recently in touch
//   openings                (up to 14)  openings logged at their company lately
//
// Every part grows strictly with its signal and the weights add up to 100, so the score stays
// within 0–100 without clipping and the comparisons below hold exactly (property-tested):
// a hiring manager outranks an otherwise identical interviewer, a reply or a new opening raises
// the score, and getting further in the process raises it.

export const WEIGHTS = { relationship: 64, warmth: 22, openings: 14 } as const;

/** What the scoring needs to know about one person, as plain values. */
export type NurtureInput = {
  /** Their role in the process that counts (null: not in any process). */
  role: ParticipantRole | null;
  /** The furthest stage the user reached in that process (before the outcome). */
  furthestStage: ApplicationStage | null;
  wasFinalist: boolean;
  /** 2 = "you were our second choice". */
  runnerUpRank: number | null;
  /** Days since that process ended in a rejection; null when it did not (or not yet). */
  daysSinceRejection: number | null;
  /** Replies received from them (logged replies, or notes they answered). */
  repliesReceived: number;
  /** Whether one of those replies answered a thank-you note. */
  repliedToNote?: boolean;
  /** Interviews, calls, coffees, meetings and replies: conversations, not one-way messages. */
  twoWayInteractions: number;
  /** Days since the last logged interaction; null when never in touch. */
  daysSinceLastContact: number | null;
  /** The user's interest in working at their employer, 1 (low) to 5 (dream employer). */
  interest: number | null;
  /** Openings logged at their company recently (see OPENING_WINDOW_DAYS). */
  recentOpenings: number;
};

export type NurtureScore = {
  /** 0–100, unrounded (round it for display). */
  score: number;
  /** Plain words, most important first; never empty. */
  reasons: string[];
};

/** Openings seen within this many days count as "recent". */
export const OPENING_WINDOW_DAYS = 60;
/** A thank-you note is still worth sending this long after the rejection: late beats never. */
export const THANK_YOU_WINDOW_DAYS = 14;
/** The note should go out within this many days of the rejection. */
export const THANK_YOU_DUE_DAYS = 2;
/** Without a planned follow-up, suggest checking in this long after the last contact. */
export const CHECK_IN_AFTER_DAYS = 90;

const STAGE_VALUE: Record<ApplicationStage, number> = {
  applied: 0.05,
  screening: 0.25,
  interviewing: 0.55,
  final_round: 0.85,
  offer: 0.95,
  hired: 0.95,
  // Not a stage one "reaches"; only here so any stored value maps to something.
  rejected: 0.05,
  withdrawn: 0.05,
};

const ROLE_VALUE: Record<ParticipantRole, number> = {
  hiring_manager: 1,
  recruiter: 0.8,
  interviewer: 0.55,
  panel: 0.5,
  referrer: 0.4,
  other: 0.3,
};
const NO_ROLE_VALUE = 0.2;
const UNKNOWN_INTEREST_VALUE = 0.5;
/** Timing when the process did not end in a rejection: no runner-up window to speak of. */
const NO_REJECTION_TIMING = 0.35;

/** (days since the rejection, value) points; linear in between, flat after the last one. */
const WINDOW_CURVE: readonly (readonly [number, number])[] = [
  [0, 0.8],
  [21, 1],
  [183, 1],
  [365, 0.45],
  [548, 0.2],
  [730, 0.15],
];

const count = (value: number) => (Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

export function stageValue(
  input: Pick<NurtureInput, "furthestStage" | "wasFinalist" | "runnerUpRank">,
): number {
  let value = input.furthestStage ? STAGE_VALUE[input.furthestStage] : 0;
  if (input.wasFinalist) value = Math.max(value, STAGE_VALUE.final_round);
  const rank = input.runnerUpRank;
  if (rank !== null && Number.isFinite(rank) && rank >= 1) {
    // Told where they stood: second choice is as close as it gets without the job.
    value = Math.max(value, rank <= 2 ? 1 : rank === 3 ? 0.93 : 0.9);
  }
  return value;
}

export function roleValue(role: ParticipantRole | null): number {
  return role ? ROLE_VALUE[role] : NO_ROLE_VALUE;
}

export function interestValue(interest: number | null): number {
  if (interest === null || !Number.isFinite(interest)) return UNKNOWN_INTEREST_VALUE;
  return clamp01((Math.round(interest) - 1) / 4);
}

/** The runner-up window: how much the timing helps, 0.15 (long ago) to 1 (peak). */
export function windowValue(daysSinceRejection: number | null): number {
  if (daysSinceRejection === null || !Number.isFinite(daysSinceRejection)) {
    return NO_REJECTION_TIMING;
  }
  const days = Math.max(0, daysSinceRejection);
  for (let i = 1; i < WINDOW_CURVE.length; i++) {
    const [x1, y1] = WINDOW_CURVE[i] as readonly [number, number];
    if (days <= x1) {
      const [x0, y0] = WINDOW_CURVE[i - 1] as readonly [number, number];
      return y0 + ((y1 - y0) * (days - x0)) / (x1 - x0);
    }
  }
  return (WINDOW_CURVE[WINDOW_CURVE.length - 1] as readonly [number, number])[1];
}

/** Replies count most, then conversations, then how recently you were in touch. */
export function warmthValue(
  input: Pick<NurtureInput, "repliesReceived" | "twoWayInteractions" | "daysSinceLastContact">,
): number {
  const replies = count(input.repliesReceived);
  const twoWay = Math.max(count(input.twoWayInteractions), replies);
  const days = input.daysSinceLastContact;
  const recency = days === null || !Number.isFinite(days) ? 0 : Math.exp(-Math.max(0, days) / 60);
  return 0.5 * (replies / (replies + 1)) + 0.25 * (twoWay / (twoWay + 2)) + 0.25 * recency;
}

export function openingsValue(recentOpenings: number): number {
  return 1 - 0.5 ** count(recentOpenings);
}

export function scoreContact(input: NurtureInput): NurtureScore {
  const relationship =
    0.45 * stageValue(input) + 0.35 * roleValue(input.role) + 0.2 * interestValue(input.interest);
  const score =
    WEIGHTS.relationship * relationship * windowValue(input.daysSinceRejection) +
    WEIGHTS.warmth * warmthValue(input) +
    WEIGHTS.openings * openingsValue(input.recentOpenings);
  return { score: Math.min(100, Math.max(0, score)), reasons: reasonsFor(input) };
}

// --- Reasons ----------------------------------------------------------------------------------

const ROLE_REASON: Record<ParticipantRole, string | null> = {
  hiring_manager: "hiring manager",
  recruiter: "recruiter",
  interviewer: "interviewed you",
  panel: "on your interview panel",
  referrer: "referred you",
  other: null,
};

const ordinal = (n: number) => (n === 2 ? "second" : n === 3 ? "third" : `number ${n}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function stageReason(input: NurtureInput): string | null {
  const rank = input.runnerUpRank;
  if (rank !== null && Number.isFinite(rank) && rank >= 2) {
    return `you were their ${ordinal(Math.round(rank))} choice`;
  }
  const stage = input.furthestStage;
  if (stage === "offer" || stage === "hired") return "you reached the offer stage";
  if (input.wasFinalist || stage === "final_round") return "you reached the final round";
  if (stage === "interviewing") return "you reached the interviews";
  if (stage === "screening") return "you got through to screening";
  return null;
}

/** The runner-up window in words. */
export function windowReason(daysSinceRejection: number | null): string | null {
  if (daysSinceRejection === null || !Number.isFinite(daysSinceRejection)) return null;
  const days = Math.max(0, Math.floor(daysSinceRejection));
  if (days === 0) return "rejected today: the chosen hire may still decline";
  if (days < 14) {
    return `rejected ${days === 1 ? "yesterday" : `${days} days ago`}: the chosen hire may still decline`;
  }
  const weeks = Math.floor(days / 7);
  if (days < 42) return `${weeks} weeks since the rejection: the chosen hire may not start`;
  if (days < 91) return `${weeks} weeks since the rejection, when new hires often leave`;
  const months = Math.floor(days / 30.4);
  if (days <= 183) return `${months} months since the rejection, when new hires often leave`;
  if (days <= 365) return `${months} months since the rejection`;
  return "over a year since the rejection";
}

function warmthReasons(input: NurtureInput): string[] {
  const reasons: string[] = [];
  const replies = count(input.repliesReceived);
  if (replies === 1) reasons.push(input.repliedToNote ? "replied to your note" : "replied to you");
  else if (replies > 1) reasons.push(`replied ${replies} times`);
  const twoWay = count(input.twoWayInteractions);
  if (twoWay >= 3) reasons.push(`${twoWay} conversations`);
  const days = input.daysSinceLastContact;
  if (days !== null && Number.isFinite(days)) {
    if (days <= 1) reasons.push("in touch in the last day");
    else if (days < 14) reasons.push(`in touch ${Math.floor(days)} days ago`);
    else if (days < 60) reasons.push(`in touch ${Math.floor(days / 7)} weeks ago`);
    else if (days >= CHECK_IN_AFTER_DAYS) {
      reasons.push(`no contact for ${plural(Math.floor(days / 30.4), "month")}`);
    }
  }
  return reasons;
}

function reasonsFor(input: NurtureInput): string[] {
  const reasons: string[] = [];
  const role = input.role ? ROLE_REASON[input.role] : null;
  if (role) reasons.push(role);
  const stage = stageReason(input);
  if (stage) reasons.push(stage);
  const window = windowReason(input.daysSinceRejection);
  if (window) reasons.push(window);
  reasons.push(...warmthReasons(input));
  const openings = count(input.recentOpenings);
  if (openings === 1) reasons.push("a new opening at their company");
  else if (openings > 1) reasons.push(`${openings} new openings at their company`);
  if (input.interest !== null && input.interest >= 5) reasons.push("one of your dream employers");
  else if (input.interest === 4) reasons.push("an employer you rate 4 out of 5");
  if (reasons.length === 0) reasons.push("in your network");
  return reasons;
}

/** "hiring manager · you reached the final round · …" */
export function describeReasons(reasons: readonly string[]): string {
  return reasons.join(" · ");
}

// --- Next best action -------------------------------------------------------------------------

export type NextActionKind = "thank_you" | "ask_opening" | "check_in";

export type NextAction = {
  kind: NextActionKind;
  label: string;
  /** "YYYY-MM-DD"; earlier than today means overdue. */
  dueOn: string;
  /** One line of context: the follow-up's reason, the opening's title. */
  detail: string | null;
};

export type ActionInput = {
  /** "YYYY-MM-DD" */
  today: string;
  /** The rejection this person's note would be about. */
  rejectedOn: string | null;
  /** A thank-you note to this person for that rejection was sent. */
  thankYouSent: boolean;
  latestOpening: { title: string; seenOn: string } | null;
  /** Day of the last logged interaction. */
  lastContactedOn: string | null;
  /** Their earliest open follow-up. */
  nextFollowUp: { dueOn: string; reason: string } | null;
};

// Calendar-day arithmetic on "YYYY-MM-DD" strings, in UTC so no time zone or DST shifts a day.
// Plain integers rather than date-fns here: the dashboard scores a hundred people per request.
const DAY_MS = 86_400_000;
function dayNumber(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  return Date.UTC(year, month - 1, day) / DAY_MS;
}
const shift = (day: string, days: number) =>
  new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => dayNumber(to) - dayNumber(from);

/**
 * The one thing to do next for this person, in order of urgency: the thank-you note (due
 * within two days of the rejection), a question about an opening they may know about, the
 * next planned follow-up, or a check-in once it has been a while.
 */
export function nextBestAction(input: ActionInput): NextAction {
  const { today } = input;
  if (
    input.rejectedOn &&
    !input.thankYouSent &&
    daysBetween(input.rejectedOn, today) <= THANK_YOU_WINDOW_DAYS
  ) {
    return {
      kind: "thank_you",
      label: "Send the thank-you note",
      dueOn: shift(input.rejectedOn, THANK_YOU_DUE_DAYS),
      detail: null,
    };
  }
  const opening = input.latestOpening;
  if (
    opening &&
    daysBetween(opening.seenOn, today) <= OPENING_WINDOW_DAYS &&
    (!input.lastContactedOn || input.lastContactedOn < opening.seenOn)
  ) {
    // While it is fresh: within a week of seeing it.
    return {
      kind: "ask_opening",
      label: "Ask about the new opening",
      dueOn: shift(opening.seenOn, 7),
      detail: opening.title,
    };
  }
  if (input.nextFollowUp) {
    return {
      kind: "check_in",
      label: "Check in",
      dueOn: input.nextFollowUp.dueOn,
      detail: input.nextFollowUp.reason,
    };
  }
  const since = input.lastContactedOn ?? input.rejectedOn;
  const due = since ? shift(since, CHECK_IN_AFTER_DAYS) : today;
  return {
    kind: "check_in",
    label: "Check in",
    dueOn: daysBetween(today, due) > 0 ? due : today,
    detail: since ? "It has been a while: share some news or ask how the team is doing." : null,
  };
}

// --- One person, end to end -------------------------------------------------------------------

/** One hiring process a person took part in, as the dashboard query returns it. */
export type ProcessSignals = {
  applicationId: string;
  role: ParticipantRole;
  furthestStage: ApplicationStage | null;
  wasFinalist: boolean;
  runnerUpRank: number | null;
  /** Set when the process ended in a rejection. */
  rejectedOn: string | null;
  /** A thank-you note to this person about this process was sent. */
  noteSent: boolean;
};

export type ContactSignals = {
  processes: ProcessSignals[];
  repliesReceived: number;
  repliedToNote: boolean;
  twoWayInteractions: number;
  lastContactedOn: string | null;
  interest: number | null;
  recentOpenings: number;
  latestOpening: { title: string; seenOn: string } | null;
  nextFollowUp: { dueOn: string; reason: string } | null;
};

export type ContactAssessment = NurtureScore & {
  action: NextAction;
  /** The process the score is about (the one worth most), if any. */
  process: ProcessSignals | null;
  /** For a thank-you action: the application the note is about. */
  actionApplicationId: string | null;
};

/**
 * Scores a person from each of their processes and keeps the best one: an interviewer in an
 * old process may be the hiring manager of a recent one.
 */
export function assessContact(signals: ContactSignals, today: string): ContactAssessment {
  const shared = {
    repliesReceived: signals.repliesReceived,
    repliedToNote: signals.repliedToNote,
    twoWayInteractions: signals.twoWayInteractions,
    daysSinceLastContact: signals.lastContactedOn
      ? Math.max(0, daysBetween(signals.lastContactedOn, today))
      : null,
    interest: signals.interest,
    recentOpenings: signals.recentOpenings,
  };
  const options: { process: ProcessSignals | null; input: NurtureInput }[] = signals.processes.map(
    (process) => ({
      process,
      input: {
        ...shared,
        role: process.role,
        furthestStage: process.furthestStage,
        wasFinalist: process.wasFinalist,
        runnerUpRank: process.runnerUpRank,
        daysSinceRejection: process.rejectedOn
          ? Math.max(0, daysBetween(process.rejectedOn, today))
          : null,
      },
    }),
  );
  if (options.length === 0) {
    options.push({
      process: null,
      input: {
        ...shared,
        role: null,
        furthestStage: null,
        wasFinalist: false,
        runnerUpRank: null,
        daysSinceRejection: null,
      },
    });
  }
  let best: { process: ProcessSignals | null; result: NurtureScore } | undefined;
  for (const option of options) {
    const result = scoreContact(option.input);
    if (!best || result.score > best.result.score) best = { process: option.process, result };
  }
  const chosen = best as { process: ProcessSignals | null; result: NurtureScore };
  // The thank-you is owed for the most recent rejection, whichever process scored best.
  const latestRejection = signals.processes
    .filter((process) => process.rejectedOn)
    .sort((a, b) => (b.rejectedOn as string).localeCompare(a.rejectedOn as string))[0];
  const action = nextBestAction({
    today,
    rejectedOn: latestRejection?.rejectedOn ?? null,
    thankYouSent: latestRejection?.noteSent ?? true,
    latestOpening: signals.latestOpening,
    lastContactedOn: signals.lastContactedOn,
    nextFollowUp: signals.nextFollowUp,
  });
  return {
    ...chosen.result,
    action,
    process: chosen.process,
    actionApplicationId:
      action.kind === "thank_you" ? (latestRejection?.applicationId ?? null) : null,
  };
}

/** Highest score first; ties by the earlier due date, then by id for a stable order. */
export function compareAssessments<T extends { id: string; assessment: ContactAssessment }>(
  a: T,
  b: T,
): number {
  return (
    b.assessment.score - a.assessment.score ||
    a.assessment.action.dueOn.localeCompare(b.assessment.action.dueOn) ||
    a.id.localeCompare(b.id)
  );
}

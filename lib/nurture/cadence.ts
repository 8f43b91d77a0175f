import { addDays, addMonths, formatISO, max, parseISO } from "date-fns";

// The follow-up cadence that keeps a door open after a rejection. Offsets count from the
// rejection (the runner-up window: the chosen hire may decline, not start, or leave during
// probation), never earlier than a few days after the note was sent.

export type CadenceStep = { dueOn: string; reason: string };

export const DEFAULT_CADENCE = [
  { months: 1, reason: "Check in: the new hire has just started, and plans can change." },
  { months: 3, reason: "Check in around the end of the probation period." },
  { months: 6, reason: "Six-month check-in: ask how the team is doing and about new openings." },
  { months: 12, reason: "Yearly check-in: keep the relationship warm." },
] as const;

const isoDay = (date: Date) => formatISO(date, { representation: "date" });

/**
 * Follow-up dates for a contact once the thank-you note is sent.
 * `rejectedOn` anchors the cadence; steps that would fall less than a week after `sentOn`
 * move to a week after it, and duplicates collapse.
 */
export function followUpsAfterNote(input: {
  rejectedOn: string | null;
  sentOn: string;
}): CadenceStep[] {
  const sent = parseISO(input.sentOn);
  const anchor = input.rejectedOn ? parseISO(input.rejectedOn) : sent;
  const earliest = addDays(sent, 7);
  const steps: CadenceStep[] = [];
  for (const step of DEFAULT_CADENCE) {
    const due = isoDay(max([addMonths(anchor, step.months), earliest]));
    if (steps.some((existing) => existing.dueOn === due)) continue;
    steps.push({ dueOn: due, reason: step.reason });
  }
  return steps;
}

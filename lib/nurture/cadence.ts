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

export const DEFAULT_CADENCE_MONTHS: readonly number[] = DEFAULT_CADENCE.map((step) => step.months);

/** Limits of a custom cadence (settings and contact form validate against them). */
export const CADENCE_LIMITS = { minMonths: 1, maxMonths: 36, maxSteps: 8 } as const;

const isoDay = (date: Date) => formatISO(date, { representation: "date" });

/** The reason shown for a check-in `months` after the rejection, for any cadence. */
export function cadenceReason(months: number): string {
  const known = DEFAULT_CADENCE.find((step) => step.months === months);
  if (known) return known.reason;
  if (months < 3)
    return `Check in ${months} ${months === 1 ? "month" : "months"} on: plans can change.`;
  if (months % 12 === 0) {
    const years = months / 12;
    return `${years === 1 ? "Yearly" : `${years}-year`} check-in: keep the relationship warm.`;
  }
  return `${months}-month check-in: ask how the team is doing and about new openings.`;
}

/** Ascending, distinct, whole months within the limits; anything else is dropped. */
export function normalizeCadence(months: readonly number[]): number[] {
  return [...new Set(months)]
    .filter(
      (month) =>
        Number.isInteger(month) &&
        month >= CADENCE_LIMITS.minMonths &&
        month <= CADENCE_LIMITS.maxMonths,
    )
    .sort((a, b) => a - b)
    .slice(0, CADENCE_LIMITS.maxSteps);
}

/** The cadence that applies: the contact's own, else the user's, else the default. */
export function effectiveCadence(
  ...choices: (readonly number[] | null | undefined)[]
): readonly number[] {
  for (const choice of choices) {
    const months = choice ? normalizeCadence(choice) : [];
    if (months.length > 0) return months;
  }
  return DEFAULT_CADENCE_MONTHS;
}

/** "1, 3, 6, 12" for a form field; "" when no custom cadence is set. */
export function formatCadence(months: readonly number[] | null | undefined): string {
  return months && months.length > 0 ? months.join(", ") : "";
}

/**
 * Follow-up dates for a contact once the thank-you note is sent.
 * `rejectedOn` anchors the cadence; steps that would fall less than a week after `sentOn`
 * move to a week after it, and duplicates collapse. `months` replaces the default cadence
 * (1, 3, 6 and 12 months) when given and not empty.
 */
export function followUpsAfterNote(input: {
  rejectedOn: string | null;
  sentOn: string;
  months?: readonly number[] | null;
}): CadenceStep[] {
  const sent = parseISO(input.sentOn);
  const anchor = input.rejectedOn ? parseISO(input.rejectedOn) : sent;
  const earliest = addDays(sent, 7);
  const steps: CadenceStep[] = [];
  for (const months of effectiveCadence(input.months)) {
    const due = isoDay(max([addMonths(anchor, months), earliest]));
    if (steps.some((existing) => existing.dueOn === due)) continue;
    steps.push({ dueOn: due, reason: cadenceReason(months) });
  }
  return steps;
}

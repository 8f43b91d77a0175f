import { addDays } from "date-fns";

// Which ISO week a digest belongs to, and which follow-ups it covers, in UTC calendar days
// (one schedule for the whole installation; users' time zones are not stored).

/** Follow-ups due today and in the six days after (plus every overdue one). */
export const DIGEST_DAYS_AHEAD = 6;

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

export type DigestWindow = {
  /** Today, "YYYY-MM-DD" (UTC). */
  today: string;
  /** Monday of the ISO week containing today: the key of "one digest per week". */
  weekStart: string;
  /** Last due date the digest includes. */
  dueOnOrBefore: string;
};

export function digestWindow(now: Date): DigestWindow {
  const today = new Date(`${utcDay(now)}T00:00:00Z`);
  // getUTCDay: Sunday 0 … Saturday 6; ISO weeks start on Monday.
  const sinceMonday = (today.getUTCDay() + 6) % 7;
  return {
    today: utcDay(today),
    weekStart: utcDay(addDays(today, -sinceMonday)),
    dueOnOrBefore: utcDay(addDays(today, DIGEST_DAYS_AHEAD)),
  };
}

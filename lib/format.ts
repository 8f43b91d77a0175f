import { format, formatDistanceToNowStrict, parseISO } from "date-fns";
import { formatCalendarDay } from "./calendar-day";

// Dates shown to people. Calendar dates are stored as "YYYY-MM-DD" strings (no time zone to
// shift them); moments are Date objects.

export function formatDay(value: string | Date | null | undefined): string {
  if (!value) return "";
  return typeof value === "string" ? formatCalendarDay(value) : format(value, "d MMM yyyy");
}

export function formatMoment(value: Date | null | undefined): string {
  if (!value) return "";
  return format(value, "d MMM yyyy, HH:mm");
}

export function formatAgo(value: Date | string | null | undefined): string {
  if (!value) return "never";
  const date = typeof value === "string" ? parseISO(value) : value;
  return `${formatDistanceToNowStrict(date)} ago`;
}

/** Today as "YYYY-MM-DD", the value an <input type="date"> expects. */
export function todayIso(now = new Date()): string {
  return format(now, "yyyy-MM-dd");
}

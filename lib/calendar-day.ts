// A calendar date ("YYYY-MM-DD") as people read it: "15 Mar 2026". Free of date-fns, so the
// few client components that show a date do not ship a date library to the browser (the
// dashboard's first-load JavaScript has a budget); lib/format.ts uses it too, so server and
// browser always print the same words.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatCalendarDay(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !month) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

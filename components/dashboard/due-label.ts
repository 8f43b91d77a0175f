import { formatDay } from "@/lib/format";
import { daysBetween } from "@/lib/nurture/scoring";

export type DueTone = "overdue" | "today" | "soon" | "later";

/** "Overdue by 3 days", "Due today", "Due tomorrow", "Due in 5 days", "Due 12 Jan 2027". */
export function dueLabel(dueOn: string, today: string): { text: string; tone: DueTone } {
  const days = daysBetween(today, dueOn);
  if (days < 0) {
    const late = -days;
    return { text: `Overdue by ${late} ${late === 1 ? "day" : "days"}`, tone: "overdue" };
  }
  if (days === 0) return { text: "Due today", tone: "today" };
  if (days === 1) return { text: "Due tomorrow", tone: "soon" };
  if (days <= 7) return { text: `Due in ${days} days`, tone: "soon" };
  return { text: `Due ${formatDay(dueOn)}`, tone: "later" };
}

export const dueToneClass: Record<DueTone, string> = {
  overdue: "bg-red-50 text-red-800",
  today: "bg-amber-100 text-amber-900",
  soon: "bg-brand-50 text-brand-800",
  later: "bg-stone-100 text-stone-700",
};

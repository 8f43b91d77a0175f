import { addDays } from "date-fns";
import { buildCalendar, type CalendarEvent } from "./ical";

// What the private calendar feed holds: one all-day event per open follow-up, in a bounded
// window so a feed never grows without limit.

export const FEED_NAME = "Runner-Up follow-ups";
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 400;
export const FEED_MAX_EVENTS = 500;

/** 32 random bytes, base64url: exactly 43 characters of [A-Za-z0-9_-]. */
export const CALENDAR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export type FeedFollowUp = {
  id: string;
  dueOn: string;
  reason: string;
  contactId: string;
  contactName: string;
  companyName: string | null;
  jobTitle: string | null;
};

const utcDay = (date: Date) => date.toISOString().slice(0, 10);

/** The inclusive range of due dates the feed covers, around today (UTC). */
export function feedWindow(now: Date): { from: string; to: string } {
  const today = new Date(`${utcDay(now)}T00:00:00Z`);
  return {
    from: utcDay(addDays(today, -FEED_PAST_DAYS)),
    to: utcDay(addDays(today, FEED_FUTURE_DAYS)),
  };
}

/** The token from the URL segment ("<token>.ics"), or undefined when it cannot be one. */
export function tokenFromSegment(segment: string): string | undefined {
  const token = segment.endsWith(".ics") ? segment.slice(0, -4) : segment;
  return CALENDAR_TOKEN_PATTERN.test(token) ? token : undefined;
}

export function feedUrl(origin: string, token: string): string {
  return `${origin}/api/calendar/${token}.ics`;
}

export function followUpEvent(followUp: FeedFollowUp, origin: string): CalendarEvent {
  const contactUrl = `${origin}/contacts/${followUp.contactId}`;
  const who = followUp.companyName
    ? `${followUp.contactName} (${followUp.companyName})`
    : followUp.contactName;
  const description = [
    followUp.reason,
    followUp.jobTitle ? `About: ${followUp.jobTitle}` : null,
    `Open in Runner-Up: ${contactUrl}`,
  ]
    .filter(Boolean)
    .join("\n\n");
  return {
    uid: `${followUp.id}@runner-up`,
    date: followUp.dueOn,
    summary: `Check in with ${who}`,
    description,
    url: contactUrl,
  };
}

export function buildFollowUpFeed(
  followUps: readonly FeedFollowUp[],
  options: { origin: string; now: Date },
): string {
  return buildCalendar({
    name: FEED_NAME,
    now: options.now,
    events: followUps.map((followUp) => followUpEvent(followUp, options.origin)),
  });
}

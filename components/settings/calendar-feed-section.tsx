import { CalendarPlus } from "lucide-react";
import { headers } from "next/headers";
import {
  disableCalendarFeedFromForm,
  regenerateCalendarFeedFromForm,
} from "@/app/(app)/settings/calendar-actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { feedUrl } from "@/lib/calendar/feed";
import { requestOrigin } from "@/lib/calendar/origin";
import { getCalendarToken } from "@/lib/db/queries/calendar";
import { env } from "@/lib/env";
import { CopyFeedUrl, EnableCalendarFeedButton } from "./calendar-feed-controls";

/** Settings: the private iCalendar feed of open follow-ups (on, copy, regenerate, off). */
export async function CalendarFeedSection({ userId }: { userId: string }) {
  const token = await getCalendarToken(userId);
  // The address this browser used, so the URL works from wherever the user reached the app.
  const origin = requestOrigin(await headers(), env.APP_URL);
  const url = token ? feedUrl(origin, token) : null;
  return (
    <section
      id="calendar-feed"
      aria-labelledby="calendar-feed-title"
      className="mt-10 max-w-xl border-t border-stone-200 pt-8"
    >
      <h2 id="calendar-feed-title" className="text-lg font-semibold">
        Calendar feed
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        See your open follow-ups as all-day events in Google Calendar, Apple Calendar or Outlook.
        They update as you add, finish or skip follow-ups here.
      </p>
      {url ? (
        // Keyed by the URL: after "Regenerate", the confirmation dialogs start closed again.
        <div key={url}>
          <CopyFeedUrl url={url} />
          <p className="mt-3 text-sm text-stone-600">
            Keep this URL to yourself: anyone who has it can see who you plan to contact and why. If
            it gets out, regenerate it.
          </p>
          <details className="mt-3 text-sm text-stone-700">
            <summary className="min-h-11 cursor-pointer py-3 font-medium">How to subscribe</summary>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              <li>
                Google Calendar (on a computer): Other calendars, +, From URL, then paste the URL.
              </li>
              <li>Apple Calendar: File, New Calendar Subscription, then paste the URL.</li>
              <li>Outlook: Add calendar, Subscribe from web, then paste the URL.</li>
              <li>
                Calendar apps refresh a subscription on their own schedule: from minutes to a day
                (Google).
              </li>
            </ul>
          </details>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <a href={url.replace(/^https?:/, "webcal:")}>
                <CalendarPlus aria-hidden="true" className="size-4" />
                Open in calendar app
              </a>
            </Button>
            <ConfirmButton
              action={regenerateCalendarFeedFromForm}
              hidden={{}}
              label="Regenerate URL"
              title="Regenerate the calendar URL?"
              confirmLabel="Regenerate URL"
            >
              <p>
                You get a new private URL, and the current one stops working at once: calendars
                subscribed to it stop updating. Subscribe again with the new URL.
              </p>
              <p>Your follow-ups are not changed.</p>
            </ConfirmButton>
            <ConfirmButton
              action={disableCalendarFeedFromForm}
              hidden={{}}
              label="Turn off"
              title="Turn off the calendar feed?"
              confirmLabel="Turn off feed"
            >
              <p>
                The private URL stops working at once: calendars subscribed to it stop updating.
                Remove the subscription in your calendar app to clear the events already there.
              </p>
              <p>
                Your follow-ups are not changed. You can turn the feed on again later, with a new
                URL.
              </p>
            </ConfirmButton>
          </div>
        </div>
      ) : (
        <EnableCalendarFeedButton />
      )}
    </section>
  );
}

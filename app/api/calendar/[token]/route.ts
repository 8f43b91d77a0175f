import {
  buildFollowUpFeed,
  FEED_MAX_EVENTS,
  feedWindow,
  tokenFromSegment,
} from "@/lib/calendar/feed";
import { requestOrigin } from "@/lib/calendar/origin";
import { findCalendarOwner, listOpenFollowUps } from "@/lib/db/queries/calendar";
import { env } from "@/lib/env";

// The private iCalendar feed (/api/calendar/<token>.ics) that Google Calendar, Apple Calendar
// and Outlook subscribe to. The token in the URL is the only credential: calendar apps send no
// cookies. A malformed, unknown or revoked token all get the same bare 404.
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ token: string }> };

function notFound(): Response {
  return new Response("Not found\n", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(request: Request, { params }: Params) {
  const token = tokenFromSegment((await params).token);
  if (!token) return notFound();
  const owner = await findCalendarOwner(token);
  if (!owner) return notFound();

  const now = new Date();
  const window = feedWindow(now);
  const followUps = await listOpenFollowUps(owner.id, {
    onOrAfter: window.from,
    onOrBefore: window.to,
    limit: FEED_MAX_EVENTS,
  });
  const body = buildFollowUpFeed(followUps, {
    origin: requestOrigin(request.headers, env.APP_URL),
    now,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'inline; filename="runner-up-follow-ups.ics"',
      "Cache-Control": "private, max-age=300",
      // The URL is a secret: keep it out of search engines and Referer headers.
      "X-Robots-Tag": "noindex",
      "Referrer-Policy": "no-referrer",
    },
  });
}

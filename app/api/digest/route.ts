import { handleDigestRequest } from "@/lib/digest/http";
import { env } from "@/lib/env";

// Weekly digest trigger for a scheduler (cron, Vercel Cron, a systemd timer): POST, or GET as
// Vercel Cron sends, with `Authorization: Bearer <CRON_SECRET>`. Safe to call as often as you
// like: each user gets at most one digest per ISO week. 404 when SMTP is not configured.
export const dynamic = "force-dynamic";
// A run walks every user with due follow-ups; give it room on platforms that cap durations.
export const maxDuration = 300;

function handle(request: Request): Promise<Response> {
  return handleDigestRequest(request, {
    smtpUrl: env.SMTP_URL,
    cronSecret: env.CRON_SECRET,
    from: env.DIGEST_FROM,
    appUrl: env.APP_URL,
  });
}

export async function POST(request: Request) {
  return handle(request);
}

export async function GET(request: Request) {
  return handle(request);
}

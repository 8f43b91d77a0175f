import "server-only";
import type { SendMailOptions } from "nodemailer";
import {
  claimDigest,
  listDigestFollowUps,
  listDigestRecipients,
  markDigestFailed,
  markDigestSent,
  releaseDigestClaim,
} from "@/lib/db/queries/digest";
import { renderDigestEmail } from "./email";
import { digestWindow } from "./week";

// Sends this week's digest to everyone with follow-ups due, once per user and ISO week, however
// many instances or retries call it. The configuration is a parameter (not read from env) so
// tests can point it at their own SMTP server.

/** What we need of a nodemailer transport: resolves once the server accepted the message. */
export type DigestTransport = { sendMail(mail: SendMailOptions): Promise<unknown> };

export type DigestConfig = {
  transport: DigestTransport;
  from: string;
  /** Origin for links in the e-mail, e.g. https://app.example.com. */
  appUrl: string;
  now?: Date;
  /** Users read per page. */
  pageSize?: number;
  /** Follow-ups listed per e-mail (the total is still given). */
  itemLimit?: number;
  /** A "sending" claim older than this belongs to a crashed instance and may be taken over. */
  staleAfterMs?: number;
  /** Stop the run after this many failures in a row: the mail server is probably down. */
  maxConsecutiveFailures?: number;
};

export type DigestRunResult = {
  weekStart: string;
  /** Users whose digest went out in this run. */
  sent: number;
  /** Users another run is sending to right now, or who had nothing left to send. */
  skipped: number;
  /** Users whose send failed: retried by the next run. */
  failed: number;
  /** True when the run stopped early after repeated failures. */
  aborted: boolean;
};

export async function sendWeeklyDigests(config: DigestConfig): Promise<DigestRunResult> {
  const now = config.now ?? new Date();
  const pageSize = config.pageSize ?? 100;
  const itemLimit = config.itemLimit ?? 50;
  const staleAfterMs = config.staleAfterMs ?? 15 * 60_000;
  const maxConsecutiveFailures = config.maxConsecutiveFailures ?? 5;
  const window = digestWindow(now);
  const result: DigestRunResult = {
    weekStart: window.weekStart,
    sent: 0,
    skipped: 0,
    failed: 0,
    aborted: false,
  };
  let consecutiveFailures = 0;
  let afterUserId: string | undefined;

  for (;;) {
    const page = await listDigestRecipients({
      dueOnOrBefore: window.dueOnOrBefore,
      weekStart: window.weekStart,
      afterUserId,
      limit: pageSize,
    });
    for (const recipient of page) {
      // Each claim gets its own timestamp: it is also the fencing token of this attempt.
      const claimedAt = new Date();
      const staleBefore = new Date(claimedAt.getTime() - staleAfterMs);
      if (!(await claimDigest(recipient.id, window.weekStart, claimedAt, staleBefore))) {
        result.skipped++;
        continue;
      }
      const { items, total } = await listDigestFollowUps(
        recipient.id,
        window.dueOnOrBefore,
        itemLimit,
      );
      if (total === 0) {
        await releaseDigestClaim(recipient.id, window.weekStart, claimedAt);
        result.skipped++;
        continue;
      }
      const email = renderDigestEmail({
        recipientName: recipient.name,
        items,
        total,
        today: window.today,
        appUrl: config.appUrl,
      });
      try {
        await config.transport.sendMail({
          from: config.from,
          to: { name: recipient.name ?? "", address: recipient.email },
          subject: email.subject,
          text: email.text,
          html: email.html,
          headers: { "Auto-Submitted": "auto-generated" },
        });
      } catch (error) {
        console.error(`Weekly digest to user ${recipient.id} failed:`, error);
        await markDigestFailed(recipient.id, window.weekStart, claimedAt);
        result.failed++;
        consecutiveFailures++;
        if (consecutiveFailures >= maxConsecutiveFailures) {
          result.aborted = true;
          return result;
        }
        continue;
      }
      consecutiveFailures = 0;
      // If this write fails the row stays "sending" and is only retried once it is stale: a
      // duplicate after 15 minutes is better than a silent loss, and far rarer than an instant one.
      await markDigestSent(recipient.id, window.weekStart, claimedAt, new Date());
      result.sent++;
    }
    if (page.length < pageSize) return result;
    afterUserId = page[page.length - 1]!.id;
  }
}

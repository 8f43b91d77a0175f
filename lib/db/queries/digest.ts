import "server-only";
import { and, asc, count, eq, exists, gt, lt, lte, notExists, or } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { digestDeliveries, followUps, users } from "@/lib/db/schema";
import { listOpenFollowUps } from "./calendar";

// The weekly digest. Unlike every other query module, the first two functions look across
// users: the digest job runs for the whole installation, authenticated by CRON_SECRET, with no
// signed-in user. Everything it reads per person goes through userId-scoped queries.

export type DigestRecipient = { id: string; email: string; name: string | null };

/**
 * One page of users who have an open follow-up due by `dueOnOrBefore` and no digest sent yet
 * for `weekStart`, in id order after `afterUserId` (keyset paging: stable while rows change).
 */
export async function listDigestRecipients(
  options: { dueOnOrBefore: string; weekStart: string; afterUserId?: string; limit: number },
  executor: Executor = getDb(),
): Promise<DigestRecipient[]> {
  const due = executor
    .select({ id: followUps.id })
    .from(followUps)
    .where(
      and(
        eq(followUps.userId, users.id),
        eq(followUps.status, "open"),
        lte(followUps.dueOn, options.dueOnOrBefore),
      ),
    );
  const sent = executor
    .select({ userId: digestDeliveries.userId })
    .from(digestDeliveries)
    .where(
      and(
        eq(digestDeliveries.userId, users.id),
        eq(digestDeliveries.weekStart, options.weekStart),
        eq(digestDeliveries.status, "sent"),
      ),
    );
  return executor
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(
      and(
        options.afterUserId ? gt(users.id, options.afterUserId) : undefined,
        exists(due),
        notExists(sent),
      ),
    )
    .orderBy(asc(users.id))
    .limit(options.limit);
}

/**
 * Claims the (user, week) digest for one sender, atomically: a new row, or a row whose last
 * attempt failed, or one stuck in "sending" since before `staleBefore` (its instance crashed).
 * Exactly one of any number of concurrent callers gets true; the row is locked by the upsert,
 * and the others see the winner's fresh "sending" claim.
 */
export async function claimDigest(
  userId: string,
  weekStart: string,
  claimedAt: Date,
  staleBefore: Date,
  executor: Executor = getDb(),
): Promise<boolean> {
  const rows = await executor
    .insert(digestDeliveries)
    .values({ userId, weekStart, status: "sending", claimedAt })
    .onConflictDoUpdate({
      target: [digestDeliveries.userId, digestDeliveries.weekStart],
      set: { status: "sending", claimedAt, sentAt: null },
      setWhere: or(
        eq(digestDeliveries.status, "failed"),
        and(eq(digestDeliveries.status, "sending"), lt(digestDeliveries.claimedAt, staleBefore)),
      ),
    })
    .returning({ userId: digestDeliveries.userId });
  return rows.length > 0;
}

/** Our claim, and only ours: a reclaimed row (we were presumed dead) is left to its new owner. */
function ownClaim(userId: string, weekStart: string, claimedAt: Date) {
  return and(
    eq(digestDeliveries.userId, userId),
    eq(digestDeliveries.weekStart, weekStart),
    eq(digestDeliveries.status, "sending"),
    eq(digestDeliveries.claimedAt, claimedAt),
  );
}

export async function markDigestSent(
  userId: string,
  weekStart: string,
  claimedAt: Date,
  sentAt: Date,
  executor: Executor = getDb(),
): Promise<void> {
  await executor
    .update(digestDeliveries)
    .set({ status: "sent", sentAt })
    .where(ownClaim(userId, weekStart, claimedAt));
}

export async function markDigestFailed(
  userId: string,
  weekStart: string,
  claimedAt: Date,
  executor: Executor = getDb(),
): Promise<void> {
  await executor
    .update(digestDeliveries)
    .set({ status: "failed" })
    .where(ownClaim(userId, weekStart, claimedAt));
}

/** Gives the week back when there turned out to be nothing to send (done in the meantime). */
export async function releaseDigestClaim(
  userId: string,
  weekStart: string,
  claimedAt: Date,
  executor: Executor = getDb(),
): Promise<void> {
  await executor.delete(digestDeliveries).where(ownClaim(userId, weekStart, claimedAt));
}

/** The follow-ups one digest lists (earliest first, at most `limit`) and how many there are. */
export async function listDigestFollowUps(
  userId: string,
  dueOnOrBefore: string,
  limit: number,
  executor: Executor = getDb(),
) {
  const [items, [total]] = await Promise.all([
    listOpenFollowUps(userId, { onOrBefore: dueOnOrBefore, limit }, executor),
    executor
      .select({ n: count() })
      .from(followUps)
      .where(
        and(
          eq(followUps.userId, userId),
          eq(followUps.status, "open"),
          lte(followUps.dueOn, dueOnOrBefore),
        ),
      ),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** A user's delivery row for one week (tests and support). */
export async function getDigestDelivery(
  userId: string,
  weekStart: string,
  executor: Executor = getDb(),
) {
  const [row] = await executor
    .select()
    .from(digestDeliveries)
    .where(and(eq(digestDeliveries.userId, userId), eq(digestDeliveries.weekStart, weekStart)))
    .limit(1);
  return row;
}

import "server-only";
import { addDays, format, parseISO } from "date-fns";
import { type SQL, sql } from "drizzle-orm";
import { type Executor, executeRows } from "@/lib/db/client";
import type { ApplicationStage, ParticipantRole } from "@/lib/db/schema";
import {
  assessContact,
  type ContactAssessment,
  type ContactSignals,
  OPENING_WINDOW_DAYS,
  type ProcessSignals,
} from "@/lib/nurture/scoring";

// Everything the nurture scoring knows about a person, gathered in SQL for a set of contacts:
// their processes (role, furthest stage, finalist, rejection, note sent), replies and two-way
// conversations, the user's interest in their employer, recent openings there and the next
// follow-up. Each signal is a LIMITed lateral lookup through a per-contact index, so the cost
// follows the number of contacts asked about, never the size of the account. The dashboard
// asks about its bounded candidate set; the contacts export asks about one page at a time.

export const isoDay = (date: Date) => format(date, "yyyy-MM-dd");
export const shiftDay = (iso: string, days: number) => isoDay(addDays(parseISO(iso), days));

const STAGE_BY_RANK: readonly ApplicationStage[] = [
  "applied",
  "screening",
  "interviewing",
  "final_round",
  "offer",
];
const stageRankSql = (column: string) =>
  sql.raw(
    `case ${column} when 'applied' then 0 when 'screening' then 1 when 'interviewing' then 2 when 'final_round' then 3 when 'offer' then 4 when 'hired' then 4 else -1 end`,
  );
/** Conversations (both sides took part), as opposed to one-way messages. */
const TWO_WAY_KINDS = "('interview', 'call', 'coffee', 'meeting', 'reply_received')";
export const POSITIVE_OUTCOMES = "('replied', 'interview', 'offer')";

export type SignalsRow = {
  id: string;
  full_name: string;
  title: string | null;
  is_sample: boolean;
  company_id: string | null;
  company_name: string | null;
  interest: number | null;
  last_contacted_on: string | null;
  processes: unknown;
  replies: number | string | null;
  two_way: number | string | null;
  note_replies: number | string | null;
  follow_up_due: string | null;
  follow_up_reason: string | null;
  openings: number | string | null;
  opening_title: string | null;
  opening_seen: string | null;
};

type ProcessJson = {
  applicationId: string;
  jobTitle: string;
  role: ParticipantRole;
  furthest: number | null;
  wasFinalist: boolean;
  runnerUpRank: number | null;
  rejectedOn: string | null;
  noteSent: boolean;
};

/** json columns arrive parsed from both drivers; a string is parsed here just in case. */
export function parseJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
export const toNumber = (value: unknown) =>
  value === null || value === undefined ? 0 : Number(value);

/**
 * The signals of every contact in `source`, a relation with a `contact_id` column (a CTE name
 * or a subquery), joined on the owner everywhere.
 */
export function signalsQuery(userId: string, today: string, source: SQL): SQL {
  const openingsSince = shiftDay(today, -OPENING_WINDOW_DAYS);
  return sql`
    select c.id, c.full_name, c.title, c.is_sample,
      co.id as company_id, co.name as company_name, co.interest,
      to_char(c.last_contacted_at, 'YYYY-MM-DD') as last_contacted_on,
      procs.items as processes,
      w.replies, w.two_way, nr.note_replies,
      fu.due_on as follow_up_due, fu.reason as follow_up_reason,
      op.n as openings, op.latest_title as opening_title, op.latest_seen as opening_seen
    from ${source} k
    -- One primary-key lookup per contact asked about. As a plain join the planner may hash
    -- the whole account's contacts instead (measured: a sequential scan of 100,000 contacts,
    -- 25-43 ms, for every export page); the LIMIT keeps this a nested loop.
    cross join lateral (
      select * from contacts c where c.id = k.contact_id and c.user_id = ${userId} limit 1
    ) c
    left join lateral (
      select coalesce(c.company_id, (
        select a.company_id from process_participants p
        join applications a on a.id = p.application_id and a.user_id = p.user_id
        where p.contact_id = c.id and p.user_id = ${userId}
        order by a.updated_at desc limit 1)) as id
    ) cc on true
    left join companies co on co.id = cc.id and co.user_id = ${userId}
    left join lateral (
      select json_agg(json_build_object(
        'applicationId', x.id, 'jobTitle', x.job_title, 'role', x.role, 'furthest', x.furthest,
        'wasFinalist', x.was_finalist, 'runnerUpRank', x.runner_up_rank,
        'rejectedOn', x.rejected_on, 'noteSent', x.note_sent)) as items
      from (
        select a.id, a.job_title, p.role, a.was_finalist, a.runner_up_rank,
          case when a.stage = 'rejected' then a.rejected_on::text end as rejected_on,
          greatest(${stageRankSql("a.stage")}, (
            select max(${stageRankSql("s.stage")}) from application_stage_changes s
            where s.application_id = a.id and s.user_id = ${userId})) as furthest,
          exists (select 1 from notes n
            where n.contact_id = c.id and n.user_id = ${userId} and n.application_id = a.id
              and n.status = 'sent') as note_sent
        from process_participants p
        join applications a on a.id = p.application_id and a.user_id = p.user_id
        where p.contact_id = c.id and p.user_id = ${userId}
        order by a.rejected_on desc nulls last, a.updated_at desc
        limit 5
      ) x
    ) procs on true
    left join lateral (
      select count(*) filter (where x.kind = 'reply_received')::int as replies,
        count(*) filter (where x.kind in ${sql.raw(TWO_WAY_KINDS)})::int as two_way
      from (select i.kind from interactions i
            where i.contact_id = c.id and i.user_id = ${userId}
            order by i.occurred_at desc nulls last limit 100) x
    ) w on true
    left join lateral (
      select count(*)::int as note_replies
      from (select 1 from notes n
            where n.contact_id = c.id and n.user_id = ${userId} and n.status = 'sent'
              and n.outcome in ${sql.raw(POSITIVE_OUTCOMES)}
            limit 20) x
    ) nr on true
    left join lateral (
      select f.due_on::text as due_on, f.reason from follow_ups f
      where f.contact_id = c.id and f.user_id = ${userId} and f.status = 'open'
      order by f.due_on limit 1
    ) fu on true
    left join lateral (
      select count(*)::int as n, max(o.seen_on)::text as latest_seen,
        (array_agg(o.title order by o.seen_on desc))[1] as latest_title
      from (select o.title, o.seen_on from openings o
            where o.user_id = ${userId} and o.company_id = cc.id
              and o.seen_on >= ${openingsSince}::date and o.seen_on <= ${today}::date
            order by o.seen_on desc nulls last limit 5) o
    ) op on true`;
}

export type ProcessWithTitle = ProcessSignals & { jobTitle: string };

/** A row of signalsQuery as the scoring's plain values. */
export function contactSignalsFrom(
  row: SignalsRow,
): Omit<ContactSignals, "processes"> & { processes: ProcessWithTitle[] } {
  const processes = (parseJson<ProcessJson[]>(row.processes) ?? []).map(
    (process): ProcessWithTitle => ({
      applicationId: process.applicationId,
      jobTitle: process.jobTitle,
      role: process.role,
      furthestStage:
        process.furthest !== null && process.furthest >= 0
          ? (STAGE_BY_RANK[process.furthest] ?? null)
          : null,
      wasFinalist: process.wasFinalist,
      runnerUpRank: process.runnerUpRank,
      rejectedOn: process.rejectedOn,
      noteSent: process.noteSent,
    }),
  );
  const replies = toNumber(row.replies);
  const noteReplies = toNumber(row.note_replies);
  return {
    processes,
    repliesReceived: Math.max(replies, noteReplies),
    repliedToNote: noteReplies > 0,
    twoWayInteractions: toNumber(row.two_way),
    lastContactedOn: row.last_contacted_on,
    interest: row.interest === null ? null : Number(row.interest),
    recentOpenings: toNumber(row.openings),
    latestOpening:
      row.opening_title && row.opening_seen
        ? { title: row.opening_title, seenOn: row.opening_seen }
        : null,
    nextFollowUp:
      row.follow_up_due && row.follow_up_reason !== null
        ? { dueOn: row.follow_up_due, reason: row.follow_up_reason }
        : null,
  };
}

/**
 * The assessment (score, reasons, next step) of each of the given contacts of the user, by id.
 * Ids of other users' contacts find nothing. The ids travel as one text parameter, expanded
 * with unnest so every lookup stays a nested loop over the per-contact indexes.
 */
export async function assessContacts(
  executor: Executor,
  userId: string,
  contactIds: readonly string[],
  today: string,
): Promise<Map<string, ContactAssessment>> {
  if (contactIds.length === 0) return new Map();
  const source = sql`(select unnest(string_to_array(${contactIds.join(",")}, ',')::uuid[]) as contact_id)`;
  const rows = await executeRows<SignalsRow>(executor, signalsQuery(userId, today, source));
  return new Map(rows.map((row) => [row.id, assessContact(contactSignalsFrom(row), today)]));
}

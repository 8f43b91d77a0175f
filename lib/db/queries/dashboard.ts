import "server-only";
import { addDays, format, parseISO, startOfMonth, subMonths } from "date-fns";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { type Executor, executeRows, getDb } from "@/lib/db/client";
import { followUps, PARTICIPANT_ROLES, type ParticipantRole } from "@/lib/db/schema";
import { todayIso } from "@/lib/format";
import {
  assessContact,
  type ContactAssessment,
  compareAssessments,
  OPENING_WINDOW_DAYS,
  THANK_YOU_WINDOW_DAYS,
} from "@/lib/nurture/scoring";
import { type OpenFollowUp, openFollowUpsQuery } from "./follow-ups";
import {
  contactSignalsFrom,
  isoDay,
  POSITIVE_OUTCOMES,
  parseJson,
  type SignalsRow,
  shiftDay,
  signalsQuery,
  toNumber,
} from "./nurture-signals";

// The nurture dashboard: "who should I reach out to this week, and why?".
//
// Cost: every section reads a bounded set of rows through an index, whatever the size of the
// account. "Worth nurturing" gathers candidates from a few capped streams (the people of the
// most recent rejected processes that got to interviews, open follow-ups due soon, recent
// replies, people at companies with recent openings), keeps the best CANDIDATE_LIMIT by a cheap
// SQL pre-score, aggregates their signals in SQL with LIMITed lateral subqueries, and only
// then scores them in JS (lib/nurture/scoring.ts). Nothing here loads every contact.

/** Rejected processes older than this no longer bring candidates (value fades after a year). */
export const CANDIDATE_PROCESS_DAYS = 548;
/** How many of the most recent rejected processes feed the candidates. */
export const CANDIDATE_PROCESS_LIMIT = 25;
/** Candidates scored in JS, at most. */
export const CANDIDATE_LIMIT = 100;
export const WORTH_NURTURING_LIMIT = 10;
/** Follow-ups due within this many days count as due. */
export const DUE_WITHIN_DAYS = 7;
/** Rejections this recent still call for a thank-you note on the dashboard. */
export const UNSENT_NOTES_DAYS = THANK_YOU_WINDOW_DAYS;
export const GOING_COLD_DAYS = 90;

const roleOrderSql = (column: string) =>
  sql.raw(
    `case ${column} ${PARTICIPANT_ROLES.map((role, index) => `when '${role}' then ${index}`).join(" ")} end`,
  );

// --- State of the account ----------------------------------------------------------------------

export type DashboardState = {
  hasCompanies: boolean;
  hasContacts: boolean;
  hasApplications: boolean;
  hasRejections: boolean;
};

/** What the user has recorded at all, for the early states: four EXISTS, each one index row. */
export async function getDashboardState(
  userId: string,
  executor: Executor = getDb(),
): Promise<DashboardState> {
  const [row] = await executeRows<Record<string, boolean>>(
    executor,
    sql`select
      exists (select 1 from companies where user_id = ${userId}) as has_companies,
      exists (select 1 from contacts where user_id = ${userId}) as has_contacts,
      exists (select 1 from applications where user_id = ${userId}) as has_applications,
      exists (select 1 from applications where user_id = ${userId} and stage = 'rejected')
        as has_rejections`,
  );
  return {
    hasCompanies: row?.has_companies === true,
    hasContacts: row?.has_contacts === true,
    hasApplications: row?.has_applications === true,
    hasRejections: row?.has_rejections === true,
  };
}

// --- Worth nurturing ---------------------------------------------------------------------------

export type WorthNurturingRow = {
  contactId: string;
  fullName: string;
  title: string | null;
  companyId: string | null;
  companyName: string | null;
  isSample: boolean;
  /** The process the score is about: "Senior Product Designer". */
  jobTitle: string | null;
  role: ParticipantRole | null;
  assessment: ContactAssessment;
};

/**
 * The bounded candidate set with every signal the scoring needs, aggregated in SQL.
 * Exported for the benchmark and tests; the page calls listWorthNurturing.
 */
export async function loadNurtureCandidates(
  userId: string,
  today: string,
  executor: Executor = getDb(),
): Promise<SignalsRow[]> {
  const processSince = shiftDay(today, -CANDIDATE_PROCESS_DAYS);
  const yearAgo = shiftDay(today, -365);
  const followUpsFrom = shiftDay(today, -60);
  const followUpsTo = shiftDay(today, 14);
  const repliesSince = shiftDay(today, -90);
  const openingsSince = shiftDay(today, -OPENING_WINDOW_DAYS);
  return executeRows<SignalsRow>(
    executor,
    sql`
    -- Scalar subqueries (select true … limit 1) rather than EXISTS inside OR: the planner may
    -- run an EXISTS as one hashed pass over all of the user's stage history, which grows.
    -- "desc nulls last" everywhere to match the indexes, so each LIMIT stops an index walk.
    with recent_processes as (
      select a.id, a.rejected_on, a.was_finalist, a.runner_up_rank
      from applications a
      where a.user_id = ${userId} and a.stage = 'rejected'
        and a.rejected_on >= ${processSince}::date and a.rejected_on <= ${today}::date
        and (a.was_finalist or a.runner_up_rank is not null or (
          select true from application_stage_changes s
          where s.application_id = a.id and s.user_id = ${userId}
            and s.stage in ('interviewing', 'final_round', 'offer')
          limit 1))
      order by a.rejected_on desc nulls last
      limit ${CANDIDATE_PROCESS_LIMIT}
    ),
    streams as (
      select p.contact_id,
        (case p.role when 'hiring_manager' then 1.0 when 'recruiter' then 0.8
          when 'interviewer' then 0.55 when 'panel' then 0.5 when 'referrer' then 0.4 else 0.3 end)
        * (case when a.was_finalist or a.runner_up_rank is not null then 1.0 else 0.75 end)
        * (case when a.rejected_on >= ${yearAgo}::date then 1.0 else 0.5 end) as pre
      from recent_processes a
      join process_participants p on p.application_id = a.id and p.user_id = ${userId}
      union all
      (select f.contact_id, 0.9 from follow_ups f
        where f.user_id = ${userId} and f.status = 'open'
          and f.due_on >= ${followUpsFrom}::date and f.due_on <= ${followUpsTo}::date
        order by f.due_on limit 30)
      union all
      (select i.contact_id, 0.85 from interactions i
        where i.user_id = ${userId} and i.kind = 'reply_received'
          and i.occurred_at >= ${repliesSince}::date
        order by i.occurred_at desc nulls last limit 30)
      union all
      (select oc.id, 0.7
        from (select o.company_id from openings o
              where o.user_id = ${userId} and o.seen_on >= ${openingsSince}::date
              order by o.seen_on desc nulls last limit 10) recent
        cross join lateral (
          select c.id from contacts c
          where c.user_id = ${userId} and c.company_id = recent.company_id
          order by c.last_contacted_at desc nulls last limit 10) oc)
    ),
    candidates as (
      select contact_id, max(pre) as pre from streams
      group by contact_id
      order by max(pre) desc, contact_id
      limit ${CANDIDATE_LIMIT}
    )
    ${signalsQuery(userId, today, sql`candidates`)}`,
  );
}

/** The people most worth keeping warm, best first, with reasons and the next step. */
export async function listWorthNurturing(
  userId: string,
  options: { today?: string; limit?: number } = {},
  executor: Executor = getDb(),
): Promise<WorthNurturingRow[]> {
  const today = options.today ?? todayIso();
  const candidates = await loadNurtureCandidates(userId, today, executor);
  const ranked = candidates.map((row) => {
    const signals = contactSignalsFrom(row);
    const assessment = assessContact(signals, today);
    const process = signals.processes.find(
      (candidate) => candidate.applicationId === assessment.process?.applicationId,
    );
    return {
      id: row.id,
      assessment,
      row: {
        contactId: row.id,
        fullName: row.full_name,
        title: row.title,
        companyId: row.company_id,
        companyName: row.company_name,
        isSample: row.is_sample,
        jobTitle: process?.jobTitle ?? null,
        role: process?.role ?? null,
        assessment,
      },
    };
  });
  return ranked
    .sort(compareAssessments)
    .slice(0, options.limit ?? WORTH_NURTURING_LIMIT)
    .map((entry) => entry.row);
}

// --- Due follow-ups ----------------------------------------------------------------------------

/** Open follow-ups due within a week or overdue, most overdue first; `hasMore` for "see all". */
export async function listDueFollowUps(
  userId: string,
  options: { today?: string; limit?: number } = {},
  executor: Executor = getDb(),
): Promise<{ rows: OpenFollowUp[]; hasMore: boolean }> {
  const today = options.today ?? todayIso();
  const limit = options.limit ?? 8;
  const rows = await openFollowUpsQuery(executor, userId)
    .where(
      and(
        eq(followUps.userId, userId),
        eq(followUps.status, "open"),
        lte(followUps.dueOn, shiftDay(today, DUE_WITHIN_DAYS)),
      ),
    )
    // Due date alone, straight from the index: a tie-breaker would sort every follow-up due
    // on the earliest day first, and a large account has hundreds on one day.
    .orderBy(asc(followUps.dueOn))
    .limit(limit + 1);
  return { rows: rows.slice(0, limit), hasMore: rows.length > limit };
}

// --- Thank-you notes not sent yet --------------------------------------------------------------

export type UnsentPerson = {
  contactId: string;
  fullName: string;
  role: ParticipantRole;
  hasDraft: boolean;
};

export type UnsentNotesRow = {
  applicationId: string;
  jobTitle: string;
  companyName: string;
  rejectedOn: string;
  /** Two days after the rejection. */
  dueOn: string;
  isSample: boolean;
  /** Up to UNSENT_PEOPLE_SHOWN people without a sent note, hiring manager first. */
  people: UnsentPerson[];
  /** Everyone in the process without a sent note. */
  unsentCount: number;
  hasDrafts: boolean;
};

const UNSENT_PEOPLE_SHOWN = 8;

/**
 * Recent rejections (last two weeks) with people who have not been sent a thank-you note for
 * that process, the oldest rejection first (the most overdue note).
 */
export async function listUnsentThankYous(
  userId: string,
  options: { today?: string; limit?: number } = {},
  executor: Executor = getDb(),
): Promise<{ rows: UnsentNotesRow[]; hasMore: boolean }> {
  const today = options.today ?? todayIso();
  const limit = options.limit ?? 5;
  const since = shiftDay(today, -UNSENT_NOTES_DAYS);
  const rows = await executeRows<{
    id: string;
    job_title: string;
    company_name: string;
    rejected_on: string;
    is_sample: boolean;
    people: unknown;
    total: number | string;
    drafts: number | string;
  }>(
    executor,
    sql`
    select a.id, a.job_title, co.name as company_name, a.rejected_on::text as rejected_on,
      a.is_sample, people.items as people, people.total, people.drafts
    from applications a
    join companies co on co.id = a.company_id and co.user_id = a.user_id
    cross join lateral (
      select json_agg(json_build_object('contactId', x.contact_id, 'fullName', x.full_name,
          'role', x.role, 'hasDraft', x.has_draft) order by x.n)
          filter (where x.n <= ${UNSENT_PEOPLE_SHOWN}) as items,
        count(*)::int as total,
        count(*) filter (where x.has_draft)::int as drafts
      from (
        select p.contact_id, c.full_name, p.role,
          exists (select 1 from notes n
            where n.contact_id = p.contact_id and n.user_id = ${userId}
              and n.application_id = a.id and n.status = 'draft') as has_draft,
          row_number() over (order by ${roleOrderSql("p.role")}, c.full_name, p.contact_id) as n
        from process_participants p
        join contacts c on c.id = p.contact_id and c.user_id = p.user_id
        where p.application_id = a.id and p.user_id = ${userId}
          and not exists (select 1 from notes n
            where n.contact_id = p.contact_id and n.user_id = ${userId}
              and n.application_id = a.id and n.status = 'sent')
      ) x
    ) people
    where a.user_id = ${userId} and a.stage = 'rejected'
      and a.rejected_on >= ${since}::date and a.rejected_on <= ${today}::date
      and people.total > 0
    order by a.rejected_on asc nulls first, a.id
    limit ${limit + 1}`,
  );
  return {
    rows: rows.slice(0, limit).map((row) => ({
      applicationId: row.id,
      jobTitle: row.job_title,
      companyName: row.company_name,
      rejectedOn: row.rejected_on,
      dueOn: shiftDay(row.rejected_on, 2),
      isSample: row.is_sample,
      people: parseJson<UnsentPerson[]>(row.people) ?? [],
      unsentCount: toNumber(row.total),
      hasDrafts: toNumber(row.drafts) > 0,
    })),
    hasMore: rows.length > limit,
  };
}

// --- Going cold --------------------------------------------------------------------------------

export type GoingColdRow = {
  contactId: string;
  fullName: string;
  companyName: string | null;
  lastContactedAt: Date;
  role: ParticipantRole;
  jobTitle: string;
  applicationId: string;
  /** They were in a process where the user reached the final round. */
  finalist: boolean;
  isSample: boolean;
};

/**
 * Valuable people (a hiring manager or recruiter, or anyone from a process where the user
 * reached the final round) not in touch for GOING_COLD_DAYS or more: those who just crossed
 * the line first, since they are the easiest to warm up again.
 */
export async function listGoingCold(
  userId: string,
  options: { today?: string; limit?: number } = {},
  executor: Executor = getDb(),
): Promise<{ rows: GoingColdRow[]; hasMore: boolean }> {
  const today = options.today ?? todayIso();
  const limit = options.limit ?? 5;
  const rows = await executeRows<{
    id: string;
    full_name: string;
    company_name: string | null;
    last_contacted_at: string | Date;
    role: ParticipantRole;
    job_title: string;
    application_id: string;
    finalist: boolean;
    is_sample: boolean;
  }>(
    executor,
    sql`
    select c.id, c.full_name, co.name as company_name, c.last_contacted_at, c.is_sample,
      best.role, best.job_title, best.application_id, best.finalist
    from contacts c
    left join companies co on co.id = c.company_id and co.user_id = c.user_id
    cross join lateral (
      select p.role, a.job_title, a.id as application_id, x.finalist
      from process_participants p
      join applications a on a.id = p.application_id and a.user_id = p.user_id
      cross join lateral (
        select (a.was_finalist or a.runner_up_rank is not null or coalesce((
          select true from application_stage_changes s
          where s.application_id = a.id and s.user_id = ${userId}
            and s.stage in ('final_round', 'offer')
          limit 1), false)) as finalist
      ) x
      where p.contact_id = c.id and p.user_id = ${userId}
        and (p.role in ('hiring_manager', 'recruiter') or x.finalist)
      order by ${roleOrderSql("p.role")}, a.updated_at desc
      limit 1
    ) best
    where c.user_id = ${userId}
      and c.last_contacted_at < ${shiftDay(today, -GOING_COLD_DAYS)}::date
    order by c.last_contacted_at desc nulls last
    limit ${limit + 1}`,
  );
  return {
    rows: rows.slice(0, limit).map((row) => ({
      contactId: row.id,
      fullName: row.full_name,
      companyName: row.company_name,
      lastContactedAt: new Date(row.last_contacted_at),
      role: row.role,
      jobTitle: row.job_title,
      applicationId: row.application_id,
      finalist: row.finalist,
      isSample: row.is_sample,
    })),
    hasMore: rows.length > limit,
  };
}

// --- Outcomes ----------------------------------------------------------------------------------

export type OutcomeCounts = { sent: number; replies: number; interviews: number; offers: number };
export type OutcomeMonth = OutcomeCounts & { month: string };
export type OutcomeRole = OutcomeCounts & { role: ParticipantRole | null };
export type Outcomes = {
  /** The last 12 months, oldest first, "YYYY-MM", zeros included. */
  months: OutcomeMonth[];
  byRole: OutcomeRole[];
  totals: OutcomeCounts;
  /** More notes were sent than OUTCOME_NOTES_LIMIT: the counts cover the latest ones. */
  capped: boolean;
};

/**
 * Sent notes counted at most (the latest ones): four every working day for a year, far beyond
 * any real search, and a ceiling on what one dashboard view can cost. Past it the counts cover
 * the latest notes and the page says so (a monthly rollup table would lift the limit).
 */
export const OUTCOME_NOTES_LIMIT = 1000;

const zero = (): OutcomeCounts => ({ sent: 0, replies: 0, interviews: 0, offers: 0 });
const add = (target: OutcomeCounts, source: OutcomeCounts) => {
  target.sent += source.sent;
  target.replies += source.replies;
  target.interviews += source.interviews;
  target.offers += source.offers;
};

/**
 * What the notes sent in the last 12 months led to, by the month they were sent and by the
 * person's role in the process. A funnel: a note that led to an interview also counts as a
 * reply, and one that led to an offer as an interview too.
 */
export async function getOutcomes(
  userId: string,
  options: { today?: string } = {},
  executor: Executor = getDb(),
): Promise<Outcomes> {
  const today = parseISO(options.today ?? todayIso());
  const first = startOfMonth(subMonths(today, 11));
  const rows = await executeRows<{
    month: string;
    role: ParticipantRole | null;
    sent: number | string;
    replies: number | string;
    interviews: number | string;
    offers: number | string;
  }>(
    executor,
    sql`
    select to_char(x.sent_at, 'YYYY-MM') as month, x.role,
      count(*)::int as sent,
      count(*) filter (where x.outcome in ${sql.raw(POSITIVE_OUTCOMES)})::int as replies,
      count(*) filter (where x.outcome in ('interview', 'offer'))::int as interviews,
      count(*) filter (where x.outcome = 'offer')::int as offers
    from (
      select n.sent_at, n.outcome,
        -- One index probe per note (a join would hash all of the user's participants).
        (select p.role from process_participants p
          where p.application_id = n.application_id and p.contact_id = n.contact_id
            and p.user_id = ${userId}
          limit 1) as role
      from notes n
      where n.user_id = ${userId} and n.status = 'sent'
        and n.sent_at >= ${isoDay(first)}::date and n.sent_at < ${isoDay(addDays(today, 1))}::date
      order by n.sent_at desc
      limit ${OUTCOME_NOTES_LIMIT}
    ) x
    group by 1, 2`,
  );
  const months: OutcomeMonth[] = Array.from({ length: 12 }, (_, index) => ({
    month: format(subMonths(today, 11 - index), "yyyy-MM"),
    ...zero(),
  }));
  const byMonth = new Map(months.map((entry) => [entry.month, entry]));
  const byRole = new Map<ParticipantRole | null, OutcomeRole>();
  const totals = zero();
  for (const row of rows) {
    const counts: OutcomeCounts = {
      sent: toNumber(row.sent),
      replies: toNumber(row.replies),
      interviews: toNumber(row.interviews),
      offers: toNumber(row.offers),
    };
    const month = byMonth.get(row.month);
    if (month) add(month, counts);
    const role = byRole.get(row.role) ?? { role: row.role, ...zero() };
    add(role, counts);
    byRole.set(row.role, role);
    add(totals, counts);
  }
  const order = (role: ParticipantRole | null) =>
    role === null ? PARTICIPANT_ROLES.length : PARTICIPANT_ROLES.indexOf(role);
  return {
    months,
    byRole: [...byRole.values()].sort((a, b) => order(a.role) - order(b.role)),
    totals,
    capped: totals.sent >= OUTCOME_NOTES_LIMIT,
  };
}

// --- Everything at once ------------------------------------------------------------------------

export type Dashboard = {
  state: DashboardState;
  worthNurturing: WorthNurturingRow[];
  dueFollowUps: { rows: OpenFollowUp[]; hasMore: boolean };
  unsentNotes: { rows: UnsentNotesRow[]; hasMore: boolean };
  goingCold: { rows: GoingColdRow[]; hasMore: boolean };
  outcomes: Outcomes;
};

/** Every section of the dashboard (what the page renders and the benchmark times). */
export async function loadDashboard(
  userId: string,
  options: { today?: string } = {},
  executor: Executor = getDb(),
): Promise<Dashboard> {
  const today = options.today ?? todayIso();
  const [state, worthNurturing, dueFollowUps, unsentNotes, goingCold, outcomes] = await Promise.all(
    [
      getDashboardState(userId, executor),
      listWorthNurturing(userId, { today }, executor),
      listDueFollowUps(userId, { today }, executor),
      listUnsentThankYous(userId, { today }, executor),
      listGoingCold(userId, { today }, executor),
      getOutcomes(userId, { today }, executor),
    ],
  );
  return { state, worthNurturing, dueFollowUps, unsentNotes, goingCold, outcomes };
}

import {
  BarChart3,
  Building2,
  CalendarClock,
  HeartHandshake,
  Mail,
  Send,
  Snowflake,
  Users,
} from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { dueLabel, dueToneClass } from "@/components/dashboard/due-label";
import { FollowUpControls } from "@/components/dashboard/follow-up-controls";
import { LoadSampleDataButton } from "@/components/dashboard/load-sample-data-button";
import { OutcomesChart } from "@/components/dashboard/outcomes-chart";
import { SampleDataBanner } from "@/components/dashboard/sample-data-banner";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import {
  type Dashboard,
  GOING_COLD_DAYS,
  loadDashboard,
  type WorthNurturingRow,
} from "@/lib/db/queries/dashboard";
import { hasSampleData } from "@/lib/db/queries/sample-data";
import { formatAgo, formatDay, todayIso } from "@/lib/format";
import { roleLabels } from "@/lib/labels";
import { describeReasons } from "@/lib/nurture/scoring";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Dashboard" };

const steps = [
  {
    href: "/companies",
    icon: Building2,
    title: "Add the companies",
    text: "Employers you applied to, and how much you would like to work there.",
  },
  {
    href: "/applications",
    icon: Send,
    title: "Record your applications",
    text: "Each hiring process, its stage, and whether you were a finalist.",
  },
  {
    href: "/contacts",
    icon: Users,
    title: "Note everyone you met",
    text: "Hiring managers, recruiters, interviewers, and what you talked about.",
  },
] as const;

const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";

function Section({
  id,
  title,
  icon: Icon,
  description,
  action,
  children,
}: {
  id: string;
  title: string;
  icon: typeof HeartHandshake;
  description?: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      data-testid={id}
      className="min-w-0 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 gap-2">
          <Icon aria-hidden="true" className="mt-1 size-5 shrink-0 text-brand-700" />
          <div className="min-w-0">
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              {title}
            </h2>
            {description ? <p className="text-sm text-stone-600">{description}</p> : null}
          </div>
        </div>
        {action}
      </div>
      {children}
    </section>
  );
}

function Quiet({ children }: { children: ReactNode }) {
  return <div className="space-y-3 text-sm text-stone-600">{children}</div>;
}

function Due({ dueOn, today }: { dueOn: string; today: string }) {
  const due = dueLabel(dueOn, today);
  return (
    <span
      className={cn(
        "inline-flex rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap",
        dueToneClass[due.tone],
      )}
    >
      <time dateTime={dueOn}>{due.text}</time>
    </span>
  );
}

/** Where the next action is done. */
function actionHref(row: WorthNurturingRow): string {
  const { action, actionApplicationId } = row.assessment;
  if (action.kind === "thank_you" && actionApplicationId) {
    return `/applications/${actionApplicationId}#thank-you`;
  }
  return `/contacts/${row.contactId}#follow-ups`;
}

function ScoreBar({ score }: { score: number }) {
  const value = Math.round(score);
  return (
    <div className="flex items-center gap-2" title="How worth nurturing, out of 100">
      <div
        aria-hidden="true"
        className="h-2 w-16 overflow-hidden rounded-full bg-stone-200 sm:w-24"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
      <span className="text-sm font-semibold tabular-nums">
        {value}
        <span className="sr-only"> out of 100</span>
      </span>
    </div>
  );
}

function WorthNurturing({ data, today }: { data: Dashboard; today: string }) {
  const rows = data.worthNurturing;
  return (
    <Section
      id="worth-nurturing"
      title="Worth nurturing"
      icon={HeartHandshake}
      description="The people most likely to think of you when the chosen hire falls through, and what to do next."
    >
      {rows.length === 0 ? (
        <Quiet>
          {data.state.hasRejections ? (
            <p>
              No one stands out right now. Add the people you met to your rejected applications
              (hiring manager, recruiter, interviewers) and they will be ranked here.
            </p>
          ) : (
            <p>
              No rejections yet, so no runner-up window to make use of. When a process ends in a
              “no”, mark the application as rejected: the people you met will be ranked here, with
              the thank-you note to send first.
            </p>
          )}
        </Quiet>
      ) : (
        <ol className="divide-y divide-stone-200">
          {rows.map((row, index) => (
            <li key={row.contactId} className="py-4 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="text-sm text-stone-500 tabular-nums">{index + 1}.</span>
                    <Link
                      href={`/contacts/${row.contactId}`}
                      className={`${linkClass} wrap-anywhere`}
                    >
                      {row.fullName}
                    </Link>
                    {row.isSample ? <SampleBadge /> : null}
                  </p>
                  <p className="text-sm text-stone-600">
                    {[row.title, row.companyName].filter(Boolean).join(" · ")}
                  </p>
                </div>
                <ScoreBar score={row.assessment.score} />
              </div>
              <p className="mt-2 text-sm wrap-anywhere text-stone-800">
                {describeReasons(row.assessment.reasons)}
              </p>
              <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2">
                <Link
                  href={actionHref(row)}
                  className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium hover:bg-stone-100"
                >
                  {row.assessment.action.label}
                  <span className="sr-only"> — {row.fullName}</span>
                </Link>
                <Due dueOn={row.assessment.action.dueOn} today={today} />
                {row.assessment.action.detail ? (
                  <span className="min-w-0 text-sm wrap-anywhere text-stone-600">
                    {row.assessment.action.detail}
                  </span>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function DueFollowUps({ data, today }: { data: Dashboard; today: string }) {
  const { rows, hasMore } = data.dueFollowUps;
  return (
    <Section
      id="due-follow-ups"
      title="Due follow-ups"
      icon={CalendarClock}
      description="This week's check-ins, and any you missed."
    >
      {rows.length === 0 ? (
        <Quiet>
          <p>
            Nothing due this week. Follow-ups appear here when a thank-you note is marked sent, or
            when you plan one on a contact’s page.
          </p>
        </Quiet>
      ) : (
        <ul className="divide-y divide-stone-200">
          {rows.map((followUp) => (
            <li key={followUp.id} className="space-y-2 py-4 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/contacts/${followUp.contactId}`} className={linkClass}>
                  {followUp.contactName}
                </Link>
                {followUp.isSample ? <SampleBadge /> : null}
                {followUp.companyName ? (
                  <span className="text-sm text-stone-600">{followUp.companyName}</span>
                ) : null}
                <Due dueOn={followUp.dueOn} today={today} />
              </div>
              <p className="text-sm wrap-anywhere text-stone-800">{followUp.reason}</p>
              <FollowUpControls
                id={followUp.id}
                what={`${followUp.reason} (${followUp.contactName})`}
              />
            </li>
          ))}
        </ul>
      )}
      {hasMore ? (
        <p className="mt-4 text-sm">
          <Link href="/dashboard/follow-ups" className={linkClass}>
            See all open follow-ups
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

function UnsentNotes({ data, today }: { data: Dashboard; today: string }) {
  const { rows, hasMore } = data.unsentNotes;
  return (
    <Section
      id="unsent-notes"
      title="Thank-you notes to send"
      icon={Mail}
      description="Within a day or two of a rejection, a short note to each person stands out."
    >
      {rows.length === 0 ? (
        <Quiet>
          <p>
            {data.state.hasRejections
              ? "All caught up: no rejection in the last two weeks is waiting for a note."
              : "Nothing to send. When an application ends in a rejection, the people to thank appear here."}
          </p>
        </Quiet>
      ) : (
        <ul className="divide-y divide-stone-200">
          {rows.map((row) => (
            <li key={row.applicationId} className="space-y-2 py-4 first:pt-0 last:pb-0">
              <div className="flex flex-wrap items-center gap-2">
                <Link href={`/applications/${row.applicationId}`} className={linkClass}>
                  {row.jobTitle} at {row.companyName}
                </Link>
                {row.isSample ? <SampleBadge /> : null}
                <Due dueOn={row.dueOn} today={today} />
              </div>
              <p className="text-sm text-stone-600">
                Rejected {formatDay(row.rejectedOn)} · {row.unsentCount}{" "}
                {row.unsentCount === 1 ? "person" : "people"} without a sent note
              </p>
              <ul className="flex flex-wrap gap-1.5">
                {row.people.map((person) => (
                  <li
                    key={person.contactId}
                    className="rounded-full bg-stone-100 px-2.5 py-1 text-sm text-stone-800"
                  >
                    {person.fullName}
                    <span className="text-stone-500"> · {roleLabels[person.role]}</span>
                    {person.hasDraft ? (
                      <span className="text-brand-700"> · draft ready</span>
                    ) : null}
                  </li>
                ))}
                {row.unsentCount > row.people.length ? (
                  <li className="px-1 py-1 text-sm text-stone-600">
                    and {row.unsentCount - row.people.length} more
                  </li>
                ) : null}
              </ul>
              <Button asChild variant={row.hasDrafts ? "secondary" : "primary"}>
                <Link
                  href={
                    row.hasDrafts
                      ? `/applications/${row.applicationId}/notes`
                      : `/applications/${row.applicationId}#thank-you`
                  }
                >
                  {row.hasDrafts ? "Review and send the drafts" : "Write the notes"}
                  <span className="sr-only">
                    {" "}
                    for {row.jobTitle} at {row.companyName}
                  </span>
                </Link>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {hasMore ? (
        <p className="mt-4 text-sm">
          <Link href="/applications" className={linkClass}>
            More rejected applications are waiting: see your applications
          </Link>
        </p>
      ) : null}
    </Section>
  );
}

function GoingCold({ data }: { data: Dashboard }) {
  const { rows } = data.goingCold;
  return (
    <Section
      id="going-cold"
      title="Going cold"
      icon={Snowflake}
      description={`Hiring managers, recruiters and finalist contacts you have not been in touch with for ${GOING_COLD_DAYS} days or more.`}
    >
      {rows.length === 0 ? (
        <Quiet>
          <p>
            No one important has gone quiet. Keep logging calls, emails and replies on each
            contact’s page.
          </p>
        </Quiet>
      ) : (
        <ul className="divide-y divide-stone-200">
          {rows.map((row) => (
            <li key={row.contactId} className="py-3 first:pt-0 last:pb-0">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/contacts/${row.contactId}`} className={linkClass}>
                  {row.fullName}
                </Link>
                {row.isSample ? <SampleBadge /> : null}
              </p>
              <p className="text-sm text-stone-600">
                {roleLabels[row.role]} for {row.jobTitle}
                {row.companyName ? ` · ${row.companyName}` : null}
                {row.finalist ? " · you reached the final round" : null}
              </p>
              <p className="flex flex-wrap items-center gap-x-3 text-sm text-stone-700">
                <span>
                  Last in touch{" "}
                  <time dateTime={row.lastContactedAt.toISOString()}>
                    {formatAgo(row.lastContactedAt)}
                  </time>
                </span>
                <Link
                  href={`/contacts/${row.contactId}#follow-ups`}
                  className={`${linkClass} inline-flex min-h-11 items-center`}
                >
                  Plan a check-in
                  <span className="sr-only"> with {row.fullName}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function OutcomesSection({ data }: { data: Dashboard }) {
  const outcomes = data.outcomes;
  return (
    <Section
      id="outcomes"
      title="Outcomes"
      icon={BarChart3}
      description="What your thank-you notes led to, by the month you sent them."
    >
      {outcomes.totals.sent === 0 ? (
        <Quiet>
          <p>
            No notes sent in the last 12 months yet. Once you mark a note as sent and record what
            came of it (a reply, an interview, an offer), the results show here.
          </p>
        </Quiet>
      ) : (
        <OutcomesChart outcomes={outcomes} />
      )}
    </Section>
  );
}

export default async function DashboardPage() {
  const user = await requireUser();
  const today = todayIso();
  const [data, showsSample] = await Promise.all([
    loadDashboard(user.id, { today }),
    hasSampleData(user.id),
  ]);
  const isEmpty = !data.state.hasCompanies && !data.state.hasContacts;
  const firstName = user.name?.split(" ")[0];
  return (
    <>
      <PageHeader
        title={firstName ? `Hello, ${firstName}` : "Dashboard"}
        description="Who to reach out to this week, and why."
      />
      {showsSample ? <SampleDataBanner /> : null}
      {!data.state.hasApplications ? (
        <>
          <EmptyState
            icon={HeartHandshake}
            title="Your relationships worth nurturing will appear here"
            action={
              <>
                <Button asChild>
                  <Link href="/applications/new">Add your first application</Link>
                </Button>
                {isEmpty ? <LoadSampleDataButton /> : null}
              </>
            }
          >
            <p>
              When a process ends in a “no”, the people you met are ranked here by how worth keeping
              in touch they are, with the next step for each: send the thank-you note, check in, ask
              about a new opening.
            </p>
          </EmptyState>
          <section aria-labelledby="getting-started" className="mt-8">
            <h2 id="getting-started" className="text-lg font-semibold">
              Getting started
            </h2>
            <ol className="mt-3 grid gap-3 md:grid-cols-3">
              {steps.map(({ href, icon: Icon, title, text }, index) => (
                <li key={href}>
                  <Link
                    href={href}
                    className="flex h-full gap-3 rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600"
                  >
                    <Icon aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-700" />
                    <span>
                      <span className="block font-medium">
                        {index + 1}. {title}
                      </span>
                      <span className="block text-sm text-stone-600">{text}</span>
                    </span>
                  </Link>
                </li>
              ))}
            </ol>
          </section>
        </>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0 space-y-4">
            <WorthNurturing data={data} today={today} />
            <UnsentNotes data={data} today={today} />
          </div>
          <div className="min-w-0 space-y-4">
            <DueFollowUps data={data} today={today} />
            <GoingCold data={data} />
            <OutcomesSection data={data} />
          </div>
        </div>
      )}
    </>
  );
}

import { CalendarClock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { dueLabel, dueToneClass } from "@/components/dashboard/due-label";
import { FollowUpControls } from "@/components/dashboard/follow-up-controls";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { listOpenFollowUps } from "@/lib/db/queries/follow-ups";
import { todayIso } from "@/lib/format";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Follow-ups" };

const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";

/** Every open follow-up, earliest due first (the dashboard shows only this week's). */
export default async function FollowUpsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const requested = Number(firstParam((await searchParams).page));
  const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
  const { rows, hasNext } = await listOpenFollowUps(user.id, { page });
  const today = todayIso();
  return (
    <>
      <p className="text-sm">
        <Link href="/dashboard" className={linkClass}>
          Dashboard
        </Link>
      </p>
      <PageHeader
        title="Follow-ups"
        description="Every planned next step, earliest first. Mark each one done, snooze it, or skip it."
      />
      {rows.length === 0 ? (
        <EmptyState
          icon={CalendarClock}
          title={page > 1 ? "No more follow-ups" : "No open follow-ups"}
        >
          <p>
            Marking a thank-you note as sent plans check-ins at one, three, six and twelve months
            (change the rhythm in Settings). You can also add one on any contact’s page.
          </p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white px-4 sm:px-6">
          {rows.map((followUp) => {
            const due = dueLabel(followUp.dueOn, today);
            return (
              <li key={followUp.id} className="space-y-2 py-4">
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/contacts/${followUp.contactId}`} className={linkClass}>
                    {followUp.contactName}
                  </Link>
                  {followUp.isSample ? <SampleBadge /> : null}
                  {followUp.companyName ? (
                    <span className="text-sm text-stone-600">{followUp.companyName}</span>
                  ) : null}
                  <span
                    className={cn(
                      "inline-flex rounded-full px-2 py-0.5 text-xs font-medium",
                      dueToneClass[due.tone],
                    )}
                  >
                    <time dateTime={followUp.dueOn}>{due.text}</time>
                  </span>
                </div>
                <p className="text-sm wrap-anywhere text-stone-800">
                  {followUp.reason}
                  {followUp.jobTitle ? (
                    <span className="text-stone-600"> · after {followUp.jobTitle}</span>
                  ) : null}
                </p>
                <FollowUpControls
                  id={followUp.id}
                  what={`${followUp.reason} (${followUp.contactName})`}
                />
              </li>
            );
          })}
        </ul>
      )}
      <Pagination basePath="/dashboard/follow-ups" query={{}} page={page} hasNext={hasNext} />
    </>
  );
}

import { Plus, Send, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FinalistBadge, StageBadge } from "@/components/applications/badges";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { FormAlert } from "@/components/ui/field";
import { Pagination } from "@/components/ui/pagination";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { countApplicationsByStage, listApplications } from "@/lib/db/queries/applications";
import { APPLICATION_STAGES, type ApplicationStage } from "@/lib/db/schema";
import { formatDay } from "@/lib/format";
import { stageLabels } from "@/lib/labels";
import { cn } from "@/lib/utils";
import { applicationListQuerySchema } from "@/lib/validations/applications";

export const metadata: Metadata = { title: "Applications" };

function stageHref(stage?: ApplicationStage) {
  return stage ? `/applications?stage=${stage}` : "/applications";
}

export default async function ApplicationsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const params = await searchParams;
  const { stage, page } = applicationListQuerySchema.parse({
    stage: typeof params.stage === "string" ? params.stage : undefined,
    page: typeof params.page === "string" ? params.page : undefined,
  });
  const [counts, { items, hasNext }] = await Promise.all([
    countApplicationsByStage(user.id),
    listApplications(user.id, { stage, page }),
  ]);
  const notFoundError =
    params.error === "not-found"
      ? "That application was not found. It may have been deleted already."
      : undefined;

  const newButton = (
    <Button asChild>
      <Link href="/applications/new">
        <Plus aria-hidden="true" className="size-4" />
        New application
      </Link>
    </Button>
  );

  if (counts.all === 0) {
    return (
      <>
        <PageHeader
          title="Applications"
          description="Every hiring process, from applied to the final answer."
        />
        <FormAlert message={notFoundError} />
        <EmptyState
          icon={Send}
          title="No applications yet"
          action={
            <Button asChild>
              <Link href="/applications/new">Record your first application</Link>
            </Button>
          }
        >
          <p>
            Record each hiring process with its stage (applied, screening, interviewing, final
            round, offer, rejected), the people you met and what you discussed. When one ends in a
            rejection, this is where you thank the people you met.
          </p>
        </EmptyState>
      </>
    );
  }

  const tabs: { stage?: ApplicationStage; label: string; count: number }[] = [
    { label: "All", count: counts.all },
    ...APPLICATION_STAGES.map((value) => ({
      stage: value,
      label: stageLabels[value],
      count: counts[value],
    })),
  ];

  return (
    <>
      <PageHeader
        title="Applications"
        description="Every hiring process, from applied to the final answer."
        actions={newButton}
      />
      <FormAlert message={notFoundError} />
      <nav aria-label="Filter by stage" className="-mx-4 mb-4 overflow-x-auto px-4">
        <ul className="flex w-max gap-2">
          {tabs.map((tab) => {
            const current = tab.stage === stage;
            return (
              <li key={tab.label}>
                <Link
                  href={stageHref(tab.stage)}
                  aria-current={current ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-11 items-center gap-1.5 rounded-full border px-4 text-sm font-medium whitespace-nowrap",
                    current
                      ? "border-brand-700 bg-brand-700 text-white"
                      : "border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
                  )}
                >
                  {tab.label}
                  <span
                    className={cn("tabular-nums", current ? "text-white/80" : "text-stone-500")}
                  >
                    {tab.count}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {items.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-600">
          {page > 1 ? (
            <>
              Nothing on this page.{" "}
              <Link className="font-medium text-brand-700 underline" href={stageHref(stage)}>
                Back to the first page
              </Link>
            </>
          ) : (
            <>No applications in “{stage ? stageLabels[stage] : "All"}” right now.</>
          )}
        </p>
      ) : (
        <ul className="space-y-3" data-testid="application-list">
          {items.map((item) => (
            <li
              key={item.id}
              className="rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="min-w-0">
                  <Link
                    href={`/applications/${item.id}`}
                    className="font-medium wrap-anywhere text-stone-900 underline-offset-2 hover:underline"
                  >
                    {item.jobTitle}
                  </Link>
                  <p className="text-sm wrap-anywhere text-stone-600">{item.companyName}</p>
                </div>
                <div className="flex flex-wrap items-center gap-1.5">
                  <StageBadge stage={item.stage} />
                  <FinalistBadge wasFinalist={item.wasFinalist} runnerUpRank={item.runnerUpRank} />
                  {item.isSample ? <SampleBadge /> : null}
                </div>
              </div>
              <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
                {item.appliedOn ? <span>Applied {formatDay(item.appliedOn)}</span> : null}
                <span className="inline-flex items-center gap-1">
                  <Users aria-hidden="true" className="size-4" />
                  {item.peopleCount === 1 ? "1 person" : `${item.peopleCount} people`}
                </span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        basePath="/applications"
        query={{ stage }}
        page={page}
        hasNext={hasNext}
        label="Application pages"
      />
    </>
  );
}

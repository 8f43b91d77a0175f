import { Building2, HeartHandshake, Send, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { LoadSampleDataButton } from "@/components/dashboard/load-sample-data-button";
import { SampleDataBanner } from "@/components/dashboard/sample-data-banner";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { getOverviewCounts } from "@/lib/db/queries/overview";
import { hasSampleData } from "@/lib/db/queries/sample-data";

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

export default async function DashboardPage() {
  const user = await requireUser();
  const [counts, showsSample] = await Promise.all([
    getOverviewCounts(user.id),
    hasSampleData(user.id),
  ]);
  const isEmpty = counts.companies + counts.contacts + counts.applications === 0;
  const firstName = user.name?.split(" ")[0];
  return (
    <>
      <PageHeader
        title={firstName ? `Hello, ${firstName}` : "Dashboard"}
        description="Who to reach out to this week, and why."
      />
      {showsSample ? <SampleDataBanner /> : null}
      <EmptyState
        icon={HeartHandshake}
        title="Your relationships worth nurturing will appear here"
        action={
          <>
            <Button asChild>
              <Link href="/companies">Start with a company</Link>
            </Button>
            {isEmpty ? <LoadSampleDataButton /> : null}
          </>
        }
      >
        <p>
          When a process ends in a “no”, the people you met are ranked here by how worth keeping in
          touch they are, with the next step for each: send the thank-you note, check in, ask about
          a new opening.
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
        <p className="mt-4 text-sm text-stone-600" data-testid="overview-counts">
          So far: {counts.companies} companies, {counts.applications} applications,{" "}
          {counts.contacts} contacts.
        </p>
      </section>
    </>
  );
}

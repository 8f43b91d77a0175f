import { Briefcase } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ExternalLink } from "@/components/companies/external-link";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { OpeningSearch } from "@/components/openings/opening-search";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { searchOpenings } from "@/lib/db/queries/openings";
import { formatDay } from "@/lib/format";
import type { SearchParams } from "@/lib/search-params";
import { openingSearchParamsSchema } from "@/lib/validations/openings";

export const metadata: Metadata = { title: "Openings seen" };

export default async function OpeningsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const { what, where, page } = openingSearchParamsSchema.parse(await searchParams);
  const { rows, hasNext } = await searchOpenings(user.id, { what, where, page });
  const filtered = Boolean(what || where);

  const header = (
    <PageHeader
      title="Openings seen"
      description="Jobs advertised at your companies, newest first."
      actions={
        <Button asChild variant="secondary">
          <Link href="/companies">Companies</Link>
        </Button>
      }
    />
  );

  if (rows.length === 0 && !filtered && page === 1) {
    return (
      <>
        {header}
        <EmptyState
          icon={Briefcase}
          title="No openings recorded yet"
          action={
            <Button asChild>
              <Link href="/companies">Go to your companies</Link>
            </Button>
          }
        >
          <p>
            When an employer where you were the runner-up advertises a new job, that is a reason to
            get back in touch with the people you met there. Record openings from a company’s page
            and they are listed here, searchable by what and where.
          </p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {header}
      <OpeningSearch what={what} where={where} />
      {rows.length === 0 ? (
        <p className="rounded-xl border border-stone-200 bg-white p-4 text-sm text-stone-700">
          {filtered ? "No openings match your search. " : "No more openings on this page. "}
          <Link className="font-medium text-brand-700 underline" href="/openings">
            Show all openings
          </Link>
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Openings">
          {rows.map((opening) => (
            <li key={opening.id} className="rounded-xl border border-stone-200 bg-white p-4">
              <h2 className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 font-medium wrap-anywhere">{opening.title}</span>
                {opening.isSample ? <SampleBadge /> : null}
              </h2>
              <p className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-stone-600">
                <Link
                  href={`/companies/${opening.companyId}`}
                  className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
                >
                  {opening.companyName}
                </Link>
                {opening.location ? <span>· {opening.location}</span> : null}
                <span>· Seen {formatDay(opening.seenOn)}</span>
              </p>
              {opening.url ? (
                <ExternalLink href={opening.url} className="text-sm">
                  View the posting
                </ExternalLink>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination
        basePath="/openings"
        query={{ what: what || undefined, where: where || undefined }}
        page={page}
        hasNext={hasNext}
        label="Opening pages"
      />
    </>
  );
}

import { Briefcase, Building2, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CompanySearch } from "@/components/companies/company-search";
import { countOf } from "@/components/companies/count-text";
import { interestText } from "@/components/companies/interest-text";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { listCompanies } from "@/lib/db/queries/companies";
import type { SearchParams } from "@/lib/search-params";
import { companyListParamsSchema } from "@/lib/validations/companies";

export const metadata: Metadata = { title: "Companies" };

export default async function CompaniesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const { q, sort, page } = companyListParamsSchema.parse(await searchParams);
  const { rows, hasNext } = await listCompanies(user.id, { q, sort, page });

  const header = (
    <PageHeader
      title="Companies"
      description="The employers you applied to, and how much you would like to work there."
      actions={
        <>
          <Button asChild variant="secondary">
            <Link href="/openings">
              <Briefcase aria-hidden="true" className="size-4" />
              Openings seen
            </Link>
          </Button>
          <Button asChild>
            <Link href="/companies/new">
              <Plus aria-hidden="true" className="size-4" />
              Add a company
            </Link>
          </Button>
        </>
      }
    />
  );

  if (rows.length === 0 && !q && page === 1) {
    return (
      <>
        {header}
        <EmptyState
          icon={Building2}
          title="No companies yet"
          action={
            <Button asChild>
              <Link href="/companies/new">Add a company</Link>
            </Button>
          }
        >
          <p>
            Each employer will show here with your interest in working there (1 to 5), its people,
            your applications and the openings you have seen there.
          </p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      {header}
      <CompanySearch q={q} sort={sort} />
      {rows.length === 0 ? (
        <p className="rounded-xl border border-stone-200 bg-white p-4 text-sm text-stone-700">
          {q ? <>No companies match “{q}”. </> : <>No more companies on this page. </>}
          <Link className="font-medium text-brand-700 underline" href="/companies">
            Show all companies
          </Link>
        </p>
      ) : (
        <ul className="space-y-3" aria-label="Companies">
          {rows.map((company) => (
            <li key={company.id}>
              <Link
                href={`/companies/${company.id}`}
                className="block rounded-xl border border-stone-200 bg-white p-4 hover:border-brand-600"
              >
                <span className="flex flex-wrap items-center gap-2">
                  <span className="min-w-0 font-medium wrap-anywhere">{company.name}</span>
                  {company.isSample ? <SampleBadge /> : null}
                </span>
                <span className="mt-1 block text-sm text-stone-600">
                  {interestText(company.interest)} ·{" "}
                  {countOf(company.applicationCount, "application")} ·{" "}
                  {countOf(company.contactCount, "person", "people")}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        basePath="/companies"
        query={{ q: q || undefined, sort: sort === "name" ? undefined : sort }}
        page={page}
        hasNext={hasNext}
        label="Company pages"
      />
    </>
  );
}

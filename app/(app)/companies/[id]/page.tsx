import { Pencil, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { cache } from "react";
import { deleteCompany } from "@/app/(app)/companies/actions";
import { createOpening, deleteOpening } from "@/app/(app)/openings/actions";
import { countOf } from "@/components/companies/count-text";
import { displayUrl, ExternalLink } from "@/components/companies/external-link";
import { interestText } from "@/components/companies/interest-text";
import { PageHeader } from "@/components/empty-state";
import { OpeningForm } from "@/components/openings/opening-form";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/field";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import {
  getCompany,
  getCompanyDeleteImpact,
  listCompanyApplications,
  listCompanyContacts,
} from "@/lib/db/queries/companies";
import { listCompanyOpenings } from "@/lib/db/queries/openings";
import { formatDay, todayIso } from "@/lib/format";
import { stageLabels } from "@/lib/labels";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { idSchema } from "@/lib/validations/fields";

type Props = { params: Promise<{ id: string }>; searchParams: SearchParams };

// The title and the page read the same row once per request.
const loadCompany = cache(getCompany);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  const company = id.success ? await loadCompany(user.id, id.data) : undefined;
  return { title: company?.name ?? "Company" };
}

export default async function CompanyPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [company, people, applications, openings, impact] = await Promise.all([
    loadCompany(user.id, id.data),
    listCompanyContacts(user.id, id.data),
    listCompanyApplications(user.id, id.data),
    listCompanyOpenings(user.id, id.data),
    getCompanyDeleteImpact(user.id, id.data),
  ]);
  if (!company || !impact) notFound();
  const deleteFailed = firstParam((await searchParams).error) === "delete";

  return (
    <>
      <PageHeader
        title={company.name}
        description={interestText(company.interest)}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href={`/companies/${company.id}/edit`}>
                <Pencil aria-hidden="true" className="size-4" />
                Edit
              </Link>
            </Button>
            <ConfirmButton
              action={deleteCompany}
              hidden={{ id: company.id }}
              label="Delete"
              title={`Delete ${company.name}?`}
              confirmLabel="Delete company"
            >
              {impact.applications + impact.openings > 0 ? (
                <p>
                  {countOf(impact.applications, "application")} at {company.name} (with the people
                  linked to each process and the stage history) and{" "}
                  {countOf(impact.openings, "opening")} will be deleted.
                </p>
              ) : (
                <p>It has no applications or openings, so nothing else is deleted.</p>
              )}
              {impact.contacts > 0 ? (
                <p>
                  {countOf(impact.contacts, "person", "people")} at {company.name}{" "}
                  {impact.contacts === 1 ? "stays" : "stay"} in your contacts but will no longer
                  show a current company.
                </p>
              ) : null}
              {impact.linkedRecords > 0 ? (
                <p>
                  {countOf(
                    impact.linkedRecords,
                    "interaction, note or follow-up",
                    "interactions, notes and follow-ups",
                  )}{" "}
                  about those applications{" "}
                  {impact.linkedRecords === 1
                    ? "stays with its contact but loses"
                    : "stay with the contacts but lose"}{" "}
                  the link to the application.
                </p>
              ) : null}
              <p>This cannot be undone.</p>
            </ConfirmButton>
            <Button asChild>
              <Link href={`/applications/new?companyId=${company.id}`}>
                <Plus aria-hidden="true" className="size-4" />
                Add an application
              </Link>
            </Button>
          </>
        }
      />
      {deleteFailed ? (
        <div className="mb-6">
          <FormAlert message="We could not delete this company. Please try again." />
        </div>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title="Details">
          {company.isSample ? (
            <p className="mb-3">
              <SampleBadge />
            </p>
          ) : null}
          <dl className="space-y-3 text-sm">
            <Detail term="Website">
              {company.website ? (
                <ExternalLink href={company.website}>{displayUrl(company.website)}</ExternalLink>
              ) : (
                "Not recorded"
              )}
            </Detail>
            <Detail term="Careers page">
              {company.careersUrl ? (
                <ExternalLink href={company.careersUrl}>
                  {displayUrl(company.careersUrl)}
                </ExternalLink>
              ) : (
                "Not recorded"
              )}
            </Detail>
            <Detail term="Notes">
              {company.notes ? (
                <span className="whitespace-pre-line wrap-anywhere">{company.notes}</span>
              ) : (
                "None"
              )}
            </Detail>
          </dl>
        </Section>

        <Section title="People" count={people.total}>
          {people.rows.length === 0 ? (
            <p className="text-sm text-stone-600">
              No one here yet. People whose current company is {company.name} show here.
            </p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {people.rows.map((person) => (
                <li key={person.id}>
                  <Link
                    href={`/contacts/${person.id}`}
                    className="flex min-h-11 flex-col justify-center py-2 hover:text-brand-800"
                  >
                    <span className="font-medium wrap-anywhere">{person.fullName}</span>
                    {person.title ? (
                      <span className="text-sm text-stone-600">{person.title}</span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <More shown={people.rows.length} total={people.total} what="people" />
        </Section>

        <Section title="Applications" count={applications.total}>
          {applications.rows.length === 0 ? (
            <p className="text-sm text-stone-600">
              No applications here yet.{" "}
              <Link
                className="font-medium text-brand-700 underline"
                href={`/applications/new?companyId=${company.id}`}
              >
                Add an application
              </Link>
            </p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {applications.rows.map((application) => (
                <li key={application.id}>
                  <Link
                    href={`/applications/${application.id}`}
                    className="flex min-h-11 flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2 hover:text-brand-800"
                  >
                    <span className="min-w-0 font-medium wrap-anywhere">
                      {application.jobTitle}
                    </span>
                    <span className="flex items-center gap-2 text-sm text-stone-600">
                      {application.isSample ? <SampleBadge /> : null}
                      {stageLabels[application.stage]}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <More shown={applications.rows.length} total={applications.total} what="applications" />
        </Section>

        <Section title="Openings seen here" count={openings.total} id="openings">
          {openings.rows.length === 0 ? (
            <p className="text-sm text-stone-600">
              None recorded. A new opening where you were the runner-up is a good reason to get back
              in touch.
            </p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {openings.rows.map((opening) => (
                <li key={opening.id} className="space-y-1 py-3">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="min-w-0 font-medium wrap-anywhere">{opening.title}</span>
                    {opening.isSample ? <SampleBadge /> : null}
                  </p>
                  <p className="text-sm text-stone-600">
                    {[opening.location, `Seen ${formatDay(opening.seenOn)}`]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                  {opening.notes ? (
                    <p className="text-sm whitespace-pre-line wrap-anywhere text-stone-700">
                      {opening.notes}
                    </p>
                  ) : null}
                  <div className="flex flex-wrap items-center gap-2">
                    {opening.url ? (
                      <ExternalLink href={opening.url} className="mr-2 text-sm">
                        View the posting
                      </ExternalLink>
                    ) : null}
                    <Button asChild variant="ghost">
                      <Link href={`/openings/${opening.id}/edit`}>Edit</Link>
                    </Button>
                    <ConfirmButton
                      action={deleteOpening}
                      hidden={{ id: opening.id }}
                      label="Delete"
                      title="Delete this opening?"
                      confirmLabel="Delete opening"
                    >
                      <p>
                        “{opening.title}”, seen {formatDay(opening.seenOn)}, will be deleted.
                        Nothing else changes.
                      </p>
                    </ConfirmButton>
                  </div>
                </li>
              ))}
            </ul>
          )}
          <More shown={openings.rows.length} total={openings.total} what="openings">
            <Link className="font-medium text-brand-700 underline" href="/openings">
              See all openings
            </Link>
          </More>
          <div className="mt-6 border-t border-stone-100 pt-4">
            <h3 className="mb-3 font-semibold">Record an opening</h3>
            <OpeningForm
              action={createOpening}
              hidden={{ companyId: company.id }}
              initial={{ seenOn: todayIso() }}
              submitLabel="Record opening"
              successMessage="Opening recorded."
            />
          </div>
        </Section>
      </div>
    </>
  );
}

function Section({
  title,
  count,
  id,
  children,
}: {
  title: string;
  count?: number;
  id?: string;
  children: ReactNode;
}) {
  const headingId = `${id ?? title.toLowerCase().replace(/\W+/g, "-")}-heading`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className="min-w-0 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <h2 id={headingId} className="mb-3 text-lg font-semibold">
        {title}
        {count ? <span className="ml-2 text-sm font-normal text-stone-500">({count})</span> : null}
      </h2>
      {children}
    </section>
  );
}

function Detail({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt className="font-medium text-stone-800">{term}</dt>
      <dd className="text-stone-700">{children}</dd>
    </div>
  );
}

/** "and 12 more" under a list cut at its limit. */
function More({
  shown,
  total,
  what,
  children,
}: {
  shown: number;
  total: number;
  what: string;
  children?: ReactNode;
}) {
  if (total <= shown) return null;
  return (
    <p className="mt-2 text-sm text-stone-600">
      and {total - shown} more {what}. {children}
    </p>
  );
}

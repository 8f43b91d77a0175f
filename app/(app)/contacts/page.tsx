import { CopyCheck, Download, FileUp, Plus, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ContactFilters } from "@/components/contacts/contact-filters";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { ImportNotice } from "@/components/import/import-notice";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { CONTACTS_PAGE_SIZE, listContacts, listContactTags } from "@/lib/db/queries/contacts";
import { formatAgo } from "@/lib/format";
import type { SearchParams } from "@/lib/search-params";
import { contactExportHref } from "@/lib/validations/contact-export";
import { parseContactListQuery } from "@/lib/validations/contacts";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const query = parseContactListQuery(await searchParams);
  const [{ rows, hasNext }, tags] = await Promise.all([
    listContacts(user.id, query),
    listContactTags(user.id),
  ]);
  const filtered = Boolean(query.q || query.role || query.tag);
  const actions = (
    <>
      <Button asChild>
        <Link href="/contacts/new">
          <Plus aria-hidden="true" className="size-4" />
          Add contact
        </Link>
      </Button>
      <Button asChild variant="secondary">
        <Link href="/contacts/duplicates">
          <CopyCheck aria-hidden="true" className="size-4" />
          Find duplicates
        </Link>
      </Button>
      <Button asChild variant="secondary">
        <Link href="/contacts/import">
          <FileUp aria-hidden="true" className="size-4" />
          Import
        </Link>
      </Button>
      {/* Plain links: route handlers answer with a file download, not a page. */}
      <Button asChild variant="secondary">
        <a href={contactExportHref("/api/contacts/export.csv", query)}>
          <Download aria-hidden="true" className="size-4" />
          Export CSV
        </a>
      </Button>
      <Button asChild variant="ghost">
        <a href="/api/contacts/export.csv">Export all</a>
      </Button>
      <Button asChild variant="ghost">
        <a href={contactExportHref("/api/contacts/export.vcf", query)}>Export vCards</a>
      </Button>
    </>
  );

  if (rows.length === 0 && !filtered && query.page === 1) {
    return (
      <>
        <PageHeader title="Contacts" description="Everyone you met in a hiring process." />
        <ImportNotice />
        <EmptyState
          icon={Users}
          title="No contacts yet"
          action={
            <>
              <Button asChild>
                <Link href="/contacts/new">Add a contact</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href="/contacts/import">Import from LinkedIn or CSV</Link>
              </Button>
              <Button asChild variant="secondary">
                <Link href="/applications">Go to your applications</Link>
              </Button>
            </>
          }
        >
          <p>
            The hiring managers, recruiters and interviewers you met will be listed here, searchable
            by name, company and title, each with the timeline of your conversations. Add people
            here or from an application right after an interview.
          </p>
        </EmptyState>
      </>
    );
  }

  const first = (query.page - 1) * CONTACTS_PAGE_SIZE + 1;
  const summary =
    query.page === 1 && !hasNext
      ? `${rows.length} ${rows.length === 1 ? "contact" : "contacts"}${filtered ? " match" : ""}`
      : rows.length > 0
        ? `Showing ${first}–${first + rows.length - 1}`
        : "";

  return (
    <>
      <PageHeader
        title="Contacts"
        description="Everyone you met in a hiring process."
        actions={actions}
      />
      <ImportNotice />
      <ContactFilters query={query} tags={tags} />
      <p className="mb-3 text-sm text-stone-600" data-testid="contacts-summary">
        {summary}
      </p>
      {rows.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-center text-sm text-stone-700">
          {filtered ? (
            <p>
              No contacts match these filters.{" "}
              <Link className="font-medium text-brand-700 underline" href="/contacts">
                Show everyone
              </Link>
            </p>
          ) : (
            <p>
              There is nothing on this page.{" "}
              <Link className="font-medium text-brand-700 underline" href="/contacts">
                Back to the first page
              </Link>
            </p>
          )}
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white">
          {rows.map((contact) => (
            <li
              key={contact.id}
              className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:gap-4"
            >
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link
                    href={`/contacts/${contact.id}`}
                    className="inline-flex min-h-11 items-center font-medium text-stone-900 underline-offset-2 hover:underline sm:min-h-0"
                  >
                    {contact.fullName}
                  </Link>
                  {contact.isSample ? <SampleBadge /> : null}
                </div>
                {contact.title || contact.companyName ? (
                  <p className="truncate text-sm text-stone-700">
                    {[contact.title, contact.companyName].filter(Boolean).join(" · ")}
                  </p>
                ) : null}
                {contact.tags.length > 0 ? (
                  <ul className="mt-1 flex flex-wrap gap-1" aria-label="Tags">
                    {contact.tags.map((tag) => (
                      <li
                        key={tag}
                        className="rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700"
                      >
                        {tag}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
              <p className="shrink-0 text-sm text-stone-600">
                Last contacted{" "}
                {contact.lastContactedAt ? (
                  <time dateTime={contact.lastContactedAt.toISOString()}>
                    {formatAgo(contact.lastContactedAt)}
                  </time>
                ) : (
                  "never"
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        basePath="/contacts"
        query={{
          q: query.q,
          role: query.role,
          tag: query.tag,
          sort: query.sort === "recent" ? undefined : query.sort,
        }}
        page={query.page}
        hasNext={hasNext}
        label="Contact pages"
      />
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/empty-state";
import { UploadForm } from "@/components/import/upload-form";
import { countText } from "@/components/import/words";
import { requireUser } from "@/lib/auth/current-user";
import { listImportBatches } from "@/lib/db/queries/imports";
import { formatMoment } from "@/lib/format";

export const metadata: Metadata = { title: "Import contacts" };

const linkClass = "font-medium text-brand-700 underline underline-offset-2";

export default async function ImportContactsPage() {
  const user = await requireUser();
  const waiting = await listImportBatches(user.id);
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href="/contacts" className={linkClass}>
          Contacts
        </Link>
      </p>
      <PageHeader
        title="Import contacts"
        description="Bring in the people you already know: LinkedIn connections or any spreadsheet saved as CSV."
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section
          aria-labelledby="upload-heading"
          className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
        >
          <h2 id="upload-heading" className="mb-4 text-lg font-semibold">
            Upload a file
          </h2>
          <UploadForm />
          <p className="mt-4 text-sm text-stone-600">
            Nothing is imported yet: next you see how each column is read, the first rows, any rows
            with problems and any duplicates, and you confirm.
          </p>
        </section>
        <aside className="space-y-4 text-sm text-stone-700">
          <section aria-labelledby="linkedin-heading" className="space-y-2">
            <h2 id="linkedin-heading" className="font-semibold text-stone-900">
              Your LinkedIn connections
            </h2>
            <ol className="list-decimal space-y-1 pl-5">
              <li>On LinkedIn, open Settings &amp; Privacy → Data privacy.</li>
              <li>Choose “Get a copy of your data”, tick Connections, request the archive.</li>
              <li>Unzip the file LinkedIn emails you and upload Connections.csv here as it is.</li>
            </ol>
            <p>
              Names, companies, positions, profile links and the date you connected come along;
              LinkedIn includes emails only of people who allow it.
            </p>
          </section>
          <section aria-labelledby="csv-heading" className="space-y-2">
            <h2 id="csv-heading" className="font-semibold text-stone-900">
              Any other CSV
            </h2>
            <p>
              One person per row and a header row naming the columns. Commas or semicolons, any
              language, UTF-8 or Excel’s own encoding.
            </p>
            <p>Limits: 5 MB and 10,000 rows per file.</p>
          </section>
        </aside>
      </div>

      {waiting.length > 0 ? (
        <section aria-labelledby="waiting-heading" className="mt-8 space-y-3">
          <h2 id="waiting-heading" className="text-lg font-semibold">
            Uploads waiting for your confirmation
          </h2>
          <ul className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-stone-200 bg-white">
            {waiting.map((batch) => (
              <li
                key={batch.id}
                className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between"
              >
                <div className="min-w-0">
                  <Link
                    href={`/contacts/import/${batch.id}`}
                    className={`inline-flex min-h-11 items-center break-all sm:min-h-0 ${linkClass}`}
                  >
                    {batch.fileName}
                  </Link>
                  <p className="text-sm text-stone-600">
                    {batch.format === "linkedin" ? "LinkedIn connections · " : ""}
                    {countText(batch.rowCount, "row")} · uploaded {formatMoment(batch.createdAt)}
                  </p>
                </div>
              </li>
            ))}
          </ul>
          <p className="text-sm text-stone-600">Uploads not imported are deleted after a day.</p>
        </section>
      ) : null}
    </>
  );
}

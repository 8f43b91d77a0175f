import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConfirmImportForm, type DuplicateItem } from "@/components/import/confirm-import-form";
import { MappingForm } from "@/components/import/mapping-form";
import { contactDetail, PreviewRows } from "@/components/import/preview-rows";
import { ImportReviewProvider } from "@/components/import/review-state";
import { countText } from "@/components/import/words";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requireUser } from "@/lib/auth/current-user";
import { getImportPreview, PREVIEW_ROWS } from "@/lib/db/queries/imports";
import { idSchema } from "@/lib/validations/fields";
import { discardImportFromForm } from "../actions";

export const metadata: Metadata = { title: "Check the import" };

const linkClass = "font-medium text-brand-700 underline underline-offset-2";

export default async function ImportBatchPage({
  params,
}: {
  params: Promise<{ batchId: string }>;
}) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).batchId);
  if (!id.success) notFound();
  const preview = await getImportPreview(user.id, id.data);
  if (!preview) notFound();

  const duplicates: DuplicateItem[] = preview.duplicates.map((item) => ({
    line: item.line,
    fullName: item.contact.fullName,
    detail: [contactDetail(item.contact), item.contact.email].filter(Boolean).join(" · "),
    reason: item.reason,
    target:
      item.target.kind === "existing"
        ? {
            kind: "existing",
            id: item.target.id,
            fullName: item.target.fullName,
            detail: [item.target.companyName, item.target.email].filter(Boolean).join(" · "),
          }
        : item.target,
  }));
  const { counts } = preview;

  return (
    <ImportReviewProvider key={preview.mappingKey}>
      <p className="mb-1 text-sm">
        <Link href="/contacts/import" className={linkClass}>
          Import contacts
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Check the import</h1>
          <p className="mt-1 text-sm break-all text-stone-600">
            {preview.fileName}
            {preview.format === "linkedin" ? " · LinkedIn connections" : ""} ·{" "}
            {countText(preview.totalRows, "row")}
          </p>
        </div>
        <ConfirmButton
          action={discardImportFromForm}
          hidden={{ batchId: preview.id }}
          label="Discard upload"
          title="Discard this upload?"
          confirmLabel="Discard upload"
        >
          <p>
            The uploaded file is forgotten. Nothing from it has been imported, and your contacts
            stay exactly as they are.
          </p>
        </ConfirmButton>
      </div>

      <ul className="mb-8 grid gap-3 sm:grid-cols-3" data-testid="import-counts">
        <li className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-2xl font-semibold">{counts.new.toLocaleString("en-US")}</p>
          <p className="text-sm text-stone-600">new {counts.new === 1 ? "contact" : "contacts"}</p>
        </li>
        <li className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-2xl font-semibold">{counts.duplicates.toLocaleString("en-US")}</p>
          <p className="text-sm text-stone-600">
            possible {counts.duplicates === 1 ? "duplicate" : "duplicates"}
          </p>
        </li>
        <li className="rounded-xl border border-stone-200 bg-white p-4">
          <p className="text-2xl font-semibold">{counts.problems.toLocaleString("en-US")}</p>
          <p className="text-sm text-stone-600">
            {counts.problems === 1 ? "row" : "rows"} with problems
          </p>
        </li>
      </ul>

      <div className="space-y-10">
        <section aria-labelledby="columns-heading" className="space-y-3">
          <h2 id="columns-heading" className="text-lg font-semibold">
            1. Columns
          </h2>
          <MappingForm
            batchId={preview.id}
            columns={preview.columns}
            locked={preview.format === "linkedin"}
          />
        </section>

        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-lg font-semibold">
            2. Preview
          </h2>
          <p className="text-sm text-stone-700">
            The first {Math.min(PREVIEW_ROWS, preview.totalRows)} rows of the file as they would be
            imported.
          </p>
          {preview.hasName ? (
            <PreviewRows rows={preview.preview} />
          ) : (
            <p className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
              No column is read as the name yet. Choose Full name, or First name and Last name,
              above and update the preview.
            </p>
          )}
        </section>

        {preview.problems.length > 0 && preview.hasName ? (
          <section aria-labelledby="problems-heading" className="space-y-3">
            <h2 id="problems-heading" className="text-lg font-semibold">
              Rows that cannot be imported ({counts.problems.toLocaleString("en-US")})
            </h2>
            <p className="text-sm text-stone-700">
              These rows are left out. To bring them in, fix them in the file and upload it again,
              or change the columns above.
            </p>
            <ul
              className="divide-y divide-stone-200 overflow-hidden rounded-xl border border-red-200 bg-white text-sm"
              data-testid="import-problems"
            >
              {preview.problems.map((row) => (
                <li key={row.line} className="px-4 py-2 wrap-anywhere text-stone-800">
                  <span className="font-medium">Line {row.line}:</span> {row.reason}
                </li>
              ))}
            </ul>
            {counts.problems > preview.problems.length ? (
              <p className="text-sm text-stone-600">
                And {countText(counts.problems - preview.problems.length, "more row")} with
                problems.
              </p>
            ) : null}
          </section>
        ) : null}

        <ConfirmImportForm
          batchId={preview.id}
          mappingKey={preview.mappingKey}
          newCount={preview.hasName ? counts.new : 0}
          duplicateCount={preview.hasName ? counts.duplicates : 0}
          problemCount={counts.problems}
          duplicates={preview.hasName ? duplicates : []}
          hasName={preview.hasName}
        />
      </div>
    </ImportReviewProvider>
  );
}

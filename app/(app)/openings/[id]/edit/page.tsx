import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/empty-state";
import { OpeningForm } from "@/components/openings/opening-form";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert } from "@/components/ui/field";
import { requireUser } from "@/lib/auth/current-user";
import { getOpening } from "@/lib/db/queries/openings";
import { formatDay } from "@/lib/format";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { idSchema } from "@/lib/validations/fields";
import { deleteOpening, updateOpening } from "../../actions";

export const metadata: Metadata = { title: "Edit opening" };

export default async function EditOpeningPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const opening = await getOpening(user.id, id.data);
  if (!opening) notFound();
  const deleteFailed = firstParam((await searchParams).error) === "delete";
  return (
    <>
      <PageHeader
        title="Edit opening"
        description={`Seen at ${opening.companyName}.`}
        actions={
          <ConfirmButton
            action={deleteOpening}
            hidden={{ id: opening.id }}
            label="Delete"
            title="Delete this opening?"
            confirmLabel="Delete opening"
          >
            <p>
              “{opening.title}”, seen {formatDay(opening.seenOn)} at {opening.companyName}, will be
              deleted. Nothing else changes.
            </p>
          </ConfirmButton>
        }
      />
      {deleteFailed ? (
        <div className="mb-6">
          <FormAlert message="We could not delete this opening. Please try again." />
        </div>
      ) : null}
      <div className="max-w-xl rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
        <OpeningForm
          action={updateOpening}
          hidden={{ id: opening.id }}
          initial={{
            title: opening.title,
            location: opening.location ?? "",
            url: opening.url ?? "",
            seenOn: opening.seenOn,
            notes: opening.notes ?? "",
          }}
          submitLabel="Save changes"
          cancelHref={`/companies/${opening.companyId}`}
        />
      </div>
    </>
  );
}

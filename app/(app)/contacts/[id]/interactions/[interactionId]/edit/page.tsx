import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { deleteInteractionFromForm } from "@/app/(app)/contacts/actions";
import { InteractionForm } from "@/components/contacts/interaction-form";
import { PageHeader } from "@/components/empty-state";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requireUser } from "@/lib/auth/current-user";
import { listApplicationOptions } from "@/lib/db/queries/applications";
import { getInteraction } from "@/lib/db/queries/interactions";
import { formatMoment } from "@/lib/format";
import { interactionLabels } from "@/lib/labels";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit interaction" };

export default async function EditInteractionPage({
  params,
}: {
  params: Promise<{ id: string; interactionId: string }>;
}) {
  const user = await requireUser();
  const raw = await params;
  const contactId = idSchema.safeParse(raw.id);
  const interactionId = idSchema.safeParse(raw.interactionId);
  if (!contactId.success || !interactionId.success) notFound();
  const [interaction, applicationOptions] = await Promise.all([
    getInteraction(user.id, interactionId.data),
    listApplicationOptions(user.id),
  ]);
  // The address names the contact too: both must match.
  if (!interaction || interaction.contactId !== contactId.data) notFound();
  // A linked application past the bounded picker must still be selectable.
  const options =
    interaction.applicationId &&
    !applicationOptions.some((option) => option.id === interaction.applicationId)
      ? [{ id: interaction.applicationId, label: "The linked application" }, ...applicationOptions]
      : applicationOptions;
  const back = `/contacts/${interaction.contactId}`;
  return (
    <>
      <PageHeader
        title={`Edit ${interactionLabels[interaction.kind].toLowerCase()} with ${interaction.contactName}`}
        description={formatMoment(interaction.occurredAt)}
      />
      <div className="max-w-xl space-y-6">
        <div className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
          <InteractionForm
            mode="edit"
            interactionId={interaction.id}
            applications={options}
            occurredAtIso={interaction.occurredAt.toISOString()}
            cancelHref={back}
            initial={{
              kind: interaction.kind,
              summary: interaction.summary ?? "",
              applicationId: interaction.applicationId ?? "",
            }}
          />
        </div>
        <ConfirmButton
          action={deleteInteractionFromForm}
          hidden={{ id: interaction.id }}
          label="Delete this interaction"
          title="Delete this interaction?"
          confirmLabel="Delete interaction"
        >
          <p>
            Only this entry of {interaction.contactName}’s timeline is deleted; “last contacted” is
            worked out again from the others. The contact and any linked application stay.
          </p>
        </ConfirmButton>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { toMergeCandidate } from "@/components/contacts/merge-candidate";
import { MergeForm } from "@/components/contacts/merge-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { getContactSummary, listContactsWithSameEmail } from "@/lib/db/queries/contacts";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Merge contacts" };

/** "Merge into…" from a contact page: this person and the others sharing their email. */
export default async function MergeContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const contact = await getContactSummary(user.id, id.data);
  if (!contact) notFound();
  const others = await listContactsWithSameEmail(user.id, contact.id, contact.email);
  return (
    <>
      <PageHeader
        title={`Merge ${contact.fullName}`}
        description={contact.email ? `Contacts with the email ${contact.email}.` : undefined}
      />
      {others.length === 0 ? (
        <p className="rounded-xl border border-dashed border-stone-300 bg-white p-6 text-sm text-stone-700">
          No other contact has this email, so there is nothing to merge.{" "}
          <Link className="font-medium text-brand-700 underline" href={`/contacts/${contact.id}`}>
            Back to {contact.fullName}
          </Link>
        </p>
      ) : (
        <div className="max-w-2xl rounded-2xl border border-stone-200 bg-white p-4 sm:p-6">
          <MergeForm
            legend="Which record do you keep?"
            defaultKeepId={others[0]!.id}
            candidates={[toMergeCandidate(contact), ...others.map(toMergeCandidate)]}
          />
          <p className="mt-4 text-sm">
            <Link className="font-medium text-brand-700 underline" href={`/contacts/${contact.id}`}>
              Cancel
            </Link>
          </p>
        </div>
      )}
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { listCompanyOptions } from "@/lib/db/queries/companies";
import { getContact } from "@/lib/db/queries/contacts";
import { formatCadence } from "@/lib/nurture/cadence";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [contact, companies] = await Promise.all([
    getContact(user.id, id.data),
    listCompanyOptions(user.id),
  ]);
  if (!contact) notFound();
  // The picker is bounded; the current company must still be selectable.
  const options =
    contact.companyId && !companies.some((company) => company.id === contact.companyId)
      ? [{ id: contact.companyId, name: contact.companyName ?? "Current company" }, ...companies]
      : companies;
  return (
    <>
      <PageHeader title={`Edit ${contact.fullName}`} />
      <ContactForm
        contactId={contact.id}
        companies={options}
        cancelHref={`/contacts/${contact.id}`}
        initial={{
          fullName: contact.fullName,
          title: contact.title ?? "",
          companyId: contact.companyId ?? "",
          email: contact.email ?? "",
          phone: contact.phone ?? "",
          linkedinUrl: contact.linkedinUrl ?? "",
          tags: contact.tags.join(", "),
          notes: contact.notes ?? "",
          cadenceMonths: formatCadence(contact.cadenceMonths),
        }}
      />
    </>
  );
}

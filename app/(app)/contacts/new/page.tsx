import type { Metadata } from "next";
import { ContactForm } from "@/components/contacts/contact-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { listCompanyOptions } from "@/lib/db/queries/companies";
import type { SearchParams } from "@/lib/search-params";
import { firstParam } from "@/lib/search-params";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Add a contact" };

export default async function NewContactPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const companies = await listCompanyOptions(user.id);
  // "/contacts/new?companyId=…" (from a company page) preselects that company if it is theirs.
  const wanted = idSchema.safeParse(firstParam((await searchParams).companyId));
  const companyId =
    wanted.success && companies.some((company) => company.id === wanted.data) ? wanted.data : "";
  return (
    <>
      <PageHeader
        title="Add a contact"
        description="Someone you met in a hiring process: a recruiter, a hiring manager, an interviewer."
      />
      <ContactForm companies={companies} initial={{ companyId }} cancelHref="/contacts" />
    </>
  );
}

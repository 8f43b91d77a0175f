import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CompanyForm } from "@/components/companies/company-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { getCompany } from "@/lib/db/queries/companies";
import { idSchema } from "@/lib/validations/fields";
import { updateCompany } from "../../actions";

export const metadata: Metadata = { title: "Edit company" };

export default async function EditCompanyPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const company = await getCompany(user.id, id.data);
  if (!company) notFound();
  return (
    <>
      <PageHeader title={`Edit ${company.name}`} />
      <CompanyForm
        action={updateCompany}
        companyId={company.id}
        initial={{
          name: company.name,
          website: company.website ?? "",
          careersUrl: company.careersUrl ?? "",
          interest: company.interest ? String(company.interest) : "",
          notes: company.notes ?? "",
        }}
        submitLabel="Save changes"
        cancelHref={`/companies/${company.id}`}
      />
    </>
  );
}

import type { Metadata } from "next";
import { CompanyForm } from "@/components/companies/company-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { createCompany } from "../actions";

export const metadata: Metadata = { title: "Add a company" };

export default async function NewCompanyPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Add a company"
        description="An employer you applied to, or one you would like to work for."
      />
      <CompanyForm action={createCompany} submitLabel="Add company" cancelHref="/companies" />
    </>
  );
}

import type { Metadata } from "next";
import { NewApplicationForm } from "@/components/applications/new-application-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { listCompanyOptions } from "@/lib/db/queries/companies";
import { todayIso } from "@/lib/format";

export const metadata: Metadata = { title: "New application" };

export default async function NewApplicationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const { companyId } = await searchParams;
  const companies = await listCompanyOptions(user.id);
  // Preselect only one of the user's own companies; anything else is ignored.
  const preselected = companies.find((company) => company.id === companyId)?.id;
  return (
    <>
      <PageHeader
        title="New application"
        description="A hiring process: where, which job, and how far it has got."
      />
      <NewApplicationForm companies={companies} companyId={preselected} today={todayIso()} />
    </>
  );
}

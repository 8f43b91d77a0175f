import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditApplicationForm } from "@/components/applications/edit-application-form";
import { PageHeader } from "@/components/empty-state";
import { requireUser } from "@/lib/auth/current-user";
import { getApplication } from "@/lib/db/queries/applications";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Edit application" };

export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const application = await getApplication(user.id, id.data);
  if (!application) notFound();
  return (
    <>
      <PageHeader
        title="Edit application"
        description={`${application.jobTitle} at ${application.companyName}`}
      />
      <EditApplicationForm
        id={application.id}
        initial={{
          jobTitle: application.jobTitle,
          postingUrl: application.postingUrl ?? "",
          appliedOn: application.appliedOn ?? "",
          wasFinalist: application.wasFinalist ? "on" : "",
          runnerUpRank: application.runnerUpRank ? String(application.runnerUpRank) : "",
          feedback: application.feedback ?? "",
          notes: application.notes ?? "",
        }}
      />
    </>
  );
}

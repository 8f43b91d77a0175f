import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuickCaptureForm } from "@/components/applications/quick-capture-form";
import { requireUser } from "@/lib/auth/current-user";
import { getApplication } from "@/lib/db/queries/applications";
import { todayIso } from "@/lib/format";
import { idSchema } from "@/lib/validations/fields";
import { DEFAULT_CAPTURE_ROLE, MAX_CAPTURE_ROWS } from "@/lib/validations/participants";

export const metadata: Metadata = { title: "Quick capture" };

export default async function QuickCapturePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const application = await getApplication(user.id, id.data);
  if (!application) notFound();
  return (
    <div className="mx-auto max-w-lg">
      <Link
        href={`/applications/${application.id}`}
        className="mb-3 inline-flex min-h-11 items-center gap-1.5 text-sm font-medium text-brand-700"
      >
        <ArrowLeft aria-hidden="true" className="size-4" />
        Back to the application
      </Link>
      <h1 className="text-2xl font-semibold tracking-tight">People you met</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        {application.jobTitle} at {application.companyName}. A name is enough; blank rows are
        skipped. Someone whose email you already have is not added twice.
      </p>
      <QuickCaptureForm
        applicationId={application.id}
        today={todayIso()}
        maxRows={MAX_CAPTURE_ROWS}
        defaultRole={DEFAULT_CAPTURE_ROLE}
      />
    </div>
  );
}

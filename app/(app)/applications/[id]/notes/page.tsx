import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/empty-state";
import { NoteCard } from "@/components/notes/note-card";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { getApplication } from "@/lib/db/queries/applications";
import { getSenderSettings, listApplicationNotes } from "@/lib/db/queries/notes";
import { describeModel, providerOptionsFromEnv } from "@/lib/drafting/provider";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Thank-you notes" };

export default async function ApplicationNotesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const application = await getApplication(user.id, id.data);
  if (!application) notFound();
  const [notes, sender] = await Promise.all([
    listApplicationNotes(user.id, application.id),
    getSenderSettings(user.id),
  ]);
  const provider = providerOptionsFromEnv();
  const model = provider ? describeModel(provider) : null;
  const autoDraft = firstParam((await searchParams).model) === "1";
  const drafts = notes.filter((note) => note.status === "draft").length;
  return (
    <>
      <Button asChild variant="ghost" className="-ml-3 mb-2">
        <Link href={`/applications/${application.id}#thank-you`}>
          <ArrowLeft aria-hidden="true" className="size-4" />
          {application.jobTitle} at {application.companyName}
        </Link>
      </Button>
      <PageHeader
        title="Thank-you notes"
        description={
          notes.length === 0
            ? "No notes yet for this application."
            : `${notes.length} ${notes.length === 1 ? "note" : "notes"}, ${drafts} still to send. Each one is saved as you type.`
        }
      />
      {notes.length === 0 ? (
        <p className="text-stone-700">
          Go back to the application and choose the people to thank.{" "}
          <Link
            className="font-medium text-brand-700 underline"
            href={`/applications/${application.id}#thank-you`}
          >
            Choose people
          </Link>
        </p>
      ) : (
        <div className="space-y-6">
          {notes.map((note) => (
            <NoteCard
              key={note.id}
              note={note}
              sender={sender}
              model={model}
              autoDraft={autoDraft && note.sourceKind === "template"}
            />
          ))}
        </div>
      )}
    </>
  );
}

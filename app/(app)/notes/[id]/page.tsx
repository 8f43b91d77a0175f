import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoteCard } from "@/components/notes/note-card";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { requireUser } from "@/lib/auth/current-user";
import { getNote, getSenderSettings } from "@/lib/db/queries/notes";
import { describeModel, providerOptionsFromEnv } from "@/lib/drafting/provider";
import { idSchema } from "@/lib/validations/fields";
import { discardNoteFromForm } from "../actions";

export const metadata: Metadata = { title: "Note" };

export default async function NotePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [note, sender] = await Promise.all([getNote(user.id, id.data), getSenderSettings(user.id)]);
  if (!note) notFound();
  const provider = providerOptionsFromEnv();
  return (
    <>
      <Button asChild variant="ghost" className="-ml-3 mb-2">
        <Link href={note.applicationId ? `/applications/${note.applicationId}/notes` : "/notes"}>
          <ArrowLeft aria-hidden="true" className="size-4" />
          {note.jobTitle && note.companyName
            ? `${note.jobTitle} at ${note.companyName}`
            : "All notes"}
        </Link>
      </Button>
      <h1 className="mb-4 text-2xl font-semibold tracking-tight wrap-anywhere">
        Note to {note.contactName}
      </h1>
      <NoteCard
        note={note}
        sender={sender}
        model={provider ? describeModel(provider) : null}
        autoDraft={false}
      />
      {note.status === "draft" ? (
        <div className="mt-6">
          <ConfirmButton
            action={discardNoteFromForm}
            hidden={{ id: note.id }}
            label="Discard this draft"
            title="Discard this draft?"
            confirmLabel="Discard draft"
          >
            <p>The draft to {note.contactName} is deleted. The contact and the application stay.</p>
          </ConfirmButton>
        </div>
      ) : null}
    </>
  );
}

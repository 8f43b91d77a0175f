import Link from "next/link";
import type { NoteDetail, SenderSettings } from "@/lib/db/queries/notes";
import type { NoteFacts } from "@/lib/drafting/checker";
import { todayIso } from "@/lib/format";
import { roleLabels } from "@/lib/labels";
import { NoteEditor } from "./note-editor";
import { SendPanel } from "./send-panel";

export function noteFacts(note: NoteDetail, sender: SenderSettings): NoteFacts {
  return {
    recipient: {
      fullName: note.contactName,
      title: note.contactTitle,
      role: note.role ?? "other",
      discussed: note.discussed,
    },
    companyName: note.companyName ?? "",
    jobTitle: note.jobTitle ?? "",
    sender: { name: sender.name, signature: sender.signature },
    channel: note.channel,
  };
}

/** One note in review: who it is for and why, the editor (or what was sent), and sending. */
export function NoteCard({
  note,
  sender,
  model,
  autoDraft,
  headingLevel = 2,
}: {
  note: NoteDetail;
  sender: SenderSettings;
  model: string | null;
  autoDraft: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const sentOn = note.sentAt ? note.sentAt.toISOString().slice(0, 10) : null;
  return (
    <article
      aria-labelledby={`note-${note.id}-title`}
      className="rounded-2xl border border-stone-200 bg-stone-50 p-4 sm:p-6"
      data-testid="note-card"
    >
      <header className="mb-4">
        <Heading id={`note-${note.id}-title`} className="text-lg font-semibold">
          <Link href={`/contacts/${note.contactId}`} className="underline-offset-2 hover:underline">
            {note.contactName}
          </Link>
          <span className="font-normal text-stone-600">
            {note.role ? ` · ${roleLabels[note.role]}` : ""}
            {note.channel === "linkedin" ? " · LinkedIn" : " · Email"}
          </span>
        </Heading>
        {note.discussed ? (
          <p className="mt-1 text-sm wrap-anywhere text-stone-600">
            You discussed: {note.discussed}
          </p>
        ) : null}
      </header>
      {note.status === "draft" ? (
        <NoteEditor
          note={{
            id: note.id,
            channel: note.channel,
            subject: note.subject,
            body: note.body,
            source: note.source,
            sourceKind: note.sourceKind,
            updatedAt: note.updatedAt.toISOString(),
          }}
          facts={noteFacts(note, sender)}
          email={note.contactEmail}
          model={model}
          autoDraft={autoDraft}
        />
      ) : (
        <div className="rounded-xl bg-white p-4">
          {note.subject ? <p className="font-medium">{note.subject}</p> : null}
          <p className="mt-2 text-sm whitespace-pre-wrap wrap-anywhere text-stone-800">
            {note.body}
          </p>
        </div>
      )}
      <div className="mt-4 border-t border-stone-200 pt-4">
        <SendPanel
          noteId={note.id}
          status={note.status}
          sentOn={sentOn}
          outcome={note.outcome}
          today={todayIso()}
        />
      </div>
    </article>
  );
}

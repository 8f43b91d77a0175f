import { Mail } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { requireUser } from "@/lib/auth/current-user";
import { listNotes } from "@/lib/db/queries/notes";
import { formatAgo, formatDay } from "@/lib/format";
import { outcomeLabels } from "@/lib/labels";
import { firstParam, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Notes" };

export default async function NotesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const page = Math.max(1, Number.parseInt(firstParam(params.page) ?? "1", 10) || 1);
  const { rows, hasNext } = await listNotes(user.id, { page });
  return (
    <>
      <PageHeader
        title="Thank-you notes"
        description="Drafts to finish first, then what you sent and what came of it."
      />
      {rows.length === 0 && page === 1 ? (
        <EmptyState
          icon={Mail}
          title="No notes yet"
          action={
            <Button asChild>
              <Link href="/applications?stage=rejected">See your rejected applications</Link>
            </Button>
          }
        >
          <p>
            When an application ends in a rejection, draft a short thank-you note to each person you
            met from the application page. Drafts and sent notes are listed here.
          </p>
        </EmptyState>
      ) : (
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {rows.map((note) => (
            <li key={note.id}>
              <Link
                href={`/notes/${note.id}`}
                className="flex flex-wrap items-baseline gap-x-3 gap-y-1 p-4 hover:bg-stone-50"
              >
                <span className="font-medium">{note.contactName}</span>
                <span className="min-w-0 flex-1 truncate text-sm text-stone-600">
                  {note.subject ?? (note.channel === "linkedin" ? "LinkedIn message" : "Email")}
                  {note.jobTitle ? ` · ${note.jobTitle} at ${note.companyName}` : ""}
                </span>
                <span className="text-sm text-stone-700">
                  {note.status === "draft"
                    ? `Draft · edited ${formatAgo(note.updatedAt)}`
                    : `Sent ${formatDay(note.sentAt)}${note.outcome ? ` · ${outcomeLabels[note.outcome]}` : ""}`}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Pagination basePath="/notes" query={{}} page={page} hasNext={hasNext} label="Note pages" />
    </>
  );
}

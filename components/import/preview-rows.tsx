import { AlertTriangle, CopyCheck, UserPlus } from "lucide-react";
import type { ImportedContact } from "@/lib/csv/import";
import type { PreviewRow } from "@/lib/db/queries/imports";
import { formatDay } from "@/lib/format";

/** "Title · Company" for a row or a contact. */
export function contactDetail(contact: { title: string | null; company: string | null }): string {
  return [contact.title, contact.company].filter(Boolean).join(" · ");
}

function ContactFields({ contact }: { contact: ImportedContact }) {
  const facts: [string, string][] = [];
  if (contact.email) facts.push(["Email", contact.email]);
  if (contact.phone) facts.push(["Phone", contact.phone]);
  if (contact.linkedinUrl) facts.push(["LinkedIn", contact.linkedinUrl]);
  if (contact.connectedOn) facts.push(["Connected", formatDay(contact.connectedOn)]);
  if (contact.tags.length > 0) facts.push(["Tags", contact.tags.join(", ")]);
  if (contact.notes) {
    const notes = contact.notes.replace(/\s+/g, " ");
    facts.push(["Notes", notes.length > 120 ? `${notes.slice(0, 119)}…` : notes]);
  }
  const detail = contactDetail(contact);
  return (
    <>
      <p className="font-medium wrap-anywhere text-stone-900">{contact.fullName}</p>
      {detail ? <p className="text-sm wrap-anywhere text-stone-700">{detail}</p> : null}
      {facts.length > 0 ? (
        <dl className="mt-1 grid gap-x-3 text-sm sm:grid-cols-[auto_minmax(0,1fr)]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-stone-500">{label}</dt>
              <dd className="min-w-0 wrap-anywhere text-stone-800">{value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </>
  );
}

const statusStyle = {
  new: { icon: UserPlus, text: "New", className: "bg-brand-50 text-brand-800" },
  duplicate: { icon: CopyCheck, text: "Duplicate", className: "bg-amber-50 text-amber-900" },
  problem: { icon: AlertTriangle, text: "Problem", className: "bg-red-50 text-red-800" },
} as const;

/** The first rows of the file as they would be imported: one card each, on any screen. */
export function PreviewRows({ rows }: { rows: PreviewRow[] }) {
  return (
    <ol className="grid gap-3 md:grid-cols-2" data-testid="import-preview">
      {rows.map((row) => {
        const status = statusStyle[row.status];
        const Icon = status.icon;
        return (
          <li key={row.line} className="min-w-0 rounded-xl border border-stone-200 bg-white p-4">
            <p className="mb-2 flex flex-wrap items-center gap-2 text-xs text-stone-600">
              <span>Line {row.line}</span>
              <span
                className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 font-medium ${status.className}`}
              >
                <Icon aria-hidden="true" className="size-3.5" />
                {status.text}
              </span>
            </p>
            {row.status === "problem" ? (
              <p className="text-sm wrap-anywhere text-red-800">{row.reason}</p>
            ) : (
              <ContactFields contact={row.contact} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

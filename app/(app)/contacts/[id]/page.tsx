import { addDays } from "date-fns";
import { Download, ExternalLink, Mail, Pencil, Phone } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { deleteContactFromForm } from "@/app/(app)/contacts/actions";
import { InteractionForm } from "@/components/contacts/interaction-form";
import { AddFollowUpForm } from "@/components/dashboard/add-follow-up-form";
import { FollowUpControls } from "@/components/dashboard/follow-up-controls";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { decodeTimelineCursor, encodeTimelineCursor } from "@/lib/contacts/timeline-cursor";
import { listApplicationOptions } from "@/lib/db/queries/applications";
import {
  getContact,
  getContactFootprint,
  listContactFollowUps,
  listContactNotes,
  listContactParticipations,
  listContactsWithSameEmail,
} from "@/lib/db/queries/contacts";
import { listContactInteractions } from "@/lib/db/queries/interactions";
import { formatAgo, formatDay, formatMoment, todayIso } from "@/lib/format";
import { interactionLabels, roleLabels, stageLabels } from "@/lib/labels";
import { firstParam, type SearchParams } from "@/lib/search-params";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Contact" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const followUpStatus = { open: "Open", done: "Done", skipped: "Skipped" } as const;
const noteStatus = { draft: "Draft", sent: "Sent" } as const;
const noteChannel = { email: "Email", linkedin: "LinkedIn" } as const;

function Section({
  id,
  title,
  children,
  action,
}: {
  id: string;
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

const linkClass = "font-medium text-brand-700 underline underline-offset-2";

export default async function ContactPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const contactId = id.data;
  const search = await searchParams;
  const before = decodeTimelineCursor(firstParam(search.before));

  const contact = await getContact(user.id, contactId);
  if (!contact) notFound();
  const [participations, timeline, notes, followUps, footprint, sameEmail, applicationOptions] =
    await Promise.all([
      listContactParticipations(user.id, contactId),
      listContactInteractions(user.id, contactId, { before }),
      listContactNotes(user.id, contactId),
      listContactFollowUps(user.id, contactId),
      getContactFootprint(user.id, contactId),
      listContactsWithSameEmail(user.id, contactId, contact.email),
      listApplicationOptions(user.id),
    ]);

  const merged = Number(firstParam(search.merged));
  const deleteFailed = firstParam(search.error) === "delete";
  const counts = footprint ?? { interactions: 0, notes: 0, followUps: 0, processes: 0 };
  const lastShown = timeline.rows.at(-1);

  return (
    <>
      <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <p className="text-sm">
            <Link href="/contacts" className={linkClass}>
              Contacts
            </Link>
          </p>
          <h1 className="mt-1 flex flex-wrap items-center gap-2 text-2xl font-semibold tracking-tight">
            <span className="wrap-anywhere">{contact.fullName}</span>
            {contact.isSample ? <SampleBadge /> : null}
          </h1>
          <p className="mt-1 text-sm text-stone-700">
            {contact.title}
            {contact.title && contact.companyId ? " · " : null}
            {contact.companyId ? (
              <Link href={`/companies/${contact.companyId}`} className={linkClass}>
                {contact.companyName}
              </Link>
            ) : null}
          </p>
          <p className="mt-1 text-sm text-stone-600">
            Last contacted{" "}
            {contact.lastContactedAt ? (
              <time dateTime={contact.lastContactedAt.toISOString()}>
                {formatAgo(contact.lastContactedAt)}
              </time>
            ) : (
              "never"
            )}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="secondary">
            <Link href={`/contacts/${contact.id}/edit`}>
              <Pencil aria-hidden="true" className="size-4" />
              Edit
            </Link>
          </Button>
          <Button asChild variant="secondary">
            <a href={`/api/contacts/${contact.id}/vcard`}>
              <Download aria-hidden="true" className="size-4" />
              Download vCard
            </a>
          </Button>
          <ConfirmButton
            action={deleteContactFromForm}
            hidden={{ id: contact.id }}
            label="Delete"
            title={`Delete ${contact.fullName}?`}
            confirmLabel="Delete contact"
          >
            <p>
              Their {plural(counts.interactions, "interaction")}, {plural(counts.notes, "note")} and{" "}
              {plural(counts.followUps, "follow-up")} are deleted, and they are removed from{" "}
              {plural(counts.processes, "hiring process", "hiring processes")}.
            </p>
            <p>Companies and applications stay. This cannot be undone.</p>
          </ConfirmButton>
        </div>
      </div>

      <div className="space-y-4">
        {merged > 0 ? (
          <p role="status" className="rounded-lg bg-brand-50 p-3 text-sm text-brand-800">
            Merged {plural(merged, "record")} into this contact. Every interaction was kept.
          </p>
        ) : null}
        {deleteFailed ? (
          <p
            role="alert"
            className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800"
          >
            We could not delete this contact. Please try again.
          </p>
        ) : null}
        {sameEmail.length > 0 ? (
          <div
            data-testid="same-email-notice"
            className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
          >
            <p>
              {sameEmail.length === 1
                ? "Another contact has this email: "
                : `${sameEmail.length} other contacts have this email: `}
              {sameEmail.map((other, index) => (
                <span key={other.id}>
                  {index > 0 ? ", " : null}
                  <Link href={`/contacts/${other.id}`} className="font-medium underline">
                    {other.fullName}
                  </Link>
                </span>
              ))}
              .
            </p>
            <Button asChild variant="secondary">
              <Link href={`/contacts/${contact.id}/merge`}>Merge</Link>
            </Button>
          </div>
        ) : null}

        <Section id="details" title="Details">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[auto_1fr]">
            <dt className="font-medium text-stone-600">Email</dt>
            <dd className="min-w-0 wrap-anywhere">
              {contact.email ? (
                <a
                  href={`mailto:${contact.email}`}
                  className={`${linkClass} inline-flex items-center gap-1`}
                >
                  <Mail aria-hidden="true" className="size-4" />
                  {contact.email}
                </a>
              ) : (
                <span className="text-stone-500">Not recorded</span>
              )}
            </dd>
            <dt className="font-medium text-stone-600">Phone</dt>
            <dd>
              {contact.phone ? (
                <a
                  href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}
                  className={`${linkClass} inline-flex items-center gap-1`}
                >
                  <Phone aria-hidden="true" className="size-4" />
                  {contact.phone}
                </a>
              ) : (
                <span className="text-stone-500">Not recorded</span>
              )}
            </dd>
            <dt className="font-medium text-stone-600">LinkedIn</dt>
            <dd className="min-w-0 wrap-anywhere">
              {contact.linkedinUrl ? (
                <a
                  href={contact.linkedinUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  className={`${linkClass} inline-flex items-center gap-1`}
                >
                  LinkedIn profile
                  <ExternalLink aria-hidden="true" className="size-4" />
                  <span className="sr-only">(opens in a new tab)</span>
                </a>
              ) : (
                <span className="text-stone-500">Not recorded</span>
              )}
            </dd>
            <dt className="font-medium text-stone-600">Company</dt>
            <dd>
              {contact.companyId ? (
                <Link href={`/companies/${contact.companyId}`} className={linkClass}>
                  {contact.companyName}
                </Link>
              ) : (
                <span className="text-stone-500">No company</span>
              )}
            </dd>
            <dt className="font-medium text-stone-600">Tags</dt>
            <dd>
              {contact.tags.length > 0 ? (
                <ul className="flex flex-wrap gap-1">
                  {contact.tags.map((tag) => (
                    <li key={tag}>
                      <Link
                        href={`/contacts?tag=${encodeURIComponent(tag)}`}
                        className="inline-flex rounded-full bg-stone-100 px-2 py-0.5 text-xs text-stone-700 hover:bg-stone-200"
                      >
                        {tag}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-stone-500">None</span>
              )}
            </dd>
            {contact.connectedOn ? (
              <>
                <dt className="font-medium text-stone-600">Connected</dt>
                <dd>{formatDay(contact.connectedOn)}</dd>
              </>
            ) : null}
          </dl>
          {contact.notes ? (
            <div className="mt-4 border-t border-stone-200 pt-4">
              <h3 className="text-sm font-medium text-stone-600">Notes</h3>
              <p className="mt-1 text-sm whitespace-pre-line wrap-anywhere">{contact.notes}</p>
            </div>
          ) : null}
        </Section>

        <Section id="processes" title="In these hiring processes">
          {participations.length === 0 ? (
            <p className="text-sm text-stone-600">
              Not part of any hiring process yet. Add them to an application from its page.
            </p>
          ) : (
            <ul className="divide-y divide-stone-200">
              {participations.map((participation) => (
                <li key={participation.id} className="py-3 first:pt-0 last:pb-0">
                  <p className="text-sm">
                    <span className="font-medium">{roleLabels[participation.role]}</span> for{" "}
                    <Link
                      href={`/applications/${participation.applicationId}`}
                      className={linkClass}
                    >
                      {participation.jobTitle} at {participation.companyName}
                    </Link>{" "}
                    <span className="text-stone-600">· {stageLabels[participation.stage]}</span>
                  </p>
                  {participation.discussed ? (
                    <p className="mt-1 text-sm whitespace-pre-line wrap-anywhere text-stone-700">
                      Discussed: {participation.discussed}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Section>

        <Section id="log-interaction" title="Log an interaction">
          <InteractionForm
            mode="create"
            contactId={contact.id}
            applications={applicationOptions}
            occurredAtIso={new Date().toISOString()}
          />
        </Section>

        <Section
          id="timeline"
          title="Timeline"
          action={
            before ? (
              <Link href={`/contacts/${contact.id}#timeline`} className={`${linkClass} text-sm`}>
                Back to the newest
              </Link>
            ) : null
          }
        >
          {timeline.rows.length === 0 ? (
            <p className="text-sm text-stone-600">
              {before
                ? "No older interactions."
                : "No interactions yet. Log calls, interviews, emails and coffees above: the most recent one sets “last contacted”."}
            </p>
          ) : (
            <ol className="space-y-4 border-l-2 border-stone-200 pl-4">
              {timeline.rows.map((entry) => (
                <li key={entry.id} className="relative">
                  <span
                    aria-hidden="true"
                    className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full bg-brand-600"
                  />
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <p className="text-sm">
                      <span className="font-medium">{interactionLabels[entry.kind]}</span>{" "}
                      <time className="text-stone-600" dateTime={entry.occurredAt.toISOString()}>
                        {formatMoment(entry.occurredAt)}
                      </time>
                      {entry.isSample ? (
                        <span className="ml-2">
                          <SampleBadge />
                        </span>
                      ) : null}
                    </p>
                    <Link
                      href={`/contacts/${contact.id}/interactions/${entry.id}/edit`}
                      className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2"
                    >
                      Edit
                      <span className="sr-only">
                        {" "}
                        the {interactionLabels[entry.kind].toLowerCase()} of{" "}
                        {formatMoment(entry.occurredAt)}
                      </span>
                    </Link>
                  </div>
                  {entry.summary ? (
                    <p className="text-sm whitespace-pre-line wrap-anywhere text-stone-800">
                      {entry.summary}
                    </p>
                  ) : null}
                  {entry.applicationId ? (
                    <p className="mt-1 text-sm text-stone-600">
                      About{" "}
                      <Link href={`/applications/${entry.applicationId}`} className={linkClass}>
                        {entry.jobTitle} at {entry.companyName}
                      </Link>
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
          {timeline.hasMore && lastShown ? (
            <p className="mt-4">
              <Link
                href={`/contacts/${contact.id}?before=${encodeURIComponent(encodeTimelineCursor(lastShown))}#timeline`}
                className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-4 text-sm font-medium hover:bg-stone-100"
                rel="next"
              >
                Show older
              </Link>
            </p>
          ) : null}
        </Section>

        <div className="grid gap-4 lg:grid-cols-2">
          <Section id="notes" title="Thank-you notes">
            {notes.length === 0 ? (
              <p className="text-sm text-stone-600">
                Thank-you notes drafted for this person will appear here.
              </p>
            ) : (
              <ul className="divide-y divide-stone-200">
                {notes.map((note) => (
                  <li key={note.id} className="py-3 text-sm first:pt-0 last:pb-0">
                    <p className="font-medium wrap-anywhere">{note.subject || "(no subject)"}</p>
                    <p className="text-stone-600">
                      {noteChannel[note.channel]} · {noteStatus[note.status]}
                      {note.sentAt
                        ? ` · sent ${formatDay(note.sentAt)}`
                        : ` · updated ${formatDay(note.updatedAt)}`}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section id="follow-ups" title="Follow-ups">
            {followUps.length === 0 ? (
              <p className="text-sm text-stone-600">
                Next steps planned with this person (check in, ask about openings) will appear here.
              </p>
            ) : (
              <ul className="divide-y divide-stone-200">
                {followUps.map((followUp) => (
                  <li key={followUp.id} className="space-y-2 py-3 text-sm first:pt-0 last:pb-0">
                    <p className="wrap-anywhere">{followUp.reason}</p>
                    <p className="text-stone-600">
                      Due {formatDay(followUp.dueOn)} · {followUpStatus[followUp.status]}
                    </p>
                    {followUp.status === "open" ? (
                      <FollowUpControls
                        id={followUp.id}
                        what={`${followUp.reason} (${contact.fullName})`}
                      />
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
            <div className="mt-4 border-t border-stone-200 pt-4">
              <h3 className="mb-3 text-sm font-semibold">Plan a follow-up</h3>
              <AddFollowUpForm
                contactId={contact.id}
                defaultDueOn={todayIso(addDays(new Date(), 7))}
              />
            </div>
          </Section>
        </div>
      </div>
    </>
  );
}

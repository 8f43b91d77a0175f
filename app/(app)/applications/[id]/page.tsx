import { ExternalLink, HeartHandshake, Pencil, Search, UserPlus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import {
  deleteApplicationFormAction,
  removeParticipantFormAction,
} from "@/app/(app)/applications/actions";
import { AddParticipantForm } from "@/components/applications/add-participant-form";
import { StageBadge } from "@/components/applications/badges";
import { ParticipantEditor } from "@/components/applications/participant-editor";
import { StageForm } from "@/components/applications/stage-form";
import { PageHeader } from "@/components/empty-state";
import { ThankYouPicker } from "@/components/notes/thank-you-picker";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormAlert, Input } from "@/components/ui/field";
import { SampleBadge } from "@/components/ui/sample-badge";
import { requireUser } from "@/lib/auth/current-user";
import { getApplication, listStageChanges } from "@/lib/db/queries/applications";
import { countApplicationNotes } from "@/lib/db/queries/notes";
import {
  listParticipants,
  listThankYouRecipients,
  searchContactsForApplication,
} from "@/lib/db/queries/participants";
import { describeModel, providerOptionsFromEnv } from "@/lib/drafting/provider";
import { formatDay, todayIso } from "@/lib/format";
import { roleLabels, stageLabels } from "@/lib/labels";
import { idSchema } from "@/lib/validations/fields";

export const metadata: Metadata = { title: "Application" };

const errorMessages: Record<string, string> = {
  delete: "The application could not be deleted. Please try again.",
  remove: "That person could not be removed from this process. They may have been removed already.",
};

function Section({
  id,
  title,
  actions,
  children,
}: {
  id: string;
  title: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={`${id}-title`}
      id={id}
      className="scroll-mt-20 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
    >
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

const linkClass = "font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800";

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const query = await searchParams;
  const addSearch = typeof query.addSearch === "string" ? query.addSearch.trim().slice(0, 100) : "";

  const application = await getApplication(user.id, id.data);
  if (!application) notFound();
  const rejected = application.stage === "rejected";
  const [history, participants, recipients, candidates, noteCounts] = await Promise.all([
    listStageChanges(user.id, application.id),
    listParticipants(user.id, application.id),
    rejected ? listThankYouRecipients(user.id, application.id) : Promise.resolve([]),
    addSearch
      ? searchContactsForApplication(user.id, application.id, addSearch)
      : Promise.resolve([]),
    rejected
      ? countApplicationNotes(user.id, application.id)
      : Promise.resolve({ drafts: 0, sent: 0 }),
  ]);
  const provider = providerOptionsFromEnv();
  const model = provider ? describeModel(provider) : null;
  const path = `/applications/${application.id}`;
  const captureHref = `${path}/capture`;
  const error =
    typeof query.error === "string" && Object.hasOwn(errorMessages, query.error)
      ? errorMessages[query.error]
      : undefined;

  return (
    <div className="space-y-6">
      <PageHeader
        title={application.jobTitle}
        description={application.companyName}
        actions={
          <>
            <Button asChild>
              <Link href={captureHref}>
                <UserPlus aria-hidden="true" className="size-4" />
                Quick capture: add people you met
              </Link>
            </Button>
            <Button asChild variant="secondary">
              <Link href={`${path}/edit`}>
                <Pencil aria-hidden="true" className="size-4" />
                Edit
              </Link>
            </Button>
            <ConfirmButton
              action={deleteApplicationFormAction}
              hidden={{ id: application.id }}
              label="Delete"
              title="Delete this application?"
              confirmLabel="Delete application"
            >
              <p>The stage history and the list of people in this process are deleted with it.</p>
              <p>
                The contacts themselves and their interactions stay; those interactions just lose
                their link to this application.
              </p>
            </ConfirmButton>
          </>
        }
      />
      <FormAlert message={error} />
      {query.rejected === "1" && rejected ? (
        <p
          role="status"
          className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900"
        >
          Marked as rejected. Sorry — that is a hard one. Next step: thank the people you met.
        </p>
      ) : null}

      {rejected ? (
        <section
          id="thank-you"
          aria-labelledby="thank-you-title"
          className="scroll-mt-20 rounded-2xl border-2 border-brand-600 bg-brand-50 p-4 sm:p-6"
        >
          <div className="flex items-start gap-3">
            <HeartHandshake aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-brand-700" />
            <div>
              <h2 id="thank-you-title" className="text-lg font-semibold">
                Thank-you notes
              </h2>
              <p className="mt-1 text-sm text-stone-700">
                They chose someone else. A short, warm note to each person you met keeps the door
                open.
              </p>
            </div>
          </div>
          {recipients.length === 0 ? (
            <div className="mt-4 rounded-xl bg-white p-4 text-sm text-stone-700">
              <p>No one is recorded in this process yet. Add the people you met first.</p>
              <Button asChild className="mt-3">
                <Link href={captureHref}>
                  <UserPlus aria-hidden="true" className="size-4" />
                  Add the people you met
                </Link>
              </Button>
            </div>
          ) : (
            <>
              {noteCounts.drafts + noteCounts.sent > 0 ? (
                <p className="mt-4 rounded-xl bg-white p-4 text-sm text-stone-700">
                  You have {noteCounts.drafts} {noteCounts.drafts === 1 ? "draft" : "drafts"} and{" "}
                  {noteCounts.sent} sent {noteCounts.sent === 1 ? "note" : "notes"} for this
                  process.{" "}
                  <Link className={linkClass} href={`/applications/${application.id}/notes`}>
                    Review your notes
                  </Link>
                </p>
              ) : null}
              <ThankYouPicker
                applicationId={application.id}
                recipients={recipients.map((recipient) => ({
                  contactId: recipient.contactId,
                  fullName: recipient.fullName,
                  title: recipient.title,
                  role: recipient.role,
                  discussed: recipient.discussed,
                  email: recipient.email,
                }))}
                model={model}
              />
            </>
          )}
        </section>
      ) : null}

      <Section id="details" title="The process">
        <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-stone-600">Company</dt>
            <dd>
              <Link className={linkClass} href={`/companies/${application.companyId}`}>
                {application.companyName}
              </Link>
            </dd>
          </div>
          <div>
            <dt className="text-stone-600">Stage</dt>
            <dd className="flex flex-wrap items-center gap-1.5">
              <StageBadge stage={application.stage} />
              {application.isSample ? <SampleBadge /> : null}
            </dd>
          </div>
          {application.postingUrl ? (
            <div className="sm:col-span-2">
              <dt className="text-stone-600">Job posting</dt>
              <dd className="break-all">
                <a
                  className={linkClass}
                  href={application.postingUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                >
                  {application.postingUrl}
                  <ExternalLink aria-hidden="true" className="ml-1 inline size-3.5" />
                </a>
              </dd>
            </div>
          ) : null}
          {application.appliedOn ? (
            <div>
              <dt className="text-stone-600">Applied</dt>
              <dd>{formatDay(application.appliedOn)}</dd>
            </div>
          ) : null}
          {application.rejectedOn ? (
            <div>
              <dt className="text-stone-600">Rejected</dt>
              <dd>{formatDay(application.rejectedOn)}</dd>
            </div>
          ) : null}
          {application.runnerUpRank || application.wasFinalist ? (
            <div>
              <dt className="text-stone-600">How close you came</dt>
              <dd>
                {application.runnerUpRank ? `Runner-up #${application.runnerUpRank}` : "Finalist"}
              </dd>
            </div>
          ) : null}
          {application.feedback ? (
            <div className="sm:col-span-2">
              <dt className="text-stone-600">Feedback received</dt>
              <dd className="whitespace-pre-line wrap-anywhere">{application.feedback}</dd>
            </div>
          ) : null}
          {application.notes ? (
            <div className="sm:col-span-2">
              <dt className="text-stone-600">Notes</dt>
              <dd className="whitespace-pre-line wrap-anywhere">{application.notes}</dd>
            </div>
          ) : null}
        </dl>

        <div className="mt-6 border-t border-stone-200 pt-4">
          <h3 className="text-sm font-semibold">Stage history</h3>
          {history.length === 0 ? (
            <p className="mt-2 text-sm text-stone-600">No stage changes recorded.</p>
          ) : (
            <ol className="mt-2 space-y-1 text-sm" data-testid="stage-history">
              {history.map((change) => (
                <li key={change.id} className="flex flex-wrap gap-x-2">
                  <span className="w-28 shrink-0 text-stone-600 tabular-nums">
                    {formatDay(change.changedOn)}
                  </span>
                  <span>{stageLabels[change.stage]}</span>
                </li>
              ))}
            </ol>
          )}
        </div>

        <div className="mt-6 border-t border-stone-200 pt-4">
          <h3 className="mb-3 text-sm font-semibold">Change stage</h3>
          <StageForm id={application.id} stage={application.stage} today={todayIso()} />
        </div>
      </Section>

      <Section
        id="people"
        title="People in the process"
        actions={
          <Button asChild variant="secondary">
            <Link href={captureHref}>
              <UserPlus aria-hidden="true" className="size-4" />
              Add people you met
            </Link>
          </Button>
        }
      >
        {participants.length === 0 ? (
          <p className="text-sm text-stone-600">
            No one yet. Right after an interview, use quick capture on your phone to note who you
            met and what you talked about.
          </p>
        ) : (
          <ul className="divide-y divide-stone-200" data-testid="participants">
            {participants.map((person) => (
              <li key={person.id} className="py-4 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <p className="font-medium">
                      <Link className={linkClass} href={`/contacts/${person.contactId}`}>
                        {person.fullName}
                      </Link>{" "}
                      <span className="font-normal text-stone-600">
                        · {roleLabels[person.role]}
                      </span>
                      {person.isSample ? (
                        <>
                          {" "}
                          <SampleBadge />
                        </>
                      ) : null}
                    </p>
                    {person.title || person.companyName ? (
                      <p className="text-sm text-stone-600">
                        {[person.title, person.companyName].filter(Boolean).join(", ")}
                      </p>
                    ) : null}
                    {person.discussed ? (
                      <p className="mt-1 text-sm wrap-anywhere whitespace-pre-line text-stone-800">
                        {person.discussed}
                      </p>
                    ) : null}
                  </div>
                  <ConfirmButton
                    action={removeParticipantFormAction}
                    hidden={{ applicationId: application.id, participantId: person.id }}
                    label="Remove"
                    title={`Remove ${person.fullName} from this process?`}
                    confirmLabel="Remove from process"
                  >
                    <p>
                      Their role and what you discussed in this process are removed.{" "}
                      {person.fullName} stays in your contacts, with their interactions and their
                      other processes.
                    </p>
                  </ConfirmButton>
                </div>
                <details className="mt-2">
                  <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
                    Edit role or what you discussed
                  </summary>
                  <div className="mt-2">
                    <ParticipantEditor
                      applicationId={application.id}
                      participantId={person.id}
                      name={person.fullName}
                      role={person.role}
                      discussed={person.discussed}
                    />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="add-people" title="Add someone you already know">
        <p className="mb-3 text-sm text-stone-600">
          A recruiter or interviewer from another process? Add the same contact here instead of
          creating them twice.
        </p>
        <search>
          <form action={`${path}#add-people`} method="get" className="flex gap-2">
            <label htmlFor="addSearch" className="sr-only">
              Search your contacts by name
            </label>
            <Input
              id="addSearch"
              name="addSearch"
              type="search"
              placeholder="Search your contacts by name"
              defaultValue={addSearch}
              className="min-w-0 flex-1"
            />
            <Button type="submit" variant="secondary">
              <Search aria-hidden="true" className="size-4" />
              Search
            </Button>
          </form>
        </search>
        {addSearch ? (
          candidates.length === 0 ? (
            <p className="mt-3 text-sm text-stone-600">
              No contact matches “{addSearch}”.{" "}
              <Link className={linkClass} href={captureHref}>
                Add a new person instead
              </Link>
              .
            </p>
          ) : (
            <ul className="mt-4 space-y-3" data-testid="add-candidates">
              {candidates.map((contact) => (
                <li key={contact.id} className="rounded-xl border border-stone-200 p-3">
                  <p className="font-medium">{contact.fullName}</p>
                  {contact.title || contact.companyName ? (
                    <p className="text-sm text-stone-600">
                      {[contact.title, contact.companyName].filter(Boolean).join(", ")}
                    </p>
                  ) : null}
                  <div className="mt-2">
                    {contact.alreadyInProcess ? (
                      <p className="text-sm text-stone-600">Already in this process.</p>
                    ) : (
                      <AddParticipantForm
                        applicationId={application.id}
                        contactId={contact.id}
                        name={contact.fullName}
                      />
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </Section>
    </div>
  );
}

"use client";

import { draftThankYouNotes } from "@/app/(app)/notes/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormAlert } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { roleLabels } from "@/lib/labels";

export type Recipient = {
  contactId: string;
  fullName: string;
  title: string | null;
  role: keyof typeof roleLabels;
  discussed: string | null;
  email: string | null;
};

/** Everyone in the process, ticked by default: untick anyone you would rather not write to. */
export function ThankYouPicker({
  applicationId,
  recipients,
  model,
}: {
  applicationId: string;
  recipients: Recipient[];
  model: string | null;
}) {
  const form = useActionForm(draftThankYouNotes);
  const ticked =
    form.state.status === "invalid" || form.state.status === "error"
      ? new Set(form.value("contactIds").split("\n").filter(Boolean))
      : null;
  return (
    <form action={form.formAction} key={form.formKey} className="mt-4 space-y-4" noValidate>
      <input type="hidden" name="applicationId" value={applicationId} />
      <FormAlert message={form.errors("contactIds")?.join(" ") ?? form.message} />
      <fieldset>
        <legend className="sr-only">People to thank</legend>
        <ul className="space-y-3" data-testid="thank-you-recipients">
          {recipients.map((recipient) => (
            <li key={recipient.contactId} className="rounded-xl bg-white p-4">
              <label className="flex cursor-pointer gap-3">
                <input
                  type="checkbox"
                  name="contactIds"
                  value={recipient.contactId}
                  defaultChecked={ticked ? ticked.has(recipient.contactId) : true}
                  className="mt-1 size-5 shrink-0 accent-brand-700"
                />
                <span className="min-w-0">
                  <span className="font-medium">{recipient.fullName}</span>
                  <span className="text-stone-600">
                    {" "}
                    · {roleLabels[recipient.role]}
                    {recipient.title ? ` · ${recipient.title}` : ""}
                  </span>
                  <span className="mt-1 block text-sm wrap-anywhere text-stone-700">
                    {recipient.discussed ? (
                      <>You discussed: {recipient.discussed}</>
                    ) : (
                      <span className="text-stone-500">Nothing noted about your conversation.</span>
                    )}
                  </span>
                  <span className="mt-1 block text-sm break-all text-stone-600">
                    {recipient.email ? `Email on file: ${recipient.email}` : "No email on file"}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <legend className="mb-1 text-sm font-medium text-stone-800">Send as</legend>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="radio"
            name="channel"
            value="email"
            defaultChecked={form.value("channel") !== "linkedin"}
            className="size-5 accent-brand-700"
          />
          Email
        </label>
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="radio"
            name="channel"
            value="linkedin"
            defaultChecked={form.value("channel") === "linkedin"}
            className="size-5 accent-brand-700"
          />
          LinkedIn message
        </label>
      </fieldset>
      <div className="space-y-2">
        <SubmitButton pendingLabel="Drafting…">Draft thank-you notes</SubmitButton>
        <p className="text-sm text-stone-600">
          {model
            ? `Each note is drafted by ${model}; a template steps in if the model fails.`
            : "Each note is written from your record by Runner-Up's templates, ready to edit."}
        </p>
      </div>
    </form>
  );
}

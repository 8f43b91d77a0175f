"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/auth/with-user";
import { type Executor, getDb } from "@/lib/db/client";
import { findOrCreateCompany } from "@/lib/db/queries/companies";
import {
  type ContactValues,
  createContact,
  deleteContact,
  mergeContacts,
  updateContact,
} from "@/lib/db/queries/contacts";
import {
  deleteInteraction,
  insertInteractions,
  updateInteraction,
} from "@/lib/db/queries/interactions";
import { assertOwned } from "@/lib/db/queries/ownership";
import { applications, companies, contacts } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  type ContactInput,
  contactIdSchema,
  contactSchema,
  mergeContactsSchema,
  updateContactSchema,
} from "@/lib/validations/contacts";
import { idle } from "@/lib/validations/form";
import {
  createInteractionSchema,
  interactionIdSchema,
  updateInteractionSchema,
} from "@/lib/validations/interactions";

function revalidateContacts() {
  // Everything under /contacts (list, pages, duplicates), and the dashboard's counts.
  revalidatePath("/contacts", "layout");
  revalidatePath("/dashboard");
}

/** The company to link: a new name wins over the picker; a picked id must be the user's. */
async function resolveCompany(tx: Executor, userId: string, input: ContactInput) {
  if (input.newCompanyName) return (await findOrCreateCompany(tx, userId, input.newCompanyName)).id;
  if (input.companyId) await assertOwned(tx, companies, userId, input.companyId, "The company");
  return input.companyId;
}

async function contactValues(
  tx: Executor,
  userId: string,
  input: ContactInput,
): Promise<ContactValues> {
  return {
    fullName: input.fullName,
    title: input.title,
    companyId: await resolveCompany(tx, userId, input),
    email: input.email,
    phone: input.phone,
    linkedinUrl: input.linkedinUrl,
    tags: input.tags,
    notes: input.notes,
    cadenceMonths: input.cadenceMonths,
  };
}

// --- Contacts ------------------------------------------------------------------------------

export const createContactAction = withUser(contactSchema, async (input, user) => {
  const created = await getDb().transaction(async (tx) =>
    createContact(tx, user.id, await contactValues(tx, user.id, input)),
  );
  revalidateContacts();
  redirect(`/contacts/${created.id}`);
});

export const updateContactAction = withUser(updateContactSchema, async (input, user) => {
  await getDb().transaction(async (tx) => {
    // Check first, so a foreign id creates no company on the way to "not found".
    await assertOwned(tx, contacts, user.id, input.id, "The contact");
    const updated = await updateContact(
      tx,
      user.id,
      input.id,
      await contactValues(tx, user.id, input),
    );
    if (!updated) throw notFound("The contact");
  });
  revalidateContacts();
  redirect(`/contacts/${input.id}`);
});

export const deleteContactAction = withUser(contactIdSchema, async ({ id }, user) => {
  const deleted = await deleteContact(getDb(), user.id, id);
  if (!deleted) throw notFound("The contact");
  revalidateContacts();
  revalidatePath("/applications", "layout");
  redirect("/contacts");
});

/** For ConfirmButton: deletes, then goes to the list; on failure back to the contact page. */
export async function deleteContactFromForm(formData: FormData): Promise<void> {
  const result = await deleteContactAction(idle, formData);
  if (result.status === "error" && result.code === "unauthenticated") redirect("/sign-in");
  const id = formData.get("id");
  redirect(
    typeof id === "string" && result.status === "error" && result.code !== "not_found"
      ? `/contacts/${encodeURIComponent(id)}?error=delete`
      : "/contacts",
  );
}

export const mergeContactsAction = withUser(mergeContactsSchema, async (input, user) => {
  const result = await getDb().transaction((tx) =>
    mergeContacts(tx, user.id, input.keepId, input.mergeIds),
  );
  revalidateContacts();
  revalidatePath("/applications", "layout");
  redirect(`/contacts/${result.keptId}?merged=${result.mergedCount}`);
});

// --- Interactions --------------------------------------------------------------------------

export const createInteractionAction = withUser(createInteractionSchema, async (input, user) => {
  const [created] = await getDb().transaction(async (tx) => {
    await assertOwned(tx, contacts, user.id, input.contactId, "The contact");
    if (input.applicationId) {
      await assertOwned(tx, applications, user.id, input.applicationId, "The application");
    }
    return insertInteractions(tx, user.id, [
      {
        contactId: input.contactId,
        applicationId: input.applicationId,
        kind: input.kind,
        occurredAt: input.occurredAt,
        summary: input.summary,
      },
    ]);
  });
  if (!created) throw notFound("The contact");
  revalidateContacts();
  // The form stays on the contact page; a new id tells it to clear itself.
  return { id: created.id };
});

export const updateInteractionAction = withUser(updateInteractionSchema, async (input, user) => {
  const updated = await getDb().transaction(async (tx) => {
    if (input.applicationId) {
      await assertOwned(tx, applications, user.id, input.applicationId, "The application");
    }
    return updateInteraction(tx, user.id, input.id, {
      kind: input.kind,
      occurredAt: input.occurredAt,
      summary: input.summary,
      applicationId: input.applicationId,
    });
  });
  if (!updated) throw notFound("The interaction");
  revalidateContacts();
  redirect(`/contacts/${updated.contactId}`);
});

export const deleteInteractionAction = withUser(interactionIdSchema, async ({ id }, user) => {
  const deleted = await getDb().transaction((tx) => deleteInteraction(tx, user.id, id));
  if (!deleted) throw notFound("The interaction");
  revalidateContacts();
  redirect(`/contacts/${deleted.contactId}`);
});

/** For ConfirmButton on the interaction's edit page. */
export async function deleteInteractionFromForm(formData: FormData): Promise<void> {
  const result = await deleteInteractionAction(idle, formData);
  if (result.status === "error" && result.code === "unauthenticated") redirect("/sign-in");
  // Success redirected already; anything else means it is gone or not the user's.
  if (result.status !== "success") redirect("/contacts");
}

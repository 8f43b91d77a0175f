"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/auth/with-user";
import { getDb } from "@/lib/db/client";
import {
  changeApplicationStage,
  createApplication,
  deleteApplication,
  updateApplication,
} from "@/lib/db/queries/applications";
import {
  addParticipant,
  quickCapture,
  removeParticipant,
  updateParticipant,
} from "@/lib/db/queries/participants";
import { AppError, notFound } from "@/lib/errors";
import {
  applicationIdSchema,
  changeStageSchema,
  createApplicationSchema,
  updateApplicationSchema,
} from "@/lib/validations/applications";
import { idSchema } from "@/lib/validations/fields";
import { idle } from "@/lib/validations/form";
import {
  addParticipantSchema,
  quickCaptureSchema,
  removeParticipantSchema,
  updateParticipantSchema,
} from "@/lib/validations/participants";

const applicationPath = (id: string) => `/applications/${id}`;

function revalidateApplication(id: string) {
  revalidatePath("/applications");
  revalidatePath(applicationPath(id));
  revalidatePath("/dashboard");
}

export const createApplicationAction = withUser(createApplicationSchema, async (input, user) => {
  const created = await getDb().transaction((tx) => createApplication(tx, user.id, input));
  revalidatePath("/applications");
  revalidatePath("/companies");
  revalidatePath("/dashboard");
  redirect(applicationPath(created.id));
});

export const updateApplicationAction = withUser(updateApplicationSchema, async (input, user) => {
  const { id, ...patch } = input;
  const updated = await updateApplication(getDb(), user.id, id, patch);
  if (!updated) throw notFound("The application");
  revalidateApplication(id);
  redirect(applicationPath(id));
});

export const changeStageAction = withUser(changeStageSchema, async (input, user) => {
  const changed = await getDb().transaction((tx) =>
    changeApplicationStage(tx, user.id, input.id, input.stage, input.changedOn),
  );
  if (!changed) throw notFound("The application");
  revalidateApplication(input.id);
  // A rejection leads straight to the people to thank.
  redirect(
    input.stage === "rejected"
      ? `${applicationPath(input.id)}?rejected=1#thank-you`
      : applicationPath(input.id),
  );
});

export const deleteApplicationAction = withUser(applicationIdSchema, async (input, user) => {
  const deleted = await deleteApplication(getDb(), user.id, input.id);
  if (!deleted) throw notFound("The application");
  revalidateApplication(input.id);
  revalidatePath("/contacts");
  redirect("/applications");
});

/**
 * For ConfirmButton: a plain form action. A failure goes back to a page with a fixed error
 * code (never free text from the URL): the list when the application is gone, else its page.
 */
export async function deleteApplicationFormAction(formData: FormData): Promise<void> {
  const result = await deleteApplicationAction(idle, formData);
  if (result.status === "error" && result.code === "unauthenticated") redirect("/sign-in");
  if (result.status === "error" && result.code !== "not_found") {
    const id = idSchema.safeParse(formData.get("id"));
    if (id.success) redirect(`${applicationPath(id.data)}?error=delete`);
  }
  if (result.status !== "success") redirect("/applications?error=not-found");
}

// ---------------------------------------------------------------------------------------------
// People in the process.

export const addParticipantAction = withUser(addParticipantSchema, async (input, user) => {
  const added = await addParticipant(getDb(), user.id, input);
  if (!added) {
    throw new AppError("conflict", "This person is already in this process.");
  }
  revalidateApplication(input.applicationId);
  revalidatePath(`/contacts/${input.contactId}`);
  redirect(applicationPath(input.applicationId));
});

export const updateParticipantAction = withUser(updateParticipantSchema, async (input, user) => {
  const updated = await updateParticipant(getDb(), user.id, input);
  if (!updated) throw notFound("That person in this process");
  revalidateApplication(input.applicationId);
  revalidatePath("/contacts", "layout");
  return { saved: true };
});

export const removeParticipantAction = withUser(removeParticipantSchema, async (input, user) => {
  const removed = await removeParticipant(getDb(), user.id, input);
  if (!removed) throw notFound("That person in this process");
  revalidateApplication(input.applicationId);
  revalidatePath("/contacts", "layout");
  redirect(applicationPath(input.applicationId));
});

/** For ConfirmButton: a plain form action; a failure shows a fixed message on the page. */
export async function removeParticipantFormAction(formData: FormData): Promise<void> {
  const result = await removeParticipantAction(idle, formData);
  if (result.status === "success") return;
  if (result.status === "error" && result.code === "unauthenticated") redirect("/sign-in");
  const id = idSchema.safeParse(formData.get("applicationId"));
  redirect(id.success ? `${applicationPath(id.data)}?error=remove` : "/applications");
}

export const quickCaptureAction = withUser(quickCaptureSchema, async (input, user) => {
  await getDb().transaction((tx) => quickCapture(tx, user.id, input));
  revalidateApplication(input.applicationId);
  revalidatePath("/contacts", "layout");
  redirect(applicationPath(input.applicationId));
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/auth/with-user";
import { getDb } from "@/lib/db/client";
import {
  deleteOpening as deleteOpeningRow,
  insertOpening,
  updateOpening as updateOpeningRow,
} from "@/lib/db/queries/openings";
import { assertOwned } from "@/lib/db/queries/ownership";
import { companies } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { idSchema } from "@/lib/validations/fields";
import { idle } from "@/lib/validations/form";
import {
  createOpeningSchema,
  openingIdSchema,
  updateOpeningSchema,
} from "@/lib/validations/openings";

/** Records an opening from the company page; the inline form stays there and says it is saved. */
export const createOpening = withUser(
  createOpeningSchema,
  async ({ companyId, ...input }, user): Promise<{ id: string; title: string }> => {
    const opening = await getDb().transaction(async (tx) => {
      await assertOwned(tx, companies, user.id, companyId, "The company");
      return insertOpening(tx, user.id, companyId, input);
    });
    revalidatePath(`/companies/${companyId}`);
    revalidatePath("/openings");
    return { id: opening.id, title: opening.title };
  },
);

export const updateOpening = withUser(updateOpeningSchema, async ({ id, ...input }, user) => {
  const opening = await updateOpeningRow(getDb(), user.id, id, input);
  if (!opening) throw notFound("The opening");
  revalidatePath(`/companies/${opening.companyId}`);
  revalidatePath("/openings");
  redirect(`/companies/${opening.companyId}`);
});

export const deleteOpeningAction = withUser(openingIdSchema, async ({ id }, user) => {
  const deleted = await deleteOpeningRow(getDb(), user.id, id);
  if (!deleted) throw notFound("The opening");
  revalidatePath(`/companies/${deleted.companyId}`);
  revalidatePath("/openings");
  redirect(`/companies/${deleted.companyId}`);
});

/** For <ConfirmButton action>: a plain form action that always ends in a redirect. */
export async function deleteOpening(formData: FormData): Promise<void> {
  const state = await deleteOpeningAction(idle, formData);
  if (state.status === "error" && state.code === "unauthenticated") redirect("/sign-in");
  const id = idSchema.safeParse(formData.get("id"));
  if (state.status === "error" && state.code !== "not_found" && id.success) {
    redirect(`/openings/${id.data}/edit?error=delete`);
  }
  redirect("/openings");
}

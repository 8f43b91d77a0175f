"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/auth/with-user";
import { getDb } from "@/lib/db/client";
import {
  type CompanyOption,
  deleteCompany as deleteCompanyRow,
  findCompanyByName,
  insertCompany,
  lockCompanyName,
  updateCompany as updateCompanyRow,
} from "@/lib/db/queries/companies";
import { assertOwned } from "@/lib/db/queries/ownership";
import { companies } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  type CompanyFormState,
  companyIdSchema,
  companySchema,
  updateCompanySchema,
} from "@/lib/validations/companies";
import { idSchema } from "@/lib/validations/fields";
import { type ActionState, formValues, idle } from "@/lib/validations/form";

// A name the user already has (in any case) is refused with a field error that links to the
// existing company. withUser's result has no slot for that, so the inner actions return the
// duplicate as data and the exported ones turn it into an "invalid" state.

type Duplicate = { duplicateOf: CompanyOption };

function refuseDuplicate(state: ActionState<Duplicate>, formData: FormData): CompanyFormState {
  if (state.status !== "success") return state;
  const { duplicateOf } = state.data;
  return {
    status: "invalid",
    message: "You already have a company with this name.",
    fieldErrors: { name: [`You already have ${duplicateOf.name}.`] },
    values: formValues(formData),
    duplicateOf,
  };
}

const saveNewCompany = withUser(companySchema, async (input, user): Promise<Duplicate> => {
  const result = await getDb().transaction(async (tx) => {
    await lockCompanyName(tx, user.id, input.name);
    const duplicateOf = await findCompanyByName(tx, user.id, input.name);
    if (duplicateOf) return { duplicateOf };
    return { created: await insertCompany(tx, user.id, input) };
  });
  if (result.duplicateOf) return { duplicateOf: result.duplicateOf };
  revalidatePath("/companies");
  redirect(`/companies/${result.created.id}`);
});

export async function createCompany(
  _previous: CompanyFormState,
  formData: FormData,
): Promise<CompanyFormState> {
  return refuseDuplicate(await saveNewCompany(idle, formData), formData);
}

const saveCompany = withUser(
  updateCompanySchema,
  async ({ id, ...input }, user): Promise<Duplicate> => {
    const result = await getDb().transaction(async (tx) => {
      // Ownership first: someone else's id is "not found", never "name taken".
      await assertOwned(tx, companies, user.id, id, "The company");
      await lockCompanyName(tx, user.id, input.name);
      const duplicateOf = await findCompanyByName(tx, user.id, input.name, id);
      if (duplicateOf) return { duplicateOf };
      return { updated: await updateCompanyRow(tx, user.id, id, input) };
    });
    if (result.duplicateOf) return { duplicateOf: result.duplicateOf };
    if (!result.updated) throw notFound("The company");
    revalidatePath("/companies");
    revalidatePath(`/companies/${id}`);
    revalidatePath("/openings");
    redirect(`/companies/${id}`);
  },
);

export async function updateCompany(
  _previous: CompanyFormState,
  formData: FormData,
): Promise<CompanyFormState> {
  return refuseDuplicate(await saveCompany(idle, formData), formData);
}

/**
 * Deletes the company; its applications and openings go with it through the foreign keys
 * (see deleteCompany in lib/db/queries/companies.ts). Redirects to the list on success.
 */
export const deleteCompanyAction = withUser(companyIdSchema, async ({ id }, user) => {
  const deleted = await getDb().transaction((tx) => deleteCompanyRow(tx, user.id, id));
  if (!deleted) throw notFound("The company");
  // Contacts, applications and the dashboard all showed this company.
  revalidatePath("/", "layout");
  redirect("/companies");
});

/** For <ConfirmButton action>: a plain form action that always ends in a redirect. */
export async function deleteCompany(formData: FormData): Promise<void> {
  const state = await deleteCompanyAction(idle, formData);
  if (state.status === "error" && state.code === "unauthenticated") redirect("/sign-in");
  const id = idSchema.safeParse(formData.get("id"));
  if (state.status === "error" && state.code !== "not_found" && id.success) {
    redirect(`/companies/${id.data}?error=delete`);
  }
  // Not found (already gone, or not this user's) or a malformed id: back to the list.
  redirect("/companies");
}

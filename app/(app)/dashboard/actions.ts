"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { withUser } from "@/lib/auth/with-user";
import {
  loadSampleData as loadSampleRows,
  removeSampleData as removeSampleRows,
} from "@/lib/db/queries/sample-data";

// No input: both act on the signed-in user's own account, whatever the form sends.
const noInput = z.object({});

/** Loads the sample account; refused with a conflict message when it is already there. */
export const loadSampleData = withUser(noInput, async (_input, user) => {
  await loadSampleRows(user.id);
  // Every list (companies, contacts, applications, openings) gains rows.
  revalidatePath("/", "layout");
  redirect("/dashboard");
});

/** Deletes exactly the sample rows (see removeSampleData in lib/db/queries/sample-data.ts). */
export const removeSampleData = withUser(noInput, async (_input, user) => {
  await removeSampleRows(user.id);
  revalidatePath("/", "layout");
  redirect("/dashboard");
});

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { withUser } from "@/lib/auth/with-user";
import { mapsAName } from "@/lib/csv/guess-mapping";
import { parseImportFile } from "@/lib/csv/import";
import { getDb } from "@/lib/db/client";
import {
  createImportBatch,
  deleteImportBatch,
  getImportBatchHeader,
  runImport,
  saveImportMapping,
} from "@/lib/db/queries/imports";
import { AppError, notFound } from "@/lib/errors";
import { idle } from "@/lib/validations/form";
import {
  confirmImportSchema,
  importBatchIdSchema,
  importMappingSchema,
  uploadImportSchema,
} from "@/lib/validations/imports";

/** The name to show for the upload: no folders, no control characters, not endless. */
function displayFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]+/g, "").trim();
  return (clean || "upload.csv").slice(0, 200);
}

export const uploadImportAction = withUser(uploadImportSchema, async ({ file }, user) => {
  const parsed = parseImportFile(new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok) throw new AppError("invalid", parsed.error);
  const batch = await getDb().transaction((tx) =>
    createImportBatch(tx, user.id, {
      format: parsed.file.format,
      fileName: displayFileName(file.name),
      columns: parsed.file.columns,
      rows: parsed.file.rows,
    }),
  );
  revalidatePath("/contacts/import");
  redirect(`/contacts/import/${batch.id}`);
});

export const saveImportMappingAction = withUser(
  importMappingSchema,
  async ({ batchId, field }, user) => {
    const batch = await getImportBatchHeader(user.id, batchId);
    if (!batch) throw notFound("This import");
    if (field.length !== batch.columns.length) {
      throw new AppError("invalid", "Choose a field for every column, then update the preview.");
    }
    if (!mapsAName(field)) {
      throw new AppError(
        "invalid",
        "Choose which column holds the name: Full name, or First name and Last name.",
      );
    }
    const saved = await saveImportMapping(getDb(), user.id, batchId, field);
    if (!saved) throw notFound("This import");
    revalidatePath(`/contacts/import/${batchId}`);
    redirect(`/contacts/import/${batchId}`);
  },
);

export const confirmImportAction = withUser(confirmImportSchema, async (input, user) => {
  const outcome = await getDb().transaction((tx) =>
    runImport(tx, user.id, input.batchId, {
      mappingKey: input.mappingKey,
      choices: input.choices,
      otherDuplicates: input.otherDuplicates,
    }),
  );
  revalidatePath("/contacts", "layout");
  revalidatePath("/companies", "layout");
  revalidatePath("/dashboard");
  const summary = new URLSearchParams({
    imported: String(outcome.created),
    merged: String(outcome.merged),
    skipped: String(outcome.skipped),
    problems: String(outcome.problems),
  });
  redirect(`/contacts?${summary}`);
});

export const discardImportAction = withUser(importBatchIdSchema, async ({ batchId }, user) => {
  const deleted = await deleteImportBatch(getDb(), user.id, batchId);
  if (!deleted) throw notFound("This import");
  revalidatePath("/contacts/import");
  redirect("/contacts/import");
});

/** For ConfirmButton: discards the upload; whatever else happens, back to the import page. */
export async function discardImportFromForm(formData: FormData): Promise<void> {
  const result = await discardImportAction(idle, formData);
  if (result.status === "error" && result.code === "unauthenticated") redirect("/sign-in");
  redirect("/contacts/import");
}

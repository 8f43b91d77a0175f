import { z } from "zod";
import { IMPORT_FIELDS } from "@/lib/csv/guess-mapping";
import { choicesFromForm, fileSizeProblem, IMPORT_LIMITS } from "@/lib/csv/import";
import { idSchema } from "@/lib/validations/fields";

// The import forms: the upload, the column mapping, the confirmation with its per-row choices.

const isFile = (value: unknown): value is File =>
  typeof File !== "undefined" && value instanceof File;

export const uploadImportSchema = z.object({
  file: z
    .custom<File>((value) => isFile(value) && (value.size > 0 || value.name !== ""), {
      error: "Choose a CSV file to upload.",
    })
    .superRefine((file, context) => {
      if (!isFile(file)) return;
      if (file.size === 0) context.addIssue({ code: "custom", message: "This file is empty." });
      const tooBig = fileSizeProblem(file.size);
      if (tooBig) context.addIssue({ code: "custom", message: tooBig });
    }),
});

const toList = (value: unknown) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export const importBatchIdSchema = z.object({ batchId: idSchema });

export const importMappingSchema = z.object({
  batchId: idSchema,
  /** One per column, in column order. */
  field: z.preprocess(
    toList,
    z
      .array(z.enum(IMPORT_FIELDS, { error: "Choose a field for every column." }))
      .max(IMPORT_LIMITS.maxColumns),
  ),
});

const choice = z.enum(["merge", "skip"]);

export const confirmImportSchema = z
  .looseObject({
    batchId: idSchema,
    mappingKey: z.string().max(20_000),
    otherDuplicates: z.preprocess(
      (value) => (value === undefined || value === "" ? "skip" : value),
      choice,
    ),
  })
  .transform(({ batchId, mappingKey, otherDuplicates, ...rest }) => ({
    batchId,
    mappingKey,
    otherDuplicates,
    choices: choicesFromForm(rest),
  }));

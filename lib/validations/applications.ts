import { z } from "zod";
import { APPLICATION_STAGES } from "@/lib/db/schema";
import {
  checkbox,
  idSchema,
  optionalDate,
  optionalInt,
  optionalText,
  optionalUrl,
  requiredDate,
  requiredText,
} from "./fields";

export const stageSchema = z.enum(APPLICATION_STAGES, { error: "Choose a stage." });

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** A picker's value: blank means "none chosen". */
const optionalId = () =>
  z.preprocess((value) => (isBlank(value) ? null : value), idSchema.nullable());

export const createApplicationSchema = z
  .object({
    companyId: optionalId(),
    newCompanyName: optionalText(200),
    jobTitle: requiredText("the job title", 200),
    postingUrl: optionalUrl(),
    stage: z.preprocess((value) => (isBlank(value) ? "applied" : value), stageSchema),
    appliedOn: optionalDate(),
    notes: optionalText(4000),
  })
  .superRefine(
    (value, ctx) => {
      // Runs even when other fields failed (see `when`), so every error shows in one pass.
      if (isBlank(value.companyId) && isBlank(value.newCompanyName)) {
        ctx.addIssue({
          code: "custom",
          path: ["companyId"],
          message: "Choose one of your companies, or type the name of a new one.",
        });
      }
    },
    { when: () => true },
  );
export type CreateApplicationInput = z.output<typeof createApplicationSchema>;

export const updateApplicationSchema = z.object({
  id: idSchema,
  jobTitle: requiredText("the job title", 200),
  postingUrl: optionalUrl(),
  appliedOn: optionalDate(),
  wasFinalist: checkbox(),
  runnerUpRank: optionalInt(1, 20),
  feedback: optionalText(4000),
  notes: optionalText(4000),
});
export type UpdateApplicationInput = z.output<typeof updateApplicationSchema>;

export const changeStageSchema = z.object({
  id: idSchema,
  stage: stageSchema,
  changedOn: requiredDate("the date of the change"),
});

export const applicationIdSchema = z.object({ id: idSchema });

/** `/applications?stage=…&page=…`: anything unexpected falls back to the unfiltered first page. */
export const applicationListQuerySchema = z.object({
  stage: stageSchema.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

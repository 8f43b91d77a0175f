import { z } from "zod";
import {
  idSchema,
  optionalInt,
  optionalText,
  optionalUrl,
  requiredText,
  searchParamText,
} from "./fields";
import type { ActionState } from "./form";

// Company forms and the companies list's query string. Pure (zod only), so client components
// can import the interest words too.

/** Words for the user's interest in an employer, 1 (low) to 5. */
export const interestLabels: Record<1 | 2 | 3 | 4 | 5, string> = {
  1: "Not keen",
  2: "Would consider",
  3: "Interested",
  4: "Keen",
  5: "Dream employer",
};

export const interestLevels = [1, 2, 3, 4, 5] as const;

export function interestLabel(interest: number | null | undefined): string | undefined {
  return interest && interest in interestLabels
    ? interestLabels[interest as keyof typeof interestLabels]
    : undefined;
}

export const companySchema = z.object({
  name: requiredText("the company name", 200),
  website: optionalUrl(),
  careersUrl: optionalUrl(),
  interest: optionalInt(1, 5),
  notes: optionalText(5000),
});

export type CompanyInput = z.output<typeof companySchema>;

export const updateCompanySchema = companySchema.extend({ id: idSchema });

export const companyIdSchema = z.object({ id: idSchema });

export const COMPANY_SORTS = ["name", "recent"] as const;
export type CompanySort = (typeof COMPANY_SORTS)[number];

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Page number from the query string: anything odd means page 1, and it stays bounded. */
export const pageParam = z.preprocess(
  firstValue,
  z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
);

/** ?q= (name search), ?sort=name|recent, ?page= — forgiving: bad values fall back to defaults. */
export const companyListParamsSchema = z.object({
  q: z.preprocess(searchParamText, z.string().trim().max(200).catch("").default("")),
  sort: z.preprocess(firstValue, z.enum(COMPANY_SORTS).catch("name").default("name")),
  page: pageParam,
});

export type CompanyListParams = z.output<typeof companyListParamsSchema>;

/**
 * What the company form gets back: the usual action state, plus the existing company when the
 * name is taken, so the field error can link to it.
 */
export type CompanyFormState = ActionState & { duplicateOf?: { id: string; name: string } };

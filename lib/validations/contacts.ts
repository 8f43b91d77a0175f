import { z } from "zod";
import { PARTICIPANT_ROLES } from "@/lib/db/schema";
import {
  idSchema,
  optionalEmail,
  optionalText,
  optionalUrl,
  requiredText,
  searchParamText,
  tagList,
} from "@/lib/validations/fields";
import { cadenceMonthsField } from "@/lib/validations/follow-ups";

/** An optional record id from a <select>: "" (the "none" option) means null. */
export const optionalId = () =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? null : (value ?? null)),
    idSchema.nullable(),
  );

/** A list of ids from repeated form fields (one value arrives as a plain string). */
const idList = (max: number) =>
  z.preprocess(
    (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
    z.array(idSchema).max(max, `Choose at most ${max} records.`),
  );

export const contactSchema = z.object({
  fullName: requiredText("their full name", 200),
  title: optionalText(200),
  companyId: optionalId(),
  newCompanyName: optionalText(200),
  email: optionalEmail(),
  phone: optionalText(50),
  linkedinUrl: optionalUrl(),
  tags: tagList(),
  notes: optionalText(5000),
  /** "1, 3, 6, 12": this person's follow-up cadence in months; blank = the user's setting. */
  cadenceMonths: cadenceMonthsField(),
});
export type ContactInput = z.output<typeof contactSchema>;

export const updateContactSchema = contactSchema.extend({ id: idSchema });

export const contactIdSchema = z.object({ id: idSchema });

/** The duplicates form: the group's ids and the one to keep; the others merge into it. */
export const mergeContactsSchema = z
  .object({ keepId: idSchema, ids: idList(50) })
  .transform(({ keepId, ids }) => ({
    keepId,
    mergeIds: [...new Set(ids)].filter((id) => id !== keepId),
  }))
  .refine((value) => value.mergeIds.length > 0, {
    message: "Choose at least one other record to merge.",
    path: ["ids"],
  });

// --- List query (?q=&role=&tag=&sort=&page=) -----------------------------------------------
// Lenient: a bad value in the address bar falls back to the default instead of an error page.

export const CONTACT_SORTS = ["recent", "name"] as const;
export type ContactSort = (typeof CONTACT_SORTS)[number];

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

const contactListQuerySchema = z.object({
  q: z.preprocess(
    searchParamText,
    z
      .string()
      .transform((value) => value.trim().slice(0, 200))
      .optional()
      .catch(undefined),
  ),
  role: z.preprocess(first, z.enum(PARTICIPANT_ROLES).optional().catch(undefined)),
  tag: z.preprocess(
    searchParamText,
    z
      .string()
      .transform((value) => value.trim().toLowerCase())
      .pipe(z.string().max(40))
      .optional()
      .catch(undefined),
  ),
  sort: z.preprocess(first, z.enum(CONTACT_SORTS).catch("recent")),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000).catch(1)),
});

export type ContactListQuery = {
  q?: string;
  role?: (typeof PARTICIPANT_ROLES)[number];
  tag?: string;
  sort: ContactSort;
  page: number;
};

export function parseContactListQuery(
  params: Record<string, string | string[] | undefined>,
): ContactListQuery {
  const parsed = contactListQuerySchema.parse(params);
  return {
    q: parsed.q || undefined,
    role: parsed.role,
    tag: parsed.tag || undefined,
    sort: parsed.sort ?? "recent",
    page: parsed.page ?? 1,
  };
}

import { z } from "zod";
import { PARTICIPANT_ROLES } from "@/lib/db/schema";
import { CONTACT_SORTS } from "@/lib/validations/contacts";
import { searchParamText } from "@/lib/validations/fields";

// ?q=&role=&tag=&sort= of the export URLs: the same filters as the contacts list, so "Export
// CSV" gives exactly the people on screen. Stricter than the list (which falls back to defaults
// for a bad value): an export that silently ignored a filter would hand out more than asked.
// Empty values (a GET form sends `role=` for "Any role") mean "no filter".

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
// Search text without control characters, as on the list (see searchParamText).
const searchFilter = (value: unknown) => blankToUndefined(searchParamText(value));

export const contactExportQuerySchema = z.object({
  q: z.preprocess(
    searchFilter,
    z.string().trim().max(200, "Keep the search under 200 characters.").optional(),
  ),
  role: z.preprocess(
    blankToUndefined,
    z.enum(PARTICIPANT_ROLES, { error: "Unknown role." }).optional(),
  ),
  tag: z.preprocess(
    searchFilter,
    z.string().trim().toLowerCase().max(40, "Tags are under 40 characters.").optional(),
  ),
  sort: z.preprocess(
    blankToUndefined,
    z.enum(CONTACT_SORTS, { error: "Sort by recent or name." }).default("recent"),
  ),
});

export type ContactExportQuery = z.output<typeof contactExportQuerySchema>;

/** The export filter from a URL's query string (first value of each; other keys ignored). */
export function parseContactExportQuery(params: URLSearchParams) {
  const pick = (key: string) => params.get(key) ?? undefined;
  return contactExportQuerySchema.safeParse({
    q: pick("q"),
    role: pick("role"),
    tag: pick("tag"),
    sort: pick("sort"),
  });
}

/** The export URL for a list view: keeps its filters and sort, drops the page. */
export function contactExportHref(
  path: string,
  query: { q?: string; role?: string; tag?: string; sort?: string },
): string {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.role) params.set("role", query.role);
  if (query.tag) params.set("tag", query.tag);
  if (query.sort && query.sort !== "recent") params.set("sort", query.sort);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

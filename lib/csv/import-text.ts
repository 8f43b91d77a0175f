// Words for the import screens that client components need too (lib/csv/import.ts brings the
// CSV parser with it, which has no business in the browser bundle).

export type DuplicateReason = "email" | "linkedin" | "name";

export const DUPLICATE_REASON_TEXT: Record<DuplicateReason, string> = {
  email: "Same email",
  linkedin: "Same LinkedIn URL",
  name: "Same name at the same company",
};

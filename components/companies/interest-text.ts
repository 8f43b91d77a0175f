import { interestLabel } from "@/lib/validations/companies";

/** "Interest 4/5 · Keen", or "Interest not set". */
export function interestText(interest: number | null): string {
  const label = interestLabel(interest);
  return label ? `Interest ${interest}/5 · ${label}` : "Interest not set";
}

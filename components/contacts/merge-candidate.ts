import type { ContactSummary } from "@/lib/db/queries/contacts";
import { formatAgo, formatDay } from "@/lib/format";
import type { MergeCandidate } from "./merge-form";

/** Server-side: a contact summary as the (client) merge form shows it. */
export function toMergeCandidate(contact: ContactSummary): MergeCandidate {
  return {
    id: contact.id,
    fullName: contact.fullName,
    detail: [contact.title, contact.companyName].filter(Boolean).join(" · "),
    email: contact.email,
    interactionCount: contact.interactionCount,
    lastContacted: formatAgo(contact.lastContactedAt),
    added: formatDay(contact.createdAt),
    isSample: contact.isSample,
  };
}

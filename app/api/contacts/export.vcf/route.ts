import { currentUser } from "@/lib/auth/current-user";
import { contactExportPages } from "@/lib/db/queries/contact-export";
import { todayIso } from "@/lib/format";
import { downloadResponse } from "@/lib/http/download";
import { errorResponse } from "@/lib/http/responses";
import { parseContactExportQuery } from "@/lib/validations/contact-export";
import { vcards } from "@/lib/vcard/vcard";

// GET /api/contacts/export.vcf : the user's contacts as vCard 4.0 for an address book, streamed
// page by page. Takes the list's filters like the CSV export (everyone without parameters).
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  const query = parseContactExportQuery(new URL(request.url).searchParams);
  if (!query.success) {
    return errorResponse("invalid", query.error.issues[0]?.message ?? "Check the filters.");
  }
  return downloadResponse(vcards(contactExportPages(user.id, query.data, { withNotes: true })), {
    fileName: `runner-up-contacts-${todayIso()}.vcf`,
    contentType: "text/vcard; charset=utf-8",
  });
}

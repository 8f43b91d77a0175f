import { currentUser } from "@/lib/auth/current-user";
import { contactsCsv } from "@/lib/csv/export";
import { contactExportPages } from "@/lib/db/queries/contact-export";
import { todayIso } from "@/lib/format";
import { downloadResponse } from "@/lib/http/download";
import { errorResponse } from "@/lib/http/responses";
import { parseContactExportQuery } from "@/lib/validations/contact-export";

// GET /api/contacts/export.csv?q=&role=&tag=&sort= : the contacts list's view (everyone when
// there are no parameters) as a spreadsheet-safe CSV, streamed page by page.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  const query = parseContactExportQuery(new URL(request.url).searchParams);
  if (!query.success) {
    return errorResponse("invalid", query.error.issues[0]?.message ?? "Check the filters.");
  }
  return downloadResponse(contactsCsv(contactExportPages(user.id, query.data)), {
    fileName: `runner-up-contacts-${todayIso()}.csv`,
    contentType: "text/csv; charset=utf-8",
  });
}

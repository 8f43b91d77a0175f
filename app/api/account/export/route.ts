import { currentUser } from "@/lib/auth/current-user";
import { accountExportJson } from "@/lib/db/queries/account";
import { todayIso } from "@/lib/format";
import { downloadResponse } from "@/lib/http/download";
import { errorResponse } from "@/lib/http/responses";

// GET /api/account/export : everything the signed-in user owns as one JSON file, streamed
// table by table ("Download all your data" on /settings/account).
export const dynamic = "force-dynamic";

export async function GET() {
  const user = await currentUser();
  if (!user) return errorResponse("unauthenticated");
  return downloadResponse(accountExportJson(user.id), {
    fileName: `runner-up-account-${todayIso()}.json`,
    contentType: "application/json; charset=utf-8",
  });
}

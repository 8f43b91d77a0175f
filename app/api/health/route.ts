import { checkDatabase } from "@/lib/db/queries/health";

// Public liveness/readiness probe: 200 when the database answers, 503 when it does not.
// It reveals nothing about users and takes no input.
export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  const body = { status: database.ok ? "ok" : "unavailable", database };
  return Response.json(body, {
    status: database.ok ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}

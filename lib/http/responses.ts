import { type ErrorCode, statusFor, userMessageFor } from "@/lib/errors";

/** A JSON error for route handlers: `{ "error": "<safe message>" }` with the code's status. */
export function errorResponse(code: ErrorCode, message = userMessageFor(code)): Response {
  return Response.json(
    { error: message },
    { status: statusFor(code), headers: { "Cache-Control": "no-store" } },
  );
}

import { type NextRequest, NextResponse } from "next/server";

// Passes the requested path to server components, so requireUser() can send a signed-out
// visitor to sign-in and back to where they were going. Authentication itself happens in the
// pages and actions (requireUser / withUser), not here.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!api/|_next/|icon|manifest|favicon|sign-in|sign-up).*)"],
};

import { type NextRequest, NextResponse } from "next/server";

// Passes the requested path to server components, so requireUser() can send a signed-out
// visitor to sign-in and back to where they were going. Authentication itself happens in the
// pages and actions (requireUser / withUser), not here.
//
// It runs only for requests without a session cookie: a signed-in browser (nearly every page
// view) skips the proxy and its per-request cost. A cookie that turns out invalid (a deleted
// account, a changed secret) still lands on sign-in, then on the dashboard after it.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/|icon|manifest|favicon|sign-in|sign-up).*)",
      // Auth.js's session cookie, plain or __Secure- (https); chunked cookies keep the proxy.
      missing: [
        { type: "cookie", key: "authjs.session-token" },
        { type: "cookie", key: "__Secure-authjs.session-token" },
      ],
    },
  ],
};

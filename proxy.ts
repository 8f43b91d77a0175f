import { type NextRequest, NextResponse } from "next/server";
import { env, oauthProviders } from "@/lib/env";
import {
  createNonce,
  oauthFormTargets,
  pageContentSecurityPolicy,
} from "@/lib/http/content-security-policy";

// Runs before every page (API routes and static files are matched out below):
// - sets the page's Content-Security-Policy around a fresh nonce. Next.js reads the nonce from
//   the request's policy header and puts it on its own scripts; the browser gets the same policy.
// - passes the requested path to server components, so requireUser() can send a signed-out
//   visitor to sign-in and back to where they were going. Authentication itself happens in
//   the pages and actions (requireUser / withUser), not here.

const formTargets = [
  ...(oauthProviders.github ? [oauthFormTargets.github] : []),
  ...(oauthProviders.google ? [oauthFormTargets.google] : []),
];

export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({
    nonce: createNonce(),
    development: env.NODE_ENV === "development",
    formTargets,
  });
  const headers = new Headers(request.headers);
  headers.set("x-pathname", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // Everything but API routes (their policy is in next.config.ts) and build assets.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};

import type { NextConfig } from "next";
import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { apiContentSecurityPolicy } from "./lib/http/content-security-policy";

// Headers for every answer. Pages get their Content-Security-Policy (with a per-request nonce)
// from proxy.ts; API answers get a policy that allows nothing, set here.
function securityHeaders(production: boolean) {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Browsers only honour HSTS over HTTPS, so it is harmless on plain-HTTP local runs; the
    // development server leaves it out so localhost is never pinned to HTTPS.
    ...(production
      ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
      : []),
  ];
}

export default function nextConfig(phase: string): NextConfig {
  const production = phase !== PHASE_DEVELOPMENT_SERVER;
  return {
    // PGlite ships a wasm file and argon2 a native addon: load them from node_modules at runtime
    // instead of bundling (bundling would copy the wasm into public static files).
    serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "postgres"],
    poweredByHeader: false,
    typedRoutes: false,
    experimental: {
      // Contact imports post the CSV file (up to 5 MB) to a server action; the default is 1 MB.
      // A little above 5 MB so an oversized file still reaches the action and gets its message.
      serverActions: { bodySizeLimit: "8mb" },
    },
    async headers() {
      return [
        { source: "/:path*", headers: securityHeaders(production) },
        {
          source: "/api/:path*",
          headers: [{ key: "Content-Security-Policy", value: apiContentSecurityPolicy }],
        },
      ];
    },
  };
}

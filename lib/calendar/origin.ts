// The public origin the browser (or a calendar app) used to reach us, for links we hand out.
// Proxies say it in X-Forwarded-Host / X-Forwarded-Proto; `next start` sets them too.

type HeaderReader = { get(name: string): string | null };

// A host name, IPv4 or bracketed IPv6 address, with an optional port: nothing that could
// break out of a URL (no slashes, "@", spaces or quotes).
const HOST_PATTERN = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function first(value: string | null): string | undefined {
  const item = value?.split(",")[0]?.trim();
  return item ? item : undefined;
}

/** "https://app.example.com" from the request headers, or `fallback` when they are unusable. */
export function requestOrigin(headers: HeaderReader, fallback: string): string {
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
  if (!host || !HOST_PATTERN.test(host)) return fallback.replace(/\/+$/, "");
  const proto = first(headers.get("x-forwarded-proto"))?.toLowerCase();
  // Next.js itself speaks plain HTTP; TLS in front of it is announced by X-Forwarded-Proto.
  const scheme = proto === "https" ? "https" : "http";
  return `${scheme}://${host.toLowerCase()}`;
}

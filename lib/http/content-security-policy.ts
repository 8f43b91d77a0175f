// The Content-Security-Policy of every page, built per request around a fresh nonce.
//
// Next.js marks its own inline bootstrap scripts with the nonce it finds in the request's
// Content-Security-Policy header, and 'strict-dynamic' lets those trusted scripts load the
// framework's chunks; nothing else may run, so injected markup cannot execute script.
// Styles allow 'unsafe-inline' because server-rendered `style` attributes (progress bars)
// cannot carry a nonce; style injection cannot run code. React's development build needs
// eval for its debugging tools, so 'unsafe-eval' appears in development only.

export type PolicyOptions = {
  nonce: string;
  development: boolean;
  /** Hosts a sign-in form may hand over to (OAuth providers redirect the form post there). */
  formTargets?: readonly string[];
};

/** OAuth providers' authorisation hosts, for form-action, when they are configured. */
export const oauthFormTargets = {
  github: "https://github.com",
  google: "https://accounts.google.com",
} as const;

export function pageContentSecurityPolicy({
  nonce,
  development,
  formTargets = [],
}: PolicyOptions): string {
  const scriptSources = ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"];
  if (development) scriptSources.push("'unsafe-eval'");
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": scriptSources,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // Development needs a websocket for hot reloading; production only talks to itself.
    "connect-src": development ? ["'self'", "ws:"] : ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...formTargets],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** API answers are data and files, never documents to render: they may load nothing. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** A nonce with 128 bits of randomness, base64 as CSP expects. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** A policy as directive name → values, for checking one (tests, reviews). */
export function parseContentSecurityPolicy(policy: string): Map<string, string[]> {
  const parsed = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) parsed.set(name, values);
  }
  return parsed;
}

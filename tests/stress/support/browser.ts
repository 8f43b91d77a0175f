import { execFileSync } from "node:child_process";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { SESSION_COOKIE } from "./sessions";

// The machine's Chromium, for the checks where what matters is what a person sees: an error
// page that the server sends as a shell and the browser fills in from the page's data.

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {}
  }
  throw new Error("No Chromium found: install Debian's `chromium` package or set CHROMIUM_PATH.");
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
}

/** A browser context signed in with the given session cookie (`name=value`). */
export async function signedInContext(
  browser: Browser,
  base: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext();
  const value = cookie.slice(`${SESSION_COOKIE}=`.length);
  await context.addCookies([{ name: SESSION_COOKIE, value, url: base }]);
  return context;
}

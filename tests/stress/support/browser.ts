import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import { chromiumArgs, findChromium } from "../../../scripts/chromium";
import { SESSION_COOKIE } from "./sessions";

// The machine's Chromium, for the checks where what matters is what a person sees: an error
// page that the server sends as a shell and the browser fills in from the page's data.

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
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

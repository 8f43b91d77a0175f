import { execFileSync } from "node:child_process";

// The machine's Chromium (Debian's `chromium`), for Playwright, the stress tests and the
// benchmark's browser measurements: browsers cannot be downloaded here.

export function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {}
  }
  throw new Error("No Chromium found: install Debian's `chromium` package or set CHROMIUM_PATH.");
}

/**
 * Headless flags for a closed network: without the background-networking ones, Chromium keeps
 * trying to reach Google's services and fills the logs with refused connections.
 */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

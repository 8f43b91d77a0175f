import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { chromiumArgs, findChromium } from "./chromium";

// The browser half of `npm run bench`: what a signed-in page costs the phone that opens it.
// 1. First-load JavaScript: each page opened in Chromium, every script it loads counted, raw
//    and gzip-compressed (the build output of Next 16 no longer prints sizes).
// 2. Lighthouse (npm `lighthouse`, default mobile profile) performance and accessibility.
// Both use the machine's Chromium and talk to nothing but the server on loopback.

export type PageJavaScript = { page: string; scripts: number; rawBytes: number; gzipBytes: number };
export type LighthouseScores = {
  page: string;
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  /** Accessibility or performance audits that did not pass, by id. */
  failedAudits: string[];
};
export type BrowserReport = {
  chromium: string;
  javascript: PageJavaScript[];
  lighthouseVersion: string;
  lighthouseRuns: number;
  lighthouse: LighthouseScores[];
};

// Quiet, offline Chromium: no update checks, no sync, nothing but the page under test.
const CHROMIUM_FLAGS = ["--headless", ...chromiumArgs];

function cookieParts(cookie: string) {
  const index = cookie.indexOf("=");
  return { name: cookie.slice(0, index), value: cookie.slice(index + 1) };
}

/** Scripts a page loads from navigation until the network has been idle for 500 ms. */
async function firstLoadJavaScript(
  executablePath: string,
  base: string,
  cookie: string,
  pages: string[],
): Promise<PageJavaScript[]> {
  const browser = await chromium.launch({
    executablePath,
    args: CHROMIUM_FLAGS.filter((flag) => flag !== "--headless"),
  });
  try {
    const context = await browser.newContext();
    await context.addCookies([{ ...cookieParts(cookie), url: base }]);
    const measured: PageJavaScript[] = [];
    for (const page of pages) {
      const tab = await context.newPage();
      const bodies: Promise<Buffer | null>[] = [];
      tab.on("response", (response) => {
        if (response.request().resourceType() !== "script") return;
        bodies.push(response.body().catch(() => null));
      });
      const response = await tab.goto(`${base}${page}`, { waitUntil: "networkidle" });
      if (response?.status() !== 200) {
        throw new Error(`${page} answered ${response?.status()} in the browser`);
      }
      const scripts = (await Promise.all(bodies)).filter((body): body is Buffer => body !== null);
      measured.push({
        page,
        scripts: scripts.length,
        rawBytes: scripts.reduce((sum, body) => sum + body.length, 0),
        gzipBytes: scripts.reduce((sum, body) => sum + gzipSync(body).length, 0),
      });
      await tab.close();
    }
    return measured;
  } finally {
    await browser.close();
  }
}

/** Starts Chromium with a DevTools port of its own choosing, for Lighthouse to drive. */
async function startDebuggableChromium(executablePath: string) {
  const profile = mkdtempSync(path.join(os.tmpdir(), "runner-up-lighthouse-"));
  const child = spawn(
    executablePath,
    [
      ...CHROMIUM_FLAGS,
      "--remote-debugging-port=0",
      `--user-data-dir=${profile}`,
      "--remote-allow-origins=*",
      "about:blank",
    ],
    { stdio: "ignore" },
  );
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    }
    rmSync(profile, { recursive: true, force: true });
  };
  // Chromium writes the port it picked to DevToolsActivePort in its profile folder.
  for (let i = 0; i < 100; i++) {
    try {
      const port = Number(
        readFileSync(path.join(profile, "DevToolsActivePort"), "utf8").split("\n")[0],
      );
      if (port > 0) return { port, stop };
    } catch {}
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error("Chromium did not open its DevTools port");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function lighthouseScores(
  executablePath: string,
  base: string,
  cookie: string,
  pages: string[],
  runs: number,
): Promise<LighthouseScores[]> {
  const { default: lighthouse } = await import("lighthouse");
  const chrome = await startDebuggableChromium(executablePath);
  try {
    const scores: LighthouseScores[] = [];
    for (const page of pages) {
      const attempts: LighthouseScores[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await lighthouse(`${base}${page}`, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: ["performance", "accessibility"],
          // The session cookie on every request, as a signed-in browser sends it.
          extraHeaders: { Cookie: cookie },
        });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned nothing for ${page}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        if (lhr.finalDisplayedUrl && !lhr.finalDisplayedUrl.includes(page)) {
          throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${page}`);
        }
        const audit = (id: string) => lhr.audits[id]?.numericValue ?? 0;
        const failedAudits = ["performance", "accessibility"].flatMap((category) =>
          (lhr.categories[category]?.auditRefs ?? [])
            .filter((ref) => ref.weight > 0)
            .filter((ref) => {
              const score = lhr.audits[ref.id]?.score;
              return (
                score !== null &&
                score !== undefined &&
                score < (category === "accessibility" ? 1 : 0.9)
              );
            })
            .map((ref) => ref.id),
        );
        attempts.push({
          page,
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          fcp: audit("first-contentful-paint"),
          lcp: audit("largest-contentful-paint"),
          tbt: audit("total-blocking-time"),
          cls: audit("cumulative-layout-shift"),
          failedAudits,
        });
      }
      // The median run by performance score (Lighthouse varies run to run); accessibility
      // is deterministic, and the lowest one is kept should it not be.
      const middle = attempts.find(
        (attempt) => attempt.performance === median(attempts.map((a) => a.performance)),
      )!;
      scores.push({
        ...middle,
        accessibility: Math.min(...attempts.map((attempt) => attempt.accessibility)),
        failedAudits: [...new Set(attempts.flatMap((attempt) => attempt.failedAudits))],
      });
      console.info(
        `  Lighthouse ${page.padEnd(12)} performance ${middle.performance} (runs: ${attempts.map((a) => a.performance).join(", ")})  accessibility ${Math.min(...attempts.map((a) => a.accessibility))}`,
      );
    }
    return scores;
  } finally {
    await chrome.stop();
  }
}

export async function measureInBrowser(options: {
  base: string;
  cookie: string;
  pages: string[];
  lighthousePages: string[];
  lighthouseRuns?: number;
}): Promise<BrowserReport> {
  const executablePath = findChromium();
  const version = execFileSync(executablePath, ["--version"], { encoding: "utf8" }).trim();
  const javascript = await firstLoadJavaScript(
    executablePath,
    options.base,
    options.cookie,
    options.pages,
  );
  for (const page of javascript) {
    console.info(
      `  JavaScript ${page.page.replace(/[0-9a-f-]{36}/, ":id").padEnd(22)} ${page.scripts} scripts, ${(page.rawBytes / 1024).toFixed(1)} kB raw, ${(page.gzipBytes / 1024).toFixed(1)} kB gzip`,
    );
  }
  const runs = options.lighthouseRuns ?? 3;
  const lighthouse = await lighthouseScores(
    executablePath,
    options.base,
    options.cookie,
    options.lighthousePages,
    runs,
  );
  const lighthouseVersion = (
    JSON.parse(
      readFileSync(path.join(process.cwd(), "node_modules", "lighthouse", "package.json"), "utf8"),
    ) as { version: string }
  ).version;
  return { chromium: version, javascript, lighthouseVersion, lighthouseRuns: runs, lighthouse };
}

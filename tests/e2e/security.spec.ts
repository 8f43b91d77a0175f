import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { APIResponse, Page, Request as PlaywrightRequest } from "@playwright/test";
import { parseContentSecurityPolicy } from "../../lib/http/content-security-policy";
import { sentinelNeedles } from "../support/secret-sentinels";
import { expect, newAccount, signUp, test } from "./fixtures";

// Security properties of the production build as a browser meets them: response headers,
// the Content-Security-Policy actually holding while the app works, session cookie flags,
// Next's origin check on server actions, and no server-only secret in anything sent out.

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // The e2e servers run the production build, exactly as deployed.
  expect(headers["strict-transport-security"]).toMatch(/^max-age=\d{7,}; includeSubDomains$/);
  expect(headers["x-powered-by"]).toBeUndefined();
}

/** Collects the browser's CSP violation reports while a test uses the app. */
function watchPolicyViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) {
      violations.push(message.text());
    }
  });
  return violations;
}

test.describe("security headers", () => {
  test("pages carry a nonce-based policy without eval; API answers allow nothing", async ({
    request,
  }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    expectCommonHeaders(first);
    const policy = parseContentSecurityPolicy(first.headers()["content-security-policy"] ?? "");
    const scripts = policy.get("script-src") ?? [];
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);

    // The nonce is fresh per request and is the one on the page's own scripts.
    const nonce = scripts.find((value) => value.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toBeTruthy();
    expect(second.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
    const html = await first.text();
    const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scriptTags.length).toBeGreaterThan(0);
    for (const tag of scriptTags) expect(tag).toContain(`nonce="${nonce}"`);

    const api = await request.get("/api/health");
    expectCommonHeaders(api);
    expect(api.headers()["content-security-policy"]).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  test("the app works under its policy: no violation while signing up and using pages", async ({
    page,
  }) => {
    const violations = watchPolicyViolations(page);
    await signUp(page, newAccount("Policy Tester"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/contacts/new");
    await page.getByLabel("Full name").fill("Robin Policy");
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("heading", { name: "Robin Policy", level: 1 })).toBeVisible();
    // Client-side navigation works, which needs the framework's scripts to have run.
    await page.goto("/contacts");
    await page.getByRole("link", { name: "Robin Policy" }).first().click();
    await expect(page.getByRole("heading", { name: "Robin Policy", level: 1 })).toBeVisible();
    await page.goto("/settings");
    await page.goto("/does-not-exist");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(violations).toEqual([]);
  });

  test("markup injected into a page cannot run script", async ({ page }) => {
    // What an injection would look like if a field ever reached the page as HTML: an inline
    // event handler and a parser-inserted script, neither carrying the nonce.
    const violations = watchPolicyViolations(page);
    await page.goto("/sign-in");
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        "beforeend",
        '<img src="/missing.png" alt="" onerror="window.__injected = true">',
      );
      const holder = document.createElement("div");
      holder.innerHTML = '<iframe srcdoc="<script>parent.__injected = true</script>"></iframe>';
      document.body.append(holder);
    });
    // Both attempts are refused and reported: the handler and the frame's script.
    await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
    expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBe(
      undefined,
    );
  });
});

test.describe("session cookies", () => {
  test("are HttpOnly and SameSite=Lax over HTTP", async ({ signedInPage: page }) => {
    const cookies = await page.context().cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("authjs.session-token"));
    expect(session).toBeDefined();
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe("Lax");
  });

  test("are Secure with the __Secure- prefix behind an HTTPS proxy", async ({
    page,
    playwright,
  }) => {
    const account = newAccount("Secure Cookie");
    await signUp(page, account);
    await expect(page).toHaveURL(/\/dashboard$/);
    // A fresh client behind a TLS-terminating proxy: Auth.js decides cookie security from the
    // forwarded protocol.
    const request = await playwright.request.newContext({
      baseURL: test.info().project.use.baseURL,
      extraHTTPHeaders: { "X-Forwarded-Proto": "https" },
    });
    try {
      const csrfResponse = await request.get("/api/auth/csrf");
      const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
      const signIn = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: account.email, password: account.password },
        maxRedirects: 0,
      });
      expect(signIn.status()).toBe(302);
      expect(signIn.headers().location).not.toContain("error");
      const setCookies = signIn
        .headersArray()
        .filter((header) => header.name.toLowerCase() === "set-cookie")
        .map((header) => header.value);
      const session = setCookies.find((value) =>
        value.startsWith("__Secure-authjs.session-token="),
      );
      expect(session, setCookies.join("\n")).toBeDefined();
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await request.dispose();
    }
  });
});

test.describe("server actions", () => {
  test("refuse a post from another origin and change nothing", async ({ signedInPage: page }) => {
    await page.goto("/contacts/new");
    await page.getByLabel("Full name").fill("Forged Origin");
    // Capture the browser's real action request and hold it back, then replay it as a hostile
    // site would (the user's cookie, another origin) and as the app itself does.
    const captured = new Promise<PlaywrightRequest>((resolve) => {
      void page.route("**/contacts/new", async (route) => {
        if (route.request().method() !== "POST") return route.continue();
        resolve(route.request());
        await route.abort();
      });
    });
    await page.getByRole("button", { name: "Add contact" }).click();
    const action = await captured;
    await page.unrouteAll();
    const headers = Object.fromEntries(
      Object.entries(await action.allHeaders()).filter(
        ([name]) => !["host", "content-length", "origin", "cookie"].includes(name),
      ),
    );
    const post = (origin: string) =>
      page.request.post(action.url(), {
        headers: { ...headers, origin },
        data: action.postDataBuffer() ?? undefined,
        maxRedirects: 0,
      });

    const forged = await post("https://attacker.example");
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    await page.goto("/contacts?q=Forged");
    await expect(page.getByRole("link", { name: "Forged Origin" })).toHaveCount(0);

    // The same request from the app's own origin goes through: the replay itself is sound.
    const genuine = await post(new URL(action.url()).origin);
    expect(genuine.status()).toBeLessThan(400);
    await page.goto("/contacts?q=Forged");
    await expect(page.getByRole("link", { name: "Forged Origin" })).toHaveCount(1);
  });
});

test.describe("secrets", () => {
  // Skipped on the phone project only: the bundles and pages scanned do not depend on the
  // viewport, so the desktop run covers them.
  test.skip(
    ({ isMobile }) => isMobile,
    "The build and the pages are the same for every viewport; scanned once, at desktop.",
  );

  function filesUnder(folder: string): string[] {
    return readdirSync(folder).flatMap((name) => {
      const full = path.join(folder, name);
      return statSync(full).isDirectory() ? filesUnder(full) : [full];
    });
  }

  test("no server-only value is in the client bundles", () => {
    const files = filesUnder(path.join(process.cwd(), ".next", "static"));
    expect(files.filter((file) => file.endsWith(".js")).length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(file, "latin1");
      for (const needle of sentinelNeedles()) {
        expect(text.includes(needle), `${needle} found in ${file}`).toBe(false);
      }
    }
  });

  test("no server-only value is in the pages or their server component payloads", async ({
    signedInPage: page,
  }) => {
    for (const pathname of ["/dashboard", "/contacts", "/settings", "/settings/account"]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await page.request.get(pathname, { headers });
        expect(response.status()).toBe(200);
        const body = await response.text();
        for (const needle of sentinelNeedles()) {
          expect(body.includes(needle), `${needle} in ${pathname}`).toBe(false);
        }
      }
    }
  });
});

import type { Page } from "@playwright/test";
import { parseContentLine, unescapeText, unfold } from "../support/ical-reader";
import { expect, newAccount, signUp, test } from "./fixtures";

// Hostile text typed through the real forms must come back as text on every page that shows
// it, and in the exports: no markup injected, no script run. Each payload, if it ever ran,
// would set window.__pwned and open an alert, so both are watched as well as the DOM.

const USER_NAME = `<svg/onload=window.__pwned='name';alert('name')>`;
const COMPANY = `"><img src=x onerror="window.__pwned='company';alert('company')">`;
const PERSON = `<script>window.__pwned='person';alert('person')</script> Zoë 👩🏽‍💻`;
const TITLE = `'; drop table contacts; -- «quoted»`;
const JOB = `<iframe src="javascript:alert('job')"></iframe> Engineer`;
const SUMMARY = `<img src=x onerror=alert('summary')> talked about <b>bold</b> plans`;
const REASON = `Ask about \u202Eevil\u202C <a href="javascript:alert('reason')">offer</a>`;

/** Each property's values in a vCard stream, unfolded and unescaped (simple properties only). */
function vcardValues(text: string): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  for (const line of unfold(text)) {
    const { name, value } = parseContentLine(line);
    if (["FN", "ORG", "TITLE", "NOTE"].includes(name)) {
      values[name] = [...(values[name] ?? []), unescapeText(value)];
    }
  }
  return values;
}

/** Watches for alert()/confirm() dialogs for the whole test. */
function watchDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on("dialog", async (dialog) => {
    opened.push(dialog.message());
    await dialog.dismiss();
  });
  return opened;
}

/** Nothing typed became markup, and nothing typed ran. */
async function expectInert(page: Page, dialogs: string[]) {
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await expect(page.locator("iframe, svg[onload], [onerror], a[href^='javascript:']")).toHaveCount(
    0,
  );
  // Next inlines page data in <script> tags as JSON strings; a script whose code *is* a
  // payload would be an injection.
  const injectedScripts = await page
    .locator("script")
    .evaluateAll(
      (scripts) =>
        scripts.filter((script) => script.textContent?.trim().startsWith("window.__pwned")).length,
    );
  expect(injectedScripts).toBe(0);
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  // A long unbroken word wraps: the page never gets wider than the screen (on a phone that
  // shifted the layout sideways and put the tab bar over the buttons).
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: document.documentElement.clientWidth,
  }));
  expect(widths.page, page.url()).toBeLessThanOrEqual(widths.screen);
}

test.describe("hostile input", () => {
  test("names and notes full of markup are stored and shown as text everywhere", async ({
    page,
  }) => {
    test.slow();
    const dialogs = watchDialogs(page);
    const today = new Date().toISOString().slice(0, 10);

    await signUp(page, newAccount(USER_NAME));
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(
      page.getByRole("heading", { name: `Hello, ${USER_NAME}`, level: 1 }),
    ).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveText(USER_NAME);
    await expectInert(page, dialogs);

    // A company, then a person at it.
    await page.goto("/companies/new");
    await page.getByLabel("Name", { exact: true }).fill(COMPANY);
    await page.getByLabel("Notes").fill(`${SUMMARY}\nsecond line`);
    await page.getByRole("button", { name: "Add company" }).click();
    await expect(page.getByRole("heading", { name: COMPANY, level: 1 })).toBeVisible();
    await expect(page.getByText(SUMMARY)).toBeVisible();
    const companyPath = new URL(page.url()).pathname;
    await expectInert(page, dialogs);

    await page.goto("/contacts/new");
    await page.getByLabel("Full name").fill(PERSON);
    await page.getByLabel("Title").fill(TITLE);
    await page.getByLabel("Company", { exact: true }).selectOption({ label: COMPANY });
    await page.getByLabel("Tags").fill("<b>vip</b>, 'quoted'");
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("heading", { name: PERSON, level: 1 })).toBeVisible();
    const contactPath = new URL(page.url()).pathname;
    await expect(page.getByText(TITLE).first()).toBeVisible();
    await expect(page.getByText("<b>vip</b>").first()).toBeVisible();

    // An interaction and a follow-up due today, which the dashboard shows.
    await page.getByLabel("Summary").fill(SUMMARY);
    await page.getByRole("button", { name: "Log interaction" }).click();
    await expect(page.getByText(SUMMARY)).toBeVisible();
    await page.getByLabel("When").fill(today);
    await page.getByLabel("What about").fill(REASON);
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByText(/Follow-up added for/)).toBeVisible();
    await page.reload();
    await expect(page.getByText(REASON).first()).toBeVisible();
    await expectInert(page, dialogs);

    // An application at the company.
    await page.goto(companyPath);
    await page.getByRole("link", { name: "Add an application" }).first().click();
    await expect(page.getByRole("heading", { name: "New application" })).toBeVisible();
    await page.getByLabel("Job title").fill(JOB);
    await expect(page.getByLabel("Job title")).toHaveValue(JOB);
    await page.getByRole("button", { name: "Save application" }).click();
    await expect(page.getByRole("heading", { name: JOB, level: 1 })).toBeVisible();
    await expectInert(page, dialogs);

    // Every list and page that shows these records.
    const views: [string, string[]][] = [
      ["/dashboard", [REASON, PERSON]],
      ["/companies", [COMPANY]],
      [companyPath, [COMPANY, PERSON, JOB]],
      ["/contacts", [PERSON, COMPANY]],
      [`/contacts?q=${encodeURIComponent("<script>")}`, [PERSON]],
      [contactPath, [PERSON, TITLE, SUMMARY, REASON]],
      ["/applications", [JOB, COMPANY]],
    ];
    for (const [path, texts] of views) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      for (const text of texts) {
        await expect(
          page.getByText(text, { exact: false }).first(),
          `${path}: ${text}`,
        ).toBeVisible();
      }
      await expectInert(page, dialogs);
    }

    // Control characters in the address bar's search are ignored, not a server error.
    for (const path of ["/contacts?q=%00", "/companies?q=a%00b", "/openings?what=%00&where=%00"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
    }

    // The exports carry the text as text: CSV cells quoted, vCard values escaped.
    const csv = await (await page.request.get("/api/contacts/export.csv")).text();
    expect(csv).toContain(`"${PERSON}"`);
    expect(csv).toContain(`"${COMPANY.replaceAll('"', '""')}"`);
    const vcardResponse = await page.request.get(`/api/contacts${contactPath.slice(9)}/vcard`);
    expect(vcardResponse.status()).toBe(200);
    // vCard folds long lines and escapes ";" and ","; read back, each value is what was typed.
    const card = vcardValues(await vcardResponse.text());
    expect(card.FN).toEqual([PERSON]);
    expect(card.ORG).toEqual([COMPANY]);
    expect(card.TITLE).toEqual([TITLE]);
    const allCards = vcardValues(await (await page.request.get("/api/contacts/export.vcf")).text());
    expect(allCards.FN).toEqual([PERSON]);

    expect(dialogs).toEqual([]);
  });

  test("a form refused for a too long or blank value keeps the hostile text typed", async ({
    signedInPage: page,
  }) => {
    const dialogs = watchDialogs(page);
    await page.goto("/companies/new");
    // Whitespace only is no name; the notes, over their limit, are kept for fixing.
    await page.getByLabel("Name", { exact: true }).fill("   ");
    const tooLong = `${COMPANY} ${"<b>x</b>".repeat(700)}`;
    await page.getByLabel("Notes").fill(tooLong);
    await page.getByRole("button", { name: "Add company" }).click();
    await expect(page.getByText(/Enter the company name/).first()).toBeVisible();
    await expect(page.getByText(/Keep this under 5000 characters/).first()).toBeVisible();
    await expect(page.getByLabel("Notes")).toHaveValue(tooLong);
    await expectInert(page, dialogs);
  });
});

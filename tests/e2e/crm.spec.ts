import type { Page } from "@playwright/test";
import { expect, newAccount, signUp, test } from "./fixtures";
import { createRejectedProcess, fourPeople } from "./flows";

async function addCompany(page: Page, name: string) {
  await page.goto("/companies/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Website").fill("northwind.example");
  await page.getByRole("button", { name: "Add company" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
}

async function addContact(page: Page, fields: { name: string; email?: string; title?: string }) {
  await page.goto("/contacts/new");
  await page.getByLabel("Full name").fill(fields.name);
  if (fields.title) await page.getByLabel("Title").fill(fields.title);
  if (fields.email) await page.getByLabel("Email").fill(fields.email);
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByRole("heading", { name: fields.name, level: 1 })).toBeVisible();
}

test.describe("the contact-centric CRM", () => {
  test("from a company to a rejected application with the people met, found again by search", async ({
    signedInPage: page,
  }) => {
    // A company, an application, three people through quick capture with the interview logged,
    // then the rejection, which leads straight to the thank-you step.
    const people = fourPeople.slice(0, 3);
    await createRejectedProcess(page, people);
    for (const person of people) {
      await expect(page.getByRole("link", { name: person.name }).first()).toBeVisible();
      await expect(page.getByText(person.line).first()).toBeVisible();
    }
    const thankYou = page.locator("#thank-you");
    await expect(thankYou.getByRole("heading", { name: "Thank-you notes" })).toBeVisible();
    for (const person of people) await expect(thankYou.getByText(person.name)).toBeVisible();
    await expect(page.getByText("Rejected").first()).toBeVisible();

    // Search finds a person by company; their page shows the process and the logged interview.
    await page.goto("/contacts");
    await page
      .getByRole("searchbox")
      .or(page.getByLabel("Search", { exact: true }))
      .first()
      .fill("northwind");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/q=northwind/);
    for (const person of people)
      await expect(page.getByRole("link", { name: person.name })).toBeVisible();
    await page.getByRole("link", { name: "Dana Reyes" }).click();
    await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: "Dana Reyes", level: 1 })).toBeVisible();
    await expect(page.getByText("Senior Platform Engineer").first()).toBeVisible();
    await expect(page.getByText("Hiring manager").first()).toBeVisible();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText("Interview", { exact: true })).toBeVisible();
  });

  test("merges two records of one person and deletes a contact", async ({ signedInPage: page }) => {
    await addContact(page, {
      name: "Alex Morgan",
      email: "alex@contoso.example",
      title: "Recruiter",
    });
    await page.getByLabel("Summary").fill("Intro call about the data team");
    await page.getByRole("button", { name: "Log interaction" }).click();
    await expect(page.getByText("Intro call about the data team")).toBeVisible();

    await addContact(page, { name: "Alexandra Morgan", email: "ALEX@contoso.example" });
    await page.getByLabel("Summary").fill("Coffee after the meetup");
    await page.getByRole("button", { name: "Log interaction" }).click();
    await expect(page.getByText("Coffee after the meetup")).toBeVisible();

    await page.goto("/contacts/duplicates");
    await page.getByLabel("Keep Alex Morgan").check();
    await page.getByRole("button", { name: /Merge 2 records/ }).click();
    await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();
    // Every interaction of both records is kept on the survivor.
    await expect(page.getByText("Intro call about the data team")).toBeVisible();
    await expect(page.getByText("Coffee after the meetup")).toBeVisible();

    await page.goto("/contacts");
    await expect(page.getByRole("link", { name: "Alexandra Morgan" })).toHaveCount(0);
    await page.getByRole("link", { name: "Alex Morgan" }).click();

    await page.getByRole("button", { name: "Delete" }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText("interaction");
    await dialog.getByRole("button", { name: "Delete contact" }).click();
    await expect(page).toHaveURL(/\/contacts$/);
    await expect(page.getByRole("link", { name: "Alex Morgan" })).toHaveCount(0);
  });

  test("invalid input keeps what was typed", async ({ signedInPage: page }) => {
    await page.goto("/companies/new");
    await page.getByLabel("Website").fill("not a url at all");
    await page.getByLabel("Notes").fill("Met them at a conference");
    await page.getByRole("button", { name: "Add company" }).click();
    await expect(
      page.getByText(/Enter a company name|Enter the company name|Enter a name/i).first(),
    ).toBeVisible();
    await expect(page.getByLabel("Notes")).toHaveValue("Met them at a conference");
    await expect(page.getByLabel("Website")).toHaveValue("not a url at all");
  });

  test("another user's records answer 404", async ({ browser }) => {
    const owner = await browser.newContext();
    const intruder = await browser.newContext();
    const a = await owner.newPage();
    const b = await intruder.newPage();
    await signUp(a, newAccount("Owner One"));
    await expect(a).toHaveURL(/\/dashboard$/);
    await addCompany(a, "Private Co");
    const companyUrl = new URL(a.url()).pathname;
    await addContact(a, { name: "Secret Person", email: "secret@private.example" });
    const contactUrl = new URL(a.url()).pathname;

    await signUp(b, newAccount("Intruder Two"));
    await expect(b).toHaveURL(/\/dashboard$/);
    for (const path of [companyUrl, `${companyUrl}/edit`, contactUrl, `${contactUrl}/edit`]) {
      const response = await b.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(b.getByText("Secret Person")).toHaveCount(0);
    }
    await owner.close();
    await intruder.close();
  });
});

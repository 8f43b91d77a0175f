import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

export type Person = { name: string; role: string; line: string; email?: string };

export const fourPeople: Person[] = [
  {
    name: "Dana Reyes",
    role: "hiring_manager",
    line: "their move to Kubernetes",
    email: "dana@northwind.example",
  },
  { name: "Priya Natarajan", role: "recruiter", line: "relocation support" },
  { name: "Tom Becker", role: "interviewer", line: "incident reviews" },
  { name: "Ana Silva", role: "interviewer", line: "the on-call rotation" },
];

/** Through the UI: a company, a final-round application, its people, then the rejection. */
export async function createRejectedProcess(page: Page, people: Person[] = fourPeople) {
  await page.goto("/companies/new");
  await page.getByLabel("Name", { exact: true }).fill("Northwind Traders");
  await page.getByRole("button", { name: "Add company" }).click();
  await expect(page.getByRole("heading", { name: "Northwind Traders", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Add an application" }).first().click();
  await expect(page.getByRole("heading", { name: "New application" })).toBeVisible();
  await page.getByLabel("Job title").fill("Senior Platform Engineer");
  await page.getByLabel("Stage").selectOption("final_round");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(
    page.getByRole("heading", { name: "Senior Platform Engineer", level: 1 }),
  ).toBeVisible();

  await page.getByRole("link", { name: "Quick capture: add people you met" }).first().click();
  await expect(page).toHaveURL(/\/capture$/);
  const rows = page.getByTestId("capture-row");
  for (const [index, person] of people.entries()) {
    if ((await rows.count()) <= index)
      await page.getByRole("button", { name: "Add another person" }).click();
    const row = rows.nth(index);
    await row.getByLabel("Name").fill(person.name);
    await row.getByLabel("Role").selectOption(person.role);
    await row.getByLabel("What you talked about (one line)").fill(person.line);
    if (person.email) await row.getByLabel("Email (optional)").fill(person.email);
  }
  await page.getByRole("button", { name: "Save everyone" }).click();
  await expect(
    page.getByRole("heading", { name: "Senior Platform Engineer", level: 1 }),
  ).toBeVisible();

  await page.getByLabel("New stage").selectOption("rejected");
  await page.getByRole("button", { name: "Change stage" }).click();
  await expect(page).toHaveURL(/rejected=1/);
}

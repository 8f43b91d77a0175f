import { randomUUID } from "node:crypto";
import { test as base, expect, type Page } from "@playwright/test";

export type Account = { name: string; email: string; password: string };

export function newAccount(name = "Jordan Avery"): Account {
  return { name, email: `e2e-${randomUUID()}@example.test`, password: "a long enough password" };
}

export async function signUp(page: Page, account: Account, path = "/sign-up") {
  await page.goto(path);
  await page.getByLabel("Your name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signIn(page: Page, account: Pick<Account, "email" | "password">) {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A signed-in page for tests that only need "some user"; each test gets its own account. */
export const test = base.extend<{ account: Account; signedInPage: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright requires the fixtures argument to be destructured.
  account: async ({}, use) => {
    await use(newAccount());
  },
  signedInPage: async ({ page, account }, use) => {
    await signUp(page, account);
    await expect(page).toHaveURL(/\/dashboard$/);
    await use(page);
  },
});

export { expect };

import { expect, newAccount, signIn, signUp, test } from "./fixtures";

test.describe("accounts", () => {
  test("sign up lands signed in on the dashboard, sign out, sign in again", async ({ page }) => {
    const account = newAccount("Riley Chen");
    await signUp(page, account);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Hello, Riley" })).toBeVisible();
    await expect(page.getByTestId("user-name")).toHaveText("Riley Chen");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

    await signIn(page, account);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByTestId("user-name")).toHaveText("Riley Chen");
  });

  test("a wrong password shows an error and keeps the email typed", async ({ page }) => {
    const account = newAccount();
    await signUp(page, account);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await signIn(page, { email: account.email, password: "not the password" });
    await expect(page.getByTestId("form-alert")).toContainText("do not match an account");
    await expect(page.getByLabel("Email")).toHaveValue(account.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test("repeated failures are rate-limited with a clear message", async ({ page }) => {
    const account = newAccount();
    await signUp(page, account);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    // Five attempts per account per window by default; the sixth is refused even with the
    // right password.
    for (let attempt = 0; attempt < 5; attempt++) {
      // A fresh page per attempt, so no attempt can overlap the previous form's reset.
      await page.goto("/sign-in");
      await signIn(page, { email: account.email, password: `wrong ${attempt}` });
      await expect(page.getByTestId("form-alert")).toContainText("do not match an account");
    }
    await page.goto("/sign-in");
    await signIn(page, account);
    await expect(page.getByTestId("form-alert")).toContainText("Too many failed sign-in attempts");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("signing up twice with one email shows an error and keeps the form", async ({ page }) => {
    const account = newAccount("Sam Ortiz");
    await signUp(page, account);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await signUp(page, { ...account, email: account.email.toUpperCase() });
    await expect(
      page.getByText("An account with this email already exists. Sign in instead."),
    ).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("Sam Ortiz");
    await expect(page.getByLabel("Email")).toHaveValue(account.email.toUpperCase());
  });

  test("invalid sign-up input gets field messages", async ({ page }) => {
    await signUp(page, { name: "", email: "not-an-email", password: "short" });
    await expect(page.getByText("Enter your name")).toBeVisible();
    await expect(page.getByText("Enter a valid email address")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
  });

  test("a protected URL sends a visitor to sign-in and back after signing in", async ({ page }) => {
    const account = newAccount();
    await signUp(page, account);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);

    await page.goto("/companies?sort=name");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fcompanies%3Fsort%3Dname/);
    await signIn(page, account);
    await expect(page).toHaveURL(/\/companies\?sort=name$/);
    await expect(page.getByRole("heading", { name: "Companies", exact: true })).toBeVisible();
  });

  test("an external callback URL is ignored", async ({ page }) => {
    const account = newAccount();
    await signUp(page, account, "/sign-up?callbackUrl=https%3A%2F%2Fevil.example%2F");
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

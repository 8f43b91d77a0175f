import { expect, newAccount, signUp, test } from "./fixtures";
import { createRejectedProcess, fourPeople } from "./flows";

// These tests run against the second app server, configured with the local OpenAI-compatible
// test server as its provider (see playwright.config.ts). Each test's user carries the test
// server's mode in its name, so parallel tests do not share a switch.
const llmBaseURL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;
test.use({ baseURL: llmBaseURL });

test.describe("thank-you notes drafted by a model", () => {
  test("a streamed draft appears progressively and is labelled with the model", async ({
    page,
  }) => {
    await signUp(page, newAccount("Jordan Avery"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await createRejectedProcess(page, fourPeople.slice(0, 2));
    await page.locator("#thank-you").getByRole("button", { name: "Draft thank-you notes" }).click();
    const card = page.getByTestId("note-card").first();
    // While streaming, the label says so and the text grows.
    await expect(card.getByTestId("note-source")).toHaveText(/Drafting with e2e-model/);
    const message = card.getByRole("textbox", { name: "Message" });
    const lengths = new Set<number>();
    for (let i = 0; i < 20 && lengths.size < 3; i++) {
      lengths.add((await message.inputValue()).length);
      await page.waitForTimeout(40);
    }
    expect(lengths.size).toBeGreaterThan(1);
    await expect(card.getByTestId("note-source")).toHaveText("Drafted by e2e-model");
    await expect(message).toHaveValue(/Hi Dana,/);
    await expect(card.getByRole("heading", { name: "Ready to send" })).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("note-card").first().getByTestId("note-source")).toHaveText(
      "Drafted by e2e-model",
    );
  });

  test("with the provider failing, the same action gives template notes labelled as such", async ({
    page,
  }) => {
    await signUp(page, newAccount("Jordan (mode: http-500)"));
    await expect(page).toHaveURL(/\/dashboard$/);
    await createRejectedProcess(page, fourPeople.slice(0, 2));
    await page.locator("#thank-you").getByRole("button", { name: "Draft thank-you notes" }).click();
    const cards = page.getByTestId("note-card");
    await expect(cards).toHaveCount(2);
    for (let index = 0; index < 2; index++) {
      const card = cards.nth(index);
      await expect(card.getByTestId("note-source")).toHaveText("Written from a Runner-Up template");
      await expect(card.getByRole("status")).toContainText("HTTP 500");
      await expect(card.getByRole("heading", { name: "Ready to send" })).toBeVisible();
    }
  });
});

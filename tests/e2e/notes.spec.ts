import { expect, test } from "./fixtures";
import { createRejectedProcess, fourPeople } from "./flows";

test.describe("thank-you notes without an AI model", () => {
  test("four different notes that pass the checklist; edits survive a reload; sending logs it", async ({
    signedInPage: page,
  }) => {
    await createRejectedProcess(page);
    const thankYou = page.locator("#thank-you");
    for (const person of fourPeople)
      await expect(thankYou.getByLabel(new RegExp(person.name))).toBeChecked();
    await thankYou.getByRole("button", { name: "Draft thank-you notes" }).click();

    await expect(page.getByRole("heading", { name: "Thank-you notes", level: 1 })).toBeVisible();
    const cards = page.getByTestId("note-card");
    await expect(cards).toHaveCount(4);
    const bodies: string[] = [];
    for (const person of fourPeople) {
      const card = cards.filter({ has: page.getByRole("heading", { name: person.name }) });
      await expect(card.getByTestId("note-source")).toHaveText(/Runner-Up template/);
      await expect(card.getByRole("heading", { name: "Ready to send" })).toBeVisible();
      await expect(card.locator('[data-covered="true"]')).toHaveCount(6);
      const body = await card.getByRole("textbox", { name: "Message" }).inputValue();
      expect(body).toContain(`Hi ${person.name.split(" ")[0]},`);
      bodies.push(body);
    }
    const withoutGreeting = bodies.map((body) => body.replace(/^Hi \w+,/, ""));
    expect(new Set(withoutGreeting).size).toBe(4);

    // Edit one note; the autosave keeps it through a reload.
    const first = cards.first();
    const message = first.getByRole("textbox", { name: "Message" });
    await message.fill(`${bodies[0]}\n\nP.S. I keep thinking about the migration plan.`);
    await expect(first.getByTestId("save-state")).toHaveText("All changes saved");
    await page.reload();
    await expect(
      page.getByTestId("note-card").first().getByRole("textbox", { name: "Message" }),
    ).toHaveValue(/P\.S\. I keep thinking about the migration plan\./);

    // Mark it sent: the contact's timeline shows it.
    await page
      .getByTestId("note-card")
      .first()
      .getByRole("button", { name: "Mark as sent" })
      .click();
    await expect(page.getByTestId("sent-state").first()).toBeVisible();
    await page.getByTestId("note-card").first().getByRole("link", { name: "Dana Reyes" }).click();
    await expect(page.getByRole("heading", { name: "Dana Reyes", level: 1 })).toBeVisible();
    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText("Note sent", { exact: true })).toBeVisible();
  });

  test("the checklist warns as the user types", async ({ signedInPage: page }) => {
    await createRejectedProcess(page, fourPeople.slice(0, 1));
    await page.locator("#thank-you").getByRole("button", { name: "Draft thank-you notes" }).click();
    const card = page.getByTestId("note-card").first();
    const message = card.getByRole("textbox", { name: "Message" });
    await message.fill("Dear [Name], could you reconsider?");
    await expect(card.getByTestId("warnings")).toContainText("placeholder");
    await expect(card.getByTestId("warnings")).toContainText("reconsider");
    await expect(card.getByRole("heading", { name: "Checklist" })).toBeVisible();
  });
});

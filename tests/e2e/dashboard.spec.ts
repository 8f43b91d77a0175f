import { events, parseICalendar, text } from "../support/ical-reader";
import { expect, test } from "./fixtures";

test.describe("the nurture dashboard", () => {
  test("with sample data: ranking, the cadence after a sent note, done follow-ups, the calendar feed", async ({
    signedInPage: page,
    request,
  }) => {
    await page.getByRole("button", { name: /Load sample data/ }).click();
    const worth = page.getByTestId("worth-nurturing");
    await expect(worth.getByRole("link", { name: "Dana Whitfield" }).first()).toBeVisible();

    // The rejected final-round hiring manager is at or near the top, with her reasons in words.
    const top = worth.getByRole("listitem");
    const names = await top.evaluateAll((items) =>
      items.slice(0, 3).map((item) => item.textContent ?? ""),
    );
    const dana = names.find((entry) => entry.includes("Dana Whitfield"));
    expect(dana, names.join(" | ")).toBeTruthy();
    expect(dana).toMatch(/hiring manager/i);
    expect(dana).toMatch(/second choice|final round/i);

    // Sending her thank-you note schedules the cadence's follow-ups.
    await page.goto("/applications?stage=rejected");
    await page
      .getByRole("link", { name: /Senior Product Designer/ })
      .first()
      .click();
    await page.locator("#thank-you").getByRole("button", { name: "Draft thank-you notes" }).click();
    const danaNote = page
      .getByTestId("note-card")
      .filter({ has: page.getByRole("heading", { name: /Dana Whitfield/ }) });
    await danaNote.getByRole("button", { name: "Mark as sent" }).click();
    await expect(danaNote.getByTestId("sent-state")).toBeVisible();
    await danaNote.getByRole("link", { name: "Dana Whitfield" }).click();
    await expect(page.getByRole("heading", { name: "Dana Whitfield", level: 1 })).toBeVisible();
    await expect(
      page.getByText("Check in around the end of the probation period.", { exact: true }),
    ).toBeVisible();

    // A follow-up due today shows as due on the dashboard, and completing it removes it.
    await page.getByLabel("When").fill(new Date().toISOString().slice(0, 10));
    await page.getByLabel("What about").fill("Ask how the new designer is settling in");
    await page.getByRole("button", { name: "Add follow-up" }).click();
    await expect(page.getByText(/Follow-up added for/)).toBeVisible();
    await page.goto("/dashboard");
    const due = page.getByTestId("due-follow-ups");
    const item = due
      .getByRole("listitem")
      .filter({ hasText: "Ask how the new designer is settling in" });
    await expect(item).toBeVisible();

    // The calendar feed (turned on in settings) parses as iCalendar and holds the follow-ups.
    await page.goto("/settings");
    await page.getByRole("button", { name: "Turn on the calendar feed" }).click();
    const url = await page.getByLabel("Your private calendar URL").inputValue();
    const feed = await request.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const calendar = parseICalendar(await feed.text());
    const summaries = events(calendar).map(
      (event) => `${text(event, "SUMMARY")} ${text(event, "DESCRIPTION")}`,
    );
    expect(
      summaries.some((entry) => entry.includes("Ask how the new designer is settling in")),
    ).toBe(true);
    expect(summaries.some((entry) => entry.includes("probation"))).toBe(true);

    await page.goto("/dashboard");
    await item.getByRole("button", { name: /^Done/ }).click();
    await expect(
      page.getByTestId("due-follow-ups").getByText("Ask how the new designer is settling in"),
    ).toHaveCount(0);
  });
});

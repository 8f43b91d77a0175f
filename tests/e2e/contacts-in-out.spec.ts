import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";

// LinkedIn's Connections.csv as its data export writes it: notes before the header row.
const connections = [
  "Notes:",
  '"When exporting your connection data, you may notice that some of the email addresses are missing."',
  "",
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
  "Tobias,Lindqvist,https://www.linkedin.com/in/tobiaslindqvist,tobias@fjordline.example,Fjordline Analytics,Head of Data Engineering,14 Oct 2026",
  "Alex,Morgan,https://www.linkedin.com/in/alex-morgan,ALEX@contoso.example,Contoso,Recruiter,03 Sep 2026",
  'Zoë,Ŝtraße,https://www.linkedin.com/in/zoe-strasse,,"Bluebird Health, Inc.",Engineering Manager 🚀,21 Aug 2026',
].join("\r\n");

test.describe("contacts in and out", () => {
  test("imports a LinkedIn file with a duplicate merged, then exports the filtered list and a vCard", async ({
    signedInPage: page,
  }) => {
    // Someone the user already has, whom the LinkedIn file also lists.
    await page.goto("/contacts/new");
    await page.getByLabel("Full name").fill("Alex Morgan");
    await page.getByLabel("Email").fill("alex@contoso.example");
    await page.getByRole("button", { name: "Add contact" }).click();
    await expect(page.getByRole("heading", { name: "Alex Morgan", level: 1 })).toBeVisible();

    await page.goto("/contacts");
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByLabel("CSV file").setInputFiles({
      name: "Connections.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(connections, "utf8"),
    });
    await page.getByRole("button", { name: "Upload and preview" }).click();

    // The preview shows the duplicate; the user chooses to merge it.
    await page.getByLabel("Merge into the existing contact").check();
    await page.getByRole("button", { name: /^Import/ }).click();
    await expect(page).toHaveURL(/\/contacts\?/);
    await expect(page.getByText(/Imported \d+ contacts?, merged 1/)).toBeVisible();
    await expect(page.getByRole("link", { name: "Zoë Ŝtraße" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Alex Morgan" })).toHaveCount(1);

    // Export exactly the filtered view.
    await page.goto("/contacts?q=fjordline");
    await expect(page.getByRole("link", { name: "Tobias Lindqvist" })).toBeVisible();
    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Export CSV" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^runner-up-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await csvDownload.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("Tobias Lindqvist");
    expect(lines[1]).toContain("tobias@fjordline.example");

    // The vCard of one contact, for a phone's address book.
    await page.getByRole("link", { name: "Tobias Lindqvist" }).click();
    await expect(page.getByRole("heading", { name: "Tobias Lindqvist", level: 1 })).toBeVisible();
    const [vcardDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download vCard" }).click(),
    ]);
    const vcard = await readFile((await vcardDownload.path())!, "utf8");
    expect(vcard).toContain("BEGIN:VCARD\r\nVERSION:4.0");
    expect(vcard).toContain("FN:Tobias Lindqvist");
    expect(vcard).toContain("ORG:Fjordline Analytics");
  });
});

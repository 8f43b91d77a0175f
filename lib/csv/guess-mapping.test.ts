import { describe, expect, it } from "vitest";
import {
  guessField,
  guessMapping,
  mappingFromRecord,
  mappingToRecord,
  mapsAName,
  normaliseHeader,
} from "./guess-mapping";

describe("guessField", () => {
  it.each([
    ["Name", "fullName"],
    ["Full name", "fullName"],
    ["Display Name", "fullName"],
    ["First Name", "firstName"],
    ["Given Name", "firstName"],
    ["Vorname", "firstName"],
    ["Prénom", "firstName"],
    ["Last Name", "lastName"],
    ["Surname", "lastName"],
    ["Nachname", "lastName"],
    ["Email", "email"],
    ["E-mail", "email"],
    ["E-Mail", "email"],
    ["Email Address", "email"],
    ["E-mail Address", "email"],
    ["E-Mail-Adresse", "email"],
    ["E-mail 1 - Value", "email"],
    ["Work email", "email"],
    ["Phone", "phone"],
    ["Mobile Phone", "phone"],
    ["Phone 1 - Value", "phone"],
    ["Telefon", "phone"],
    ["Title", "title"],
    ["Job Title", "title"],
    ["Position", "title"],
    ["Organization 1 - Title", "title"],
    ["Company", "company"],
    ["Company Name", "company"],
    ["Organisation", "company"],
    ["Organization", "company"],
    ["Organization 1 - Name", "company"],
    ["Firma", "company"],
    ["URL", "linkedinUrl"],
    ["LinkedIn URL", "linkedinUrl"],
    ["LinkedIn profile", "linkedinUrl"],
    ["Tags", "tags"],
    ["Labels", "tags"],
    ["Group Membership", "tags"],
    ["Notes", "notes"],
    ["Comments", "notes"],
    ["Connected On", "connectedOn"],
  ] as const)("%s → %s", (header, field) => {
    expect(guessField(header)).toBe(field);
  });

  it.each([
    "Phone 1 - Type",
    "E-mail 1 - Type",
    "E-mail Display Name",
    "Name Prefix",
    "Nickname",
    "Middle Name",
    "Mailing Address",
    "Home City",
    "Birthday",
    "Roles in processes",
    "Last contact date",
    "Next follow-up",
    "Score",
    "",
    "   ",
    "🦄",
  ])("ignores %j", (header) => {
    expect(guessField(header)).toBe("ignore");
  });

  it("normalises accents, case and punctuation", () => {
    expect(normaliseHeader(" E-Mail Adresse ")).toBe("emailadresse");
    expect(normaliseHeader("Prénom")).toBe("prenom");
  });
});

describe("guessMapping", () => {
  it("maps our own export's columns", () => {
    expect(
      guessMapping([
        "Name",
        "First name",
        "Last name",
        "Title",
        "Company",
        "Email",
        "Phone",
        "LinkedIn URL",
        "Tags",
        "Roles in processes",
        "Last contact date",
        "Next follow-up",
        "Score",
      ]),
    ).toEqual([
      "fullName",
      "firstName",
      "lastName",
      "title",
      "company",
      "email",
      "phone",
      "linkedinUrl",
      "tags",
      "ignore",
      "ignore",
      "ignore",
      "ignore",
    ]);
  });

  it("gives a single field to the first look-alike column only; tags and notes may repeat", () => {
    expect(guessMapping(["Email", "E-mail 2", "Notes", "Comments", "Tags", "Labels"])).toEqual([
      "email",
      "ignore",
      "notes",
      "notes",
      "tags",
      "tags",
    ]);
  });

  it("maps a German address book", () => {
    expect(guessMapping(["Vorname", "Nachname", "Firma", "Position", "E-Mail", "Telefon"])).toEqual(
      ["firstName", "lastName", "company", "title", "email", "phone"],
    );
  });

  it("knows whether some column names the person", () => {
    expect(mapsAName(["email", "company"])).toBe(false);
    expect(mapsAName(["email", "lastName"])).toBe(true);
  });

  it("round-trips the stored shape and treats unknown values as ignore", () => {
    const mapping = guessMapping(["Name", "Email", "Whatever"]);
    expect(mappingFromRecord(mappingToRecord(mapping), 3)).toEqual(mapping);
    expect(mappingFromRecord({ "0": "fullName", "1": "drop table", "5": "email" }, 3)).toEqual([
      "fullName",
      "ignore",
      "ignore",
    ]);
    expect(mappingFromRecord(null, 2)).toEqual(["ignore", "ignore"]);
  });
});

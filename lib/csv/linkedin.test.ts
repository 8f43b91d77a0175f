import { describe, expect, it } from "vitest";
import {
  isLinkedInHeader,
  isLinkedInPreamble,
  isoDate,
  LINKEDIN_COLUMNS,
  linkedInMapping,
  monthNumber,
  parseLinkedInDate,
} from "./linkedin";

describe("LinkedIn's Connections.csv layout", () => {
  it("recognises the header row in any case, with trailing empty cells", () => {
    expect(isLinkedInHeader([...LINKEDIN_COLUMNS])).toBe(true);
    expect(
      isLinkedInHeader([
        "first name",
        " Last Name ",
        "url",
        "EMAIL ADDRESS",
        "Company",
        "Position",
        "Connected On",
        "",
      ]),
    ).toBe(true);
    expect(isLinkedInHeader(["First Name", "Last Name", "URL"])).toBe(false);
    expect(isLinkedInHeader(["Name", "Email"])).toBe(false);
  });

  it("recognises the Notes: preamble", () => {
    expect(isLinkedInPreamble(["Notes:"])).toBe(true);
    expect(isLinkedInPreamble(["Notes:", "", ""])).toBe(true);
    expect(isLinkedInPreamble(["Notes"])).toBe(false);
    expect(isLinkedInPreamble(["Name", "Notes:"])).toBe(false);
  });

  it("comes pre-mapped", () => {
    expect(linkedInMapping([...LINKEDIN_COLUMNS])).toEqual([
      "firstName",
      "lastName",
      "linkedinUrl",
      "email",
      "company",
      "title",
      "connectedOn",
    ]);
  });
});

describe("Connected On dates", () => {
  it.each([
    ["26 Nov 2026", "2026-11-26"],
    ["05 Mar 2024", "2024-03-05"],
    ["5 Mar 2024", "2024-03-05"],
    [" 01 Jan 2025 ", "2025-01-01"],
    ["29 Feb 2024", "2024-02-29"],
    ["1 September 2023", "2023-09-01"],
    ["1 Sept 2023", "2023-09-01"],
    ["31 dec 2020", "2020-12-31"],
  ])("%s → %s", (value, iso) => {
    expect(parseLinkedInDate(value)).toBe(iso);
  });

  it.each([
    "29 Feb 2023",
    "31 Apr 2024",
    "0 Jan 2024",
    "26 Foo 2026",
    "2026-11-26",
    "Nov 2026",
    "",
  ])("refuses %j", (value) => {
    expect(parseLinkedInDate(value)).toBeUndefined();
  });

  it("knows month names and abbreviations", () => {
    expect(monthNumber("May")).toBe(5);
    expect(monthNumber("june")).toBe(6);
    expect(monthNumber("Mar.")).toBe(3);
    expect(monthNumber("Ma")).toBeUndefined();
    expect(monthNumber("Mayo")).toBeUndefined();
  });

  it("only builds real dates in a sane range", () => {
    expect(isoDate(2026, 2, 28)).toBe("2026-02-28");
    expect(isoDate(2026, 2, 29)).toBeUndefined();
    expect(isoDate(1, 1, 1)).toBeUndefined();
    expect(isoDate(2026, 13, 1)).toBeUndefined();
  });
});

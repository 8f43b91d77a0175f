import { describe, expect, it } from "vitest";
import {
  CONTACT_CSV_HEADER,
  type ContactExportRecord,
  contactCsvRow,
  contactsCsv,
  csvRecords,
  formatRoles,
  isoDay,
  UTF8_BOM,
} from "./export";

const record = (values: Partial<ContactExportRecord> = {}): ContactExportRecord => ({
  id: "00000000-0000-4000-8000-000000000001",
  fullName: "Dana Reyes",
  title: "Engineering Manager",
  companyName: "Northwind",
  email: "dana@northwind.test",
  phone: null,
  linkedinUrl: "https://www.linkedin.com/in/dana-reyes",
  notes: null,
  tags: ["warm", "manager"],
  // Midday UTC: the same calendar day in every time zone the tests may run in.
  lastContactedAt: new Date("2026-02-01T12:00:00Z"),
  nextFollowUpOn: "2026-03-15",
  roles: [
    { role: "hiring_manager", companyName: "Northwind", jobTitle: "Senior Designer" },
    { role: "interviewer", companyName: "Acme", jobTitle: "PM" },
  ],
  score: null,
  ...values,
});

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* pagesOf(...pages: ContactExportRecord[][]) {
  yield* pages;
}

describe("contactCsvRow", () => {
  it("maps a contact to the columns in header order", () => {
    const row = contactCsvRow(record());
    expect(row).toHaveLength(CONTACT_CSV_HEADER.length);
    expect(Object.fromEntries(CONTACT_CSV_HEADER.map((name, i) => [name, row[i]]))).toEqual({
      Name: "Dana Reyes",
      "First name": "Dana",
      "Last name": "Reyes",
      Title: "Engineering Manager",
      Company: "Northwind",
      Email: "dana@northwind.test",
      Phone: "",
      "LinkedIn URL": "https://www.linkedin.com/in/dana-reyes",
      Tags: "warm; manager",
      "Roles in processes":
        "Hiring manager at Northwind (Senior Designer); Interviewer at Acme (PM)",
      "Last contact date": "2026-02-01",
      "Next follow-up": "2026-03-15",
      Score: "",
    });
  });

  it("leaves missing values empty and keeps a one-word name as the first name", () => {
    const row = contactCsvRow(
      record({
        fullName: "Cher",
        title: null,
        companyName: null,
        email: null,
        linkedinUrl: null,
        tags: [],
        roles: [],
        lastContactedAt: null,
        nextFollowUpOn: null,
      }),
    );
    expect(row).toEqual(["Cher", "Cher", "", "", "", "", "", "", "", "", "", "", ""]);
  });

  it("puts a generational suffix with the last name", () => {
    const row = contactCsvRow(record({ fullName: "Martin Luther King Jr." }));
    expect(row.slice(0, 3)).toEqual(["Martin Luther King Jr.", "Martin Luther", "King Jr."]);
  });

  it("fills the score, rounded, when there is one", () => {
    expect(contactCsvRow(record({ score: 72.6 })).at(-1)).toBe("73");
  });

  it("neutralises every cell that could start a formula", () => {
    const row = contactCsvRow(
      record({
        fullName: '=HYPERLINK("https://evil.example","x")',
        title: "+cmd",
        companyName: "-1+2",
        email: "@SUM(1)",
        phone: "+1 555 0100",
        tags: ["=bad"],
        roles: [],
      }),
    );
    expect(row[0]).toBe('\'=HYPERLINK("https://evil.example","x")');
    expect(row[1]).toBe('\'=HYPERLINK("https://evil.example","x")');
    expect(row[3]).toBe("'+cmd");
    expect(row[4]).toBe("'-1+2");
    expect(row[5]).toBe("'@SUM(1)");
    expect(row[6]).toBe("'+1 555 0100");
    expect(row[8]).toBe("'=bad");
  });
});

describe("formatRoles", () => {
  it("joins roles with semicolons in the order given", () => {
    expect(formatRoles([{ role: "recruiter", companyName: "Acme", jobTitle: "PM" }])).toBe(
      "Recruiter at Acme (PM)",
    );
    expect(formatRoles([])).toBe("");
  });
});

describe("csvRecords", () => {
  it("quotes every cell, doubles quotes and ends each record with CRLF (RFC 4180)", () => {
    expect(csvRecords([["a", 'say "hi"', "x,y", "line1\nline2", ""]])).toBe(
      '"a","say ""hi""","x,y","line1\nline2",\r\n',
    );
    expect(csvRecords([["1"], ["2"]])).toBe('"1"\r\n"2"\r\n');
    expect(csvRecords([])).toBe("");
  });
});

describe("contactsCsv", () => {
  it("starts with the BOM and the header, then one chunk per non-empty page", async () => {
    const chunks: string[] = [];
    for await (const chunk of contactsCsv(
      pagesOf([record()], [], [record({ fullName: "Zoë Martín" })]),
    )) {
      chunks.push(chunk);
    }
    expect(chunks).toHaveLength(3);
    expect(chunks[0]).toBe(
      `${UTF8_BOM}${CONTACT_CSV_HEADER.map((name) => `"${name}"`).join(",")}\r\n`,
    );
    expect(chunks[2]).toMatch(/^"Zoë Martín","Zoë","Martín",/);
  });

  it("writes only the header for no contacts", async () => {
    const text = await collect(contactsCsv(pagesOf()));
    expect(text.split("\r\n")).toEqual([expect.stringMatching(/^\uFEFF"Name",/), ""]);
  });
});

describe("isoDay", () => {
  it("writes the local calendar day like date-fns would", async () => {
    const { format } = await import("date-fns");
    for (const moment of [
      new Date(2026, 0, 5, 0, 0, 0),
      new Date(2026, 11, 31, 23, 59, 59),
      new Date(999, 8, 9, 12),
      new Date("2026-02-01T12:00:00Z"),
    ]) {
      expect(isoDay(moment)).toBe(format(moment, "yyyy-MM-dd"));
    }
  });
});

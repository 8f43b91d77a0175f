import { describe, expect, it } from "vitest";
import { contactExportHref, parseContactExportQuery } from "./contact-export";

const parse = (search: string) => parseContactExportQuery(new URLSearchParams(search));

describe("parseContactExportQuery", () => {
  it("means everything, most recent first, when there are no parameters", () => {
    expect(parse("")).toMatchObject({ success: true, data: { sort: "recent" } });
    expect(parse("q=&role=&tag=&sort=&page=3")).toMatchObject({
      success: true,
      data: { q: undefined, role: undefined, tag: undefined, sort: "recent" },
    });
  });

  it("keeps the list's filters, cleaned the way the list cleans them", () => {
    expect(parse("q=+dana+&role=recruiter&tag=Warm&sort=name").data).toEqual({
      q: "dana",
      role: "recruiter",
      tag: "warm",
      sort: "name",
    });
  });

  it("refuses values the list would not produce", () => {
    expect(parse("role=boss").success).toBe(false);
    expect(parse("sort=oldest").success).toBe(false);
    expect(parse(`q=${"x".repeat(201)}`).success).toBe(false);
    expect(parse(`tag=${"x".repeat(41)}`).success).toBe(false);
  });
});

describe("contactExportHref", () => {
  it("keeps filters and a non-default sort", () => {
    expect(contactExportHref("/api/contacts/export.csv", { sort: "recent" })).toBe(
      "/api/contacts/export.csv",
    );
    expect(
      contactExportHref("/api/contacts/export.csv", {
        q: "dana & co",
        role: "recruiter",
        tag: "warm",
        sort: "name",
      }),
    ).toBe("/api/contacts/export.csv?q=dana+%26+co&role=recruiter&tag=warm&sort=name");
  });
});

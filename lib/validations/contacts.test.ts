import { describe, expect, it } from "vitest";
import { contactSchema, mergeContactsSchema, parseContactListQuery } from "./contacts";

const id1 = "0b6f4c1e-8a2d-4c3b-9f10-1234567890ab";
const id2 = "1b6f4c1e-8a2d-4c3b-9f10-1234567890ab";

describe("contactSchema", () => {
  it("cleans a submitted form", () => {
    const parsed = contactSchema.parse({
      fullName: "  Dana Reyes ",
      title: "",
      companyId: "",
      newCompanyName: " Acme ",
      email: "Dana@Acme.TEST",
      phone: "",
      linkedinUrl: "linkedin.com/in/dana",
      tags: "Design, remote, design",
      notes: "",
    });
    expect(parsed).toEqual({
      fullName: "Dana Reyes",
      title: null,
      companyId: null,
      newCompanyName: "Acme",
      email: "dana@acme.test",
      phone: null,
      linkedinUrl: "https://linkedin.com/in/dana",
      tags: ["design", "remote"],
      notes: null,
    });
  });

  it("requires a name and a valid company id", () => {
    const result = contactSchema.safeParse({ fullName: " ", companyId: "nope" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path[0]);
    expect(paths).toEqual(expect.arrayContaining(["fullName", "companyId"]));
  });
});

describe("mergeContactsSchema", () => {
  it("merges every other id of the group into the kept one", () => {
    expect(mergeContactsSchema.parse({ keepId: id1, ids: [id1, id2, id2] })).toEqual({
      keepId: id1,
      mergeIds: [id2],
    });
  });

  it("needs at least one other record", () => {
    expect(mergeContactsSchema.safeParse({ keepId: id1, ids: id1 }).success).toBe(false);
    expect(mergeContactsSchema.safeParse({ keepId: id1 }).success).toBe(false);
  });
});

describe("parseContactListQuery", () => {
  it("reads filters and falls back to defaults on bad values", () => {
    expect(parseContactListQuery({})).toEqual({ sort: "recent", page: 1 });
    expect(
      parseContactListQuery({
        q: " acme ",
        role: "recruiter",
        tag: "Design",
        sort: "name",
        page: "3",
      }),
    ).toEqual({ q: "acme", role: "recruiter", tag: "design", sort: "name", page: 3 });
    expect(
      parseContactListQuery({ q: "", role: "boss", sort: "oldest", page: "-2", tag: ["a", "b"] }),
    ).toEqual({ sort: "recent", page: 1, tag: "a" });
  });
});

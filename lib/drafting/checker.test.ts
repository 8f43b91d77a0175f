import { describe, expect, it } from "vitest";
import { checkNote, inventedNames, type NoteFacts } from "./checker";

const facts: NoteFacts = {
  recipient: {
    fullName: "Dana Reyes",
    title: "Engineering Manager",
    role: "hiring_manager",
    discussed: "their move to Kubernetes",
  },
  companyName: "Northwind",
  jobTitle: "Platform Engineer",
  sender: { name: "Jordan Avery", signature: null },
  channel: "email",
};

const goodBody = `Hi Dana,

Thank you for letting me know about your decision on the Platform Engineer role. I was disappointed, of course.

Thank you, too, for your time and consideration. I learned a lot about Northwind and enjoyed meeting the team. Our conversation about their move to Kubernetes stayed with me.

I remain very interested in working at Northwind. If anything changes, or if another role opens up, I would love to hear from you.

Warm regards,
Jordan Avery`;

describe("checkNote", () => {
  it("finds all six elements in a complete note and passes it", () => {
    const result = checkNote({ subject: "Thank you, Dana", body: goodBody }, facts);
    expect(result.elements).toEqual({
      thanksForNews: true,
      thanksForTime: true,
      disappointment: true,
      appreciation: true,
      continuedInterest: true,
      keepInTouch: true,
    });
    expect(result.warnings).toEqual([]);
    expect(result.passes).toBe(true);
  });

  it("reports each missing element", () => {
    const result = checkNote(
      { subject: "Hi", body: "Hi Dana, thanks for the news. Best, Jordan" },
      facts,
    );
    expect(result.elements.thanksForNews).toBe(true);
    expect(result.elements.disappointment).toBe(false);
    expect(result.elements.keepInTouch).toBe(false);
    expect(result.passes).toBe(false);
  });

  it("warns about placeholders", () => {
    const result = checkNote(
      { subject: "Thanks", body: goodBody.replace("Dana,", "[Name],") },
      facts,
    );
    expect(result.warnings.map((w) => w.kind)).toContain("placeholder");
    expect(result.passes).toBe(false);
  });

  it("warns about names and companies that are not in the record", () => {
    const body = goodBody.replace(
      "I remain very interested",
      "Please pass my thanks to Michael Brown and the folks at Globex. I remain very interested",
    );
    const result = checkNote({ subject: "Thanks", body }, facts);
    const invented = result.warnings.find((w) => w.kind === "invented");
    expect(invented?.message).toContain("Michael");
    expect(invented?.message).toContain("Globex");
  });

  it("does not mistake ordinary sentence openers for names", () => {
    expect(inventedNames("Thanks again. Meeting you was great. Wishing you well.", facts)).toEqual(
      [],
    );
    expect(inventedNames("Speaking with Dana was great.", facts)).toEqual([]);
    expect(inventedNames("Sarah Connor said hello.", facts)).toEqual(["Sarah", "Connor"]);
  });

  it("warns about a request to reconsider or to explain the decision", () => {
    const body = `${goodBody}\n\nIs there any way you could reconsider?`;
    expect(checkNote({ subject: "x", body }, facts).warnings.map((w) => w.kind)).toContain(
      "reconsider",
    );
    const why = `${goodBody}\n\nCould you explain why I wasn't selected?`;
    expect(checkNote({ subject: "x", body: why }, facts).warnings.map((w) => w.kind)).toContain(
      "reconsider",
    );
  });

  it("warns about bitterness", () => {
    const body = goodBody.replace(
      "I was disappointed, of course.",
      "Frankly the process was unfair.",
    );
    expect(checkNote({ subject: "x", body }, facts).warnings.map((w) => w.kind)).toContain(
      "negative",
    );
  });

  it("warns about length per channel", () => {
    const long = `${goodBody}\n\n${"More words here. ".repeat(60)}`;
    expect(checkNote({ subject: "x", body: long }, facts).warnings.map((w) => w.kind)).toContain(
      "tooLong",
    );
    const linkedin = checkNote(
      { subject: null, body: "Hi Dana, ".repeat(40) },
      { ...facts, channel: "linkedin" },
    );
    expect(linkedin.warnings.find((w) => w.kind === "tooLong")?.message).toContain("300");
  });

  it("asks for the person's name and flags an empty note", () => {
    const noName = checkNote({ subject: "x", body: goodBody.replace("Hi Dana,", "Hello,") }, facts);
    expect(noName.warnings.map((w) => w.kind)).toContain("missingName");
    expect(checkNote({ subject: "", body: "  " }, facts).warnings.map((w) => w.kind)).toContain(
      "empty",
    );
  });
});

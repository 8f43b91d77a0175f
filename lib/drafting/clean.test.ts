import { describe, expect, it } from "vitest";
import { cleanModelOutput } from "./clean";

describe("cleanModelOutput", () => {
  it("separates the subject from the body", () => {
    expect(cleanModelOutput("Subject: Thank you, Dana\n\nHi Dana,\n\nThanks.", "email")).toEqual({
      subject: "Thank you, Dana",
      body: "Hi Dana,\n\nThanks.",
    });
  });

  it("strips preambles, code fences, Markdown bold and wrapping quotes", () => {
    const raw =
      'Sure! Here\'s your note:\n\n```\n**Subject:** "Thanks"\n\n"Hi Dana,\n\n\n\nThank you."\n```';
    expect(cleanModelOutput(raw, "email")).toEqual({
      subject: "Thanks",
      body: "Hi Dana,\n\nThank you.",
    });
  });

  it("keeps LinkedIn messages subject-less and compact", () => {
    expect(cleanModelOutput("Hi Dana,\n\nThank you. Jordan", "linkedin")).toEqual({
      subject: null,
      body: "Hi Dana,\nThank you. Jordan",
    });
  });

  it("normalises Windows line endings and trailing spaces", () => {
    expect(cleanModelOutput("Subject: A\r\n\r\nHi  \r\nthere", "email")).toEqual({
      subject: "A",
      body: "Hi\nthere",
    });
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { neutraliseCell } from "./neutralise";

describe("neutraliseCell", () => {
  it.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3", "'-2+3"],
    ["@cmd", "'@cmd"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ['=HYPERLINK("https://evil.example","Click")', `'=HYPERLINK("https://evil.example","Click")`],
  ])("prefixes %j with a single quote", (input, expected) => {
    expect(neutraliseCell(input)).toBe(expected);
  });

  it.each(["", "Dana Reyes", "Zoë Martín", "a=b", " =1+1", "'=already", "\n=1", "100"])(
    "leaves %j alone",
    (input) => {
      expect(neutraliseCell(input)).toBe(input);
    },
  );

  it("never leaves a trigger in first position and only ever adds one character", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const out = neutraliseCell(value);
        expect(["=", "+", "-", "@", "\t", "\r"]).not.toContain(out[0]);
        expect(out === value || out === `'${value}`).toBe(true);
      }),
    );
  });
});

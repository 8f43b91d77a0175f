import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { events, parseICalendar, property, text, unescapeText } from "@/tests/support/ical-reader";
import { buildCalendar, escapeText, foldLine, formatDate, formatDateTime, nextDay } from "./ical";

const octets = (value: string) => new TextEncoder().encode(value).length;
const now = new Date("2026-03-02T09:30:15.123Z");

describe("escapeText", () => {
  it("escapes backslash, semicolon and comma, and turns every newline into \\n", () => {
    expect(escapeText("a\\b;c,d")).toBe("a\\\\b\\;c\\,d");
    expect(escapeText("one\ntwo\r\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    expect(escapeText("C:\\new")).toBe("C:\\\\new");
  });

  it("keeps colons, quotes and tabs, drops other control characters", () => {
    expect(escapeText('Re: "hi"\tthere\u0000\u0007\u007f')).toBe('Re: "hi"\tthere');
  });

  it("round-trips through an unescaper for any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (value) => {
        const normalised = value
          .replace(/\r\n|\r/g, "\n")
          .split("")
          .filter((char) => {
            const code = char.charCodeAt(0);
            return code === 0x09 || code === 0x0a || (code >= 0x20 && code !== 0x7f);
          })
          .join("");
        expect(unescapeText(escapeText(value))).toBe(normalised);
      }),
    );
  });
});

describe("foldLine", () => {
  it("leaves a line of exactly 75 octets alone", () => {
    const line = `SUMMARY:${"x".repeat(67)}`;
    expect(octets(line)).toBe(75);
    expect(foldLine(line)).toBe(line);
  });

  it("folds long ASCII lines at 75 octets, continuations starting with one space", () => {
    const line = `DESCRIPTION:${"abcdefghij".repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBe(3);
    expect(octets(parts[0]!)).toBe(75);
    expect(parts.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(parts.every((part) => octets(part) <= 75)).toBe(true);
    expect(
      parts[0]! +
        parts
          .slice(1)
          .map((part) => part.slice(1))
          .join(""),
    ).toBe(line);
  });

  it("never splits a multibyte character", () => {
    // 2-, 3- and 4-octet characters (é, 日, 😀), placed to straddle every boundary.
    for (const char of ["é", "日", "😀"]) {
      for (let pad = 0; pad < 4; pad++) {
        const line = `SUMMARY:${"a".repeat(pad)}${char.repeat(60)}`;
        const parts = foldLine(line).split("\r\n");
        for (const part of parts) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          // Every physical line is whole UTF-8 on its own: re-decoding changes nothing.
          expect(
            new TextDecoder("utf-8", { fatal: true }).decode(new TextEncoder().encode(part)),
          ).toBe(part);
          expect(/[\uD800-\uDBFF]$/.test(part)).toBe(false);
        }
        expect(
          parts[0]! +
            parts
              .slice(1)
              .map((part) => part.slice(1))
              .join(""),
        ).toBe(line);
      }
    }
  });

  it("unfolds to the original for any line", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (value) => {
        const line = `X:${value.replace(/[\r\n]/g, "")}`;
        const parts = foldLine(line).split("\r\n");
        expect(parts.every((part) => octets(part) <= 75)).toBe(true);
        expect(
          parts[0]! +
            parts
              .slice(1)
              .map((part) => part.slice(1))
              .join(""),
        ).toBe(line);
      }),
    );
  });
});

describe("dates", () => {
  it("formats all-day dates and the exclusive end date", () => {
    expect(formatDate("2026-04-01")).toBe("20260401");
    expect(nextDay("2026-04-01")).toBe("2026-04-02");
    expect(nextDay("2026-12-31")).toBe("2027-01-01");
    expect(nextDay("2028-02-28")).toBe("2028-02-29");
    expect(nextDay("2026-02-28")).toBe("2026-03-01");
    expect(() => formatDate("2026-4-1")).toThrow();
  });

  it("formats a UTC timestamp", () => {
    expect(formatDateTime(now)).toBe("20260302T093015Z");
  });
});

describe("buildCalendar", () => {
  const hostile = 'Ana; Silva, \\ "PhD"\nsecond line — café 日本 😀';
  const feed = buildCalendar({
    name: "Runner-Up follow-ups",
    now,
    events: [
      {
        uid: "11111111-1111-4111-8111-111111111111@runner-up",
        date: "2026-04-01",
        summary: `Check in with ${hostile} (Northwind, Inc.)`,
        description: `${"A very long reason that goes on. ".repeat(8)}\n\nhttps://app.test/contacts/1`,
        url: "https://app.test/contacts/1",
      },
      { uid: "2@runner-up", date: "2026-12-31", summary: "Short" },
    ],
  });

  it("uses CRLF everywhere and ends with one", () => {
    expect(feed.endsWith("\r\n")).toBe(true);
    expect(feed.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("parses back to the same values", () => {
    const calendar = parseICalendar(feed);
    expect(calendar.name).toBe("VCALENDAR");
    expect(property(calendar, "VERSION")?.value).toBe("2.0");
    expect(property(calendar, "PRODID")?.value).toBeTruthy();
    expect(property(calendar, "CALSCALE")?.value).toBe("GREGORIAN");
    expect(property(calendar, "METHOD")?.value).toBe("PUBLISH");
    expect(text(calendar, "X-WR-CALNAME")).toBe("Runner-Up follow-ups");

    const [first, second] = events(calendar);
    expect(first).toBeDefined();
    expect(text(first!, "UID")).toBe("11111111-1111-4111-8111-111111111111@runner-up");
    expect(property(first!, "DTSTAMP")?.value).toBe("20260302T093015Z");
    expect(property(first!, "DTSTART")).toEqual({
      name: "DTSTART",
      params: { VALUE: "DATE" },
      value: "20260401",
    });
    expect(property(first!, "DTEND")).toEqual({
      name: "DTEND",
      params: { VALUE: "DATE" },
      value: "20260402",
    });
    expect(text(first!, "SUMMARY")).toBe(`Check in with ${hostile} (Northwind, Inc.)`);
    expect(text(first!, "DESCRIPTION")).toBe(
      `${"A very long reason that goes on. ".repeat(8)}\n\nhttps://app.test/contacts/1`,
    );
    expect(property(first!, "URL")?.value).toBe("https://app.test/contacts/1");
    expect(property(second!, "DTEND")?.value).toBe("20270101");
    expect(property(second!, "DESCRIPTION")).toBeUndefined();
  });

  it("writes an empty but valid calendar when there is nothing due", () => {
    const calendar = parseICalendar(buildCalendar({ name: "Empty", now, events: [] }));
    expect(events(calendar)).toEqual([]);
    expect(text(calendar, "X-WR-CALNAME")).toBe("Empty");
  });
});

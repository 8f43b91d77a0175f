import { describe, expect, it } from "vitest";
import { parseLocalDateTime, toLocalInputValue } from "./datetime";

describe("parseLocalDateTime", () => {
  it("reads the wall-clock time at the browser's offset", () => {
    // Paris in winter: UTC+1, so getTimezoneOffset() is -60.
    expect(parseLocalDateTime("2026-01-15T14:30", -60)?.toISOString()).toBe(
      "2026-01-15T13:30:00.000Z",
    );
    // New York in summer: UTC-4 → +240.
    expect(parseLocalDateTime("2026-07-01T09:05:30", 240)?.toISOString()).toBe(
      "2026-07-01T13:05:30.000Z",
    );
  });

  it("reads the time as UTC without an offset", () => {
    expect(parseLocalDateTime("2026-01-15T14:30")?.toISOString()).toBe("2026-01-15T14:30:00.000Z");
  });

  it("refuses dates and times that do not exist", () => {
    expect(parseLocalDateTime("2026-02-31T10:00")).toBeUndefined();
    expect(parseLocalDateTime("2026-01-15T24:00")).toBeUndefined();
    expect(parseLocalDateTime("2026-01-15")).toBeUndefined();
    expect(parseLocalDateTime("yesterday")).toBeUndefined();
  });
});

describe("toLocalInputValue", () => {
  it("round-trips with parseLocalDateTime at the same offset", () => {
    const moment = new Date("2026-03-05T22:45:00.000Z");
    expect(toLocalInputValue(moment, -120)).toBe("2026-03-06T00:45");
    expect(parseLocalDateTime(toLocalInputValue(moment, -120), -120)?.getTime()).toBe(
      moment.getTime(),
    );
    expect(toLocalInputValue(moment, 0)).toBe("2026-03-05T22:45");
  });
});

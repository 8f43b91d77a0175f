import { format, parseISO } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCalendarDay } from "./calendar-day";

describe("formatCalendarDay", () => {
  it("reads like date-fns's d MMM yyyy for every date", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(formatCalendarDay(iso)).toBe(format(parseISO(iso), "d MMM yyyy"));
        },
      ),
    );
  });

  it("hands back what is not a date unchanged", () => {
    expect(formatCalendarDay("2026-13-01")).toBe("2026-13-01");
    expect(formatCalendarDay("soon")).toBe("soon");
  });
});

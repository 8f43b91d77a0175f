import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { effectiveCadence, followUpsAfterNote, formatCadence, normalizeCadence } from "./cadence";

describe("followUpsAfterNote", () => {
  it("schedules one, three, six and twelve months after the rejection", () => {
    const steps = followUpsAfterNote({ rejectedOn: "2026-11-20", sentOn: "2026-11-21" });
    expect(steps.map((step) => step.dueOn)).toEqual([
      "2026-12-20",
      "2027-02-20",
      "2027-05-20",
      "2027-11-20",
    ]);
    expect(steps[1]!.reason).toContain("probation");
  });

  it("never schedules a follow-up within a week of sending the note", () => {
    const steps = followUpsAfterNote({ rejectedOn: "2026-01-01", sentOn: "2026-02-10" });
    expect(steps[0]!.dueOn).toBe("2026-02-17");
  });

  it("anchors on the send date when the rejection date is unknown", () => {
    expect(followUpsAfterNote({ rejectedOn: null, sentOn: "2026-03-31" })[0]!.dueOn).toBe(
      "2026-04-30",
    );
  });

  it("always returns ascending, distinct dates at least a week after sending (property)", () => {
    const day = fc
      .date({ min: new Date("2020-01-01"), max: new Date("2035-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.option(day, { nil: null }), day, (rejectedOn, sentOn) => {
        const steps = followUpsAfterNote({ rejectedOn, sentOn });
        const dates = steps.map((step) => step.dueOn);
        const weekAfter = new Date(`${sentOn}T00:00:00`);
        weekAfter.setDate(weekAfter.getDate() + 7);
        return (
          steps.length >= 1 &&
          dates.every((date, i) => i === 0 || date > dates[i - 1]!) &&
          dates.every((date) => new Date(`${date}T00:00:00`) >= weekAfter)
        );
      }),
    );
  });

  it("follows a custom cadence when one is given, and the default for an empty one", () => {
    const steps = followUpsAfterNote({
      rejectedOn: "2026-11-20",
      sentOn: "2026-11-21",
      months: [2, 9],
    });
    expect(steps.map((step) => step.dueOn)).toEqual(["2027-01-20", "2027-08-20"]);
    expect(steps.every((step) => step.reason.length > 0)).toBe(true);
    expect(
      followUpsAfterNote({ rejectedOn: "2026-11-20", sentOn: "2026-11-21", months: [] }),
    ).toEqual(followUpsAfterNote({ rejectedOn: "2026-11-20", sentOn: "2026-11-21" }));
  });
});

describe("cadence settings", () => {
  it("keeps whole months within the limits, sorted and distinct", () => {
    expect(normalizeCadence([12, 3, 3, 0, 1.5, 40, 1])).toEqual([1, 3, 12]);
  });

  it("prefers the contact's cadence, then the user's, then the default", () => {
    expect(effectiveCadence([2], [4])).toEqual([2]);
    expect(effectiveCadence(null, [4])).toEqual([4]);
    expect(effectiveCadence(null, [])).toEqual([1, 3, 6, 12]);
  });

  it("formats a cadence for a form field", () => {
    expect(formatCadence([1, 3])).toBe("1, 3");
    expect(formatCadence(null)).toBe("");
  });
});

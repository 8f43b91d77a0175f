import { describe, expect, it } from "vitest";
import { decodeTimelineCursor, encodeTimelineCursor } from "./timeline-cursor";

describe("timeline cursor", () => {
  it("round-trips a moment and an id", () => {
    const cursor = {
      occurredAt: new Date("2026-02-03T04:05:06.789Z"),
      id: "0b6f4c1e-8a2d-4c3b-9f10-1234567890ab",
    };
    expect(decodeTimelineCursor(encodeTimelineCursor(cursor))).toEqual(cursor);
  });

  it("ignores malformed values", () => {
    expect(decodeTimelineCursor(undefined)).toBeUndefined();
    expect(decodeTimelineCursor("2026-02-03")).toBeUndefined();
    expect(decodeTimelineCursor("not-a-date_0b6f4c1e-8a2d-4c3b-9f10-1234567890ab")).toBeUndefined();
    expect(decodeTimelineCursor("2026-02-03T04:05:06.789Z_'; drop table")).toBeUndefined();
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { events, parseICalendar, property, text } from "@/tests/support/ical-reader";
import { buildFollowUpFeed, feedUrl, feedWindow, followUpEvent, tokenFromSegment } from "./feed";
import { requestOrigin } from "./origin";

const headers = (values: Record<string, string>) => new Headers(values);

describe("requestOrigin", () => {
  it("uses the forwarded host and protocol when a proxy sets them", () => {
    expect(
      requestOrigin(
        headers({
          host: "internal:3000",
          "x-forwarded-host": "app.example.com",
          "x-forwarded-proto": "https",
        }),
        "http://localhost:3000",
      ),
    ).toBe("https://app.example.com");
  });

  it("falls back to Host over plain HTTP", () => {
    expect(requestOrigin(headers({ host: "localhost:3000" }), "http://x")).toBe(
      "http://localhost:3000",
    );
    expect(requestOrigin(headers({ host: "[::1]:3000" }), "http://x")).toBe("http://[::1]:3000");
  });

  it("takes the first of several forwarded values", () => {
    expect(
      requestOrigin(headers({ host: "a.test", "x-forwarded-proto": "https, http" }), "http://x"),
    ).toBe("https://a.test");
  });

  it("ignores a host that could smuggle a different URL", () => {
    for (const host of ["evil.test/@x", "a b", "user@evil.test", "evil.test\\x", ""]) {
      expect(requestOrigin(headers({ host }), "http://fallback.test/")).toBe(
        "http://fallback.test",
      );
    }
  });
});

describe("tokenFromSegment", () => {
  const token = randomBytes(32).toString("base64url");

  it("accepts a generated token with or without .ics", () => {
    expect(token).toHaveLength(43);
    expect(tokenFromSegment(`${token}.ics`)).toBe(token);
    expect(tokenFromSegment(token)).toBe(token);
  });

  it("refuses anything of the wrong shape", () => {
    for (const segment of [
      "",
      ".ics",
      "abc.ics",
      `${token}x.ics`,
      `${token.slice(1)}=.ics`,
      `${token}.ical`,
    ]) {
      expect(tokenFromSegment(segment)).toBeUndefined();
    }
  });
});

describe("feedWindow", () => {
  it("covers 30 days back and 400 days ahead, in UTC days", () => {
    expect(feedWindow(new Date("2026-03-02T23:30:00Z"))).toEqual({
      from: "2026-01-31",
      to: "2027-04-06",
    });
  });
});

describe("the follow-up feed", () => {
  const origin = "https://app.example.com";
  const base = {
    id: "0b4f7b8e-59a5-4d5d-8d84-0d8f4b7a9c11",
    dueOn: "2026-04-01",
    reason: "Check in around the end of the probation period.",
    contactId: "4a7c6a55-2a39-4b5e-a2a6-9ef1f1f0a111",
    contactName: "Dana Reyes",
    companyName: "Northwind",
    jobTitle: "Senior Platform Engineer",
  };

  it("names the person and the company, and links to the contact", () => {
    const event = followUpEvent(base, origin);
    expect(event.summary).toBe("Check in with Dana Reyes (Northwind)");
    expect(event.uid).toBe(`${base.id}@runner-up`);
    expect(event.url).toBe(`${origin}/contacts/${base.contactId}`);
    expect(event.description).toContain(base.reason);
    expect(event.description).toContain("About: Senior Platform Engineer");
  });

  it("leaves out the company when there is none", () => {
    expect(followUpEvent({ ...base, companyName: null, jobTitle: null }, origin).summary).toBe(
      "Check in with Dana Reyes",
    );
  });

  it("is a calendar that reads back", () => {
    const feed = buildFollowUpFeed([base], { origin, now: new Date("2026-03-02T00:00:00Z") });
    const [event] = events(parseICalendar(feed));
    expect(text(event!, "SUMMARY")).toBe("Check in with Dana Reyes (Northwind)");
    expect(property(event!, "DTSTART")?.value).toBe("20260401");
  });

  it("builds the subscription URL", () => {
    expect(feedUrl(origin, "abc")).toBe(`${origin}/api/calendar/abc.ics`);
  });
});

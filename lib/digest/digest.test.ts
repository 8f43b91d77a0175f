import { describe, expect, it } from "vitest";
import { bearerMatches } from "./bearer";
import { DIGEST_SUBJECT, escapeHtml, renderDigestEmail } from "./email";
import { digestWindow } from "./week";

describe("digestWindow", () => {
  it("keys the week by its Monday and covers today plus six days", () => {
    // Wednesday 4 March 2026.
    expect(digestWindow(new Date("2026-03-04T12:00:00Z"))).toEqual({
      today: "2026-03-04",
      weekStart: "2026-03-02",
      dueOnOrBefore: "2026-03-10",
    });
  });

  it("puts Sunday in the week that started the Monday before, and Monday in its own", () => {
    expect(digestWindow(new Date("2026-03-08T23:59:59Z")).weekStart).toBe("2026-03-02");
    expect(digestWindow(new Date("2026-03-09T00:00:00Z")).weekStart).toBe("2026-03-09");
  });

  it("crosses a year boundary (ISO week 1 of 2027 starts on Monday 4 January)", () => {
    expect(digestWindow(new Date("2027-01-03T10:00:00Z")).weekStart).toBe("2026-12-28");
    expect(digestWindow(new Date("2027-01-04T10:00:00Z")).weekStart).toBe("2027-01-04");
  });
});

describe("bearerMatches", () => {
  const secret = "a-long-enough-cron-secret";

  it("accepts exactly the secret", () => {
    expect(bearerMatches(`Bearer ${secret}`, secret)).toBe(true);
    expect(bearerMatches(`bearer ${secret}`, secret)).toBe(true);
  });

  it("refuses anything else", () => {
    for (const header of [
      null,
      "",
      secret,
      "Bearer",
      "Bearer ",
      `Basic ${secret}`,
      `Bearer ${secret}x`,
      `Bearer ${secret.slice(0, -1)}`,
      `Bearer ${secret} extra`,
    ]) {
      expect(bearerMatches(header, secret)).toBe(false);
    }
  });
});

describe("renderDigestEmail", () => {
  const hostile = `<script>alert("x")</script> & 'Co'`;
  const email = renderDigestEmail({
    recipientName: "Jordan Avery",
    today: "2026-03-04",
    total: 3,
    appUrl: "https://app.example.com/",
    items: [
      {
        id: "f1",
        dueOn: "2026-03-01",
        reason: "Check in:\nthe new hire <b>started</b>.",
        contactId: "c1",
        contactName: hostile,
        companyName: `<img src=x onerror=alert(1)>`,
      },
      {
        id: "f2",
        dueOn: "2026-03-06",
        reason: "Ask about openings.",
        contactId: "c2",
        contactName: "Dana Reyes",
        companyName: null,
      },
    ],
  });

  it("has the subject and greets by first name", () => {
    expect(email.subject).toBe(DIGEST_SUBJECT);
    expect(email.text.startsWith("Hi Jordan,")).toBe(true);
    expect(email.html).toContain("Hi Jordan,");
  });

  it("escapes every user value in the HTML", () => {
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>");
    expect(email.html).toContain(escapeHtml(hostile));
    expect(escapeHtml(hostile)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;",
    );
  });

  it("lists date, person, company, reason and a link in the text part", () => {
    expect(email.text).toContain("Overdue since 1 Mar 2026");
    expect(email.text).toContain("6 Mar 2026: Dana Reyes\n");
    expect(email.text).toContain("Check in: the new hire <b>started</b>.");
    expect(email.text).toContain("https://app.example.com/contacts/c1");
    expect(email.html).toContain('href="https://app.example.com/contacts/c2"');
    expect(email.text).toContain("3 follow-ups due this week (1 overdue)");
    expect(email.text).toContain("…and 1 more in Runner-Up.");
  });
});

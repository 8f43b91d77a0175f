import { addDays } from "date-fns";
import { eq } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getCalendarToken, listOpenFollowUps } from "@/lib/db/queries/calendar";
import type { SessionUser } from "@/lib/db/queries/users";
import { users } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { idle } from "@/lib/validations/form";
import { createTestUser } from "../support/builders";
import {
  form,
  makeApplication,
  makeCompany,
  makeContact,
  makeFollowUp,
  redirectedTo,
} from "../support/contact-builders";
import { events, parseICalendar, property, text } from "../support/ical-reader";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/current-user", () => ({
  currentUser: async () => session.user,
  requireUser: async () => session.user,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ host: "app.test", "x-forwarded-proto": "https" }),
}));

const actions = await import("@/app/(app)/settings/calendar-actions");
const route = await import("@/app/api/calendar/[token]/route");
const { CalendarFeedSection } = await import("@/components/settings/calendar-feed-section");
const { DigestNotice } = await import("@/components/settings/digest-notice");

const day = (offset: number) => addDays(new Date(), offset).toISOString().slice(0, 10);

async function fetchFeed(token: string | null | undefined, headers: Record<string, string> = {}) {
  const segment = `${token ?? "missing"}.ics`;
  return route.GET(
    new Request(`http://app.test/api/calendar/${segment}`, {
      headers: { host: "app.test", ...headers },
    }),
    { params: Promise.resolve({ token: segment }) },
  );
}

async function enableFeedFor(user: SessionUser): Promise<string> {
  session.user = user;
  expect(await redirectedTo(actions.enableCalendarFeed(idle, form({})))).toBe(
    "/settings#calendar-feed",
  );
  const token = await getCalendarToken(user.id);
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token!;
}

let alice: SessionUser;
let bob: SessionUser;

beforeEach(async () => {
  alice = await createTestUser({ name: "Alice" });
  bob = await createTestUser({ name: "Bob" });
  session.user = alice;
});

/** Alice's follow-ups: which of them the feed must list, and which not. */
async function aliceFollowUps() {
  const northwind = await makeCompany(alice.id, { name: "Northwind, Inc." });
  const contoso = await makeCompany(alice.id, { name: "Contoso" });
  const dana = await makeContact(alice.id, { fullName: "Dana Reyes", companyId: contoso.id });
  const ana = await makeContact(alice.id, { fullName: "Ana; \\Silva, PhD" });
  const application = await makeApplication(alice.id, northwind.id, {
    jobTitle: "Platform Engineer",
  });
  const listed = [
    await makeFollowUp(alice.id, dana.id, {
      dueOn: day(3),
      applicationId: application.id,
      reason: "Check in:\nthe new hire has just started; plans can change, really.",
    }),
    await makeFollowUp(alice.id, ana.id, { dueOn: day(-10), reason: "Overdue check-in" }),
    await makeFollowUp(alice.id, dana.id, { dueOn: day(390), reason: "Yearly" }),
  ];
  const unlisted = [
    await makeFollowUp(alice.id, dana.id, { dueOn: day(5), status: "done" }),
    await makeFollowUp(alice.id, dana.id, { dueOn: day(6), status: "skipped" }),
    await makeFollowUp(alice.id, dana.id, { dueOn: day(-45) }),
    await makeFollowUp(alice.id, dana.id, { dueOn: day(420) }),
  ];
  return { listed, unlisted, dana, ana, application };
}

describe("listOpenFollowUps", () => {
  it("returns the user's open follow-ups in range, with the process's employer first", async () => {
    const { listed, dana } = await aliceFollowUps();
    const rows = await listOpenFollowUps(alice.id, {
      onOrAfter: day(-30),
      onOrBefore: day(400),
      limit: 500,
    });
    expect(rows.map((row) => row.id)).toEqual([listed[1]!.id, listed[0]!.id, listed[2]!.id]);
    expect(rows[1]).toMatchObject({
      contactId: dana.id,
      contactName: "Dana Reyes",
      companyName: "Northwind, Inc.",
      jobTitle: "Platform Engineer",
    });
    // Without an application, the person's current employer.
    expect(rows[2]!.companyName).toBe("Contoso");
    expect(rows[0]!.companyName).toBeNull();
  });

  it("never returns another user's follow-ups", async () => {
    await aliceFollowUps();
    expect(await listOpenFollowUps(bob.id, { limit: 500 })).toEqual([]);
  });
});

describe("the calendar feed", () => {
  it("lists exactly the owner's open follow-ups in the window, as valid iCalendar", async () => {
    const { listed, dana } = await aliceFollowUps();
    const bobContact = await makeContact(bob.id, { fullName: "Bob's Contact" });
    const bobFollowUp = await makeFollowUp(bob.id, bobContact.id, { dueOn: day(3) });
    await enableFeedFor(bob);
    const token = await enableFeedFor(alice);

    const response = await fetchFeed(token, { "x-forwarded-proto": "https" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    const body = await response.text();
    expect(body).not.toContain(bobFollowUp.id);
    expect(body).not.toContain("Bob's Contact");

    const calendar = parseICalendar(body);
    expect(property(calendar, "VERSION")?.value).toBe("2.0");
    expect(property(calendar, "METHOD")?.value).toBe("PUBLISH");
    expect(property(calendar, "CALSCALE")?.value).toBe("GREGORIAN");
    expect(property(calendar, "PRODID")).toBeDefined();
    expect(text(calendar, "X-WR-CALNAME")).toBe("Runner-Up follow-ups");
    const found = events(calendar);
    expect(found.map((event) => text(event, "UID")).sort()).toEqual(
      listed.map((followUp) => `${followUp.id}@runner-up`).sort(),
    );

    const first = found.find((event) => text(event, "UID") === `${listed[0]!.id}@runner-up`)!;
    expect(text(first, "SUMMARY")).toBe("Check in with Dana Reyes (Northwind, Inc.)");
    expect(text(first, "DESCRIPTION")).toContain(
      "Check in:\nthe new hire has just started; plans can change, really.",
    );
    expect(property(first, "DTSTART")).toMatchObject({
      params: { VALUE: "DATE" },
      value: day(3).replaceAll("-", ""),
    });
    expect(property(first, "DTEND")?.value).toBe(day(4).replaceAll("-", ""));
    expect(property(first, "DTSTAMP")?.value).toMatch(/^\d{8}T\d{6}Z$/);
    expect(property(first, "URL")?.value).toBe(`https://app.test/contacts/${dana.id}`);

    const overdue = found.find((event) => text(event, "UID") === `${listed[1]!.id}@runner-up`)!;
    expect(text(overdue, "SUMMARY")).toBe("Check in with Ana; \\Silva, PhD");
  });

  it("keeps each event's UID stable from one fetch to the next", async () => {
    const { listed } = await aliceFollowUps();
    const token = await enableFeedFor(alice);
    const uids = async () =>
      events(parseICalendar(await (await fetchFeed(token)).text())).map((event) =>
        text(event, "UID"),
      );
    const before = await uids();
    expect(before).toHaveLength(listed.length);
    expect(await uids()).toEqual(before);
  });

  it("is an empty calendar, not an error, when nothing is due", async () => {
    const token = await enableFeedFor(alice);
    const response = await fetchFeed(token);
    expect(response.status).toBe(200);
    expect(events(parseICalendar(await response.text()))).toEqual([]);
  });

  it("answers a bare 404 for malformed, unknown and missing tokens", async () => {
    await enableFeedFor(alice);
    const unknown = "A".repeat(43);
    for (const token of [unknown, "garbage", "", "../../etc/passwd", `${"A".repeat(42)}=`]) {
      const response = await fetchFeed(token);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe("Not found\n");
    }
  });
});

describe("calendar feed actions", () => {
  it("turning it on twice keeps the first URL", async () => {
    const token = await enableFeedFor(alice);
    expect(await enableFeedFor(alice)).toBe(token);
  });

  it("regenerating revokes the old URL", async () => {
    await aliceFollowUps();
    const old = await enableFeedFor(alice);
    await expect(actions.regenerateCalendarFeedFromForm(form({}))).rejects.toThrow(/NEXT_REDIRECT/);
    const fresh = await getCalendarToken(alice.id);
    expect(fresh).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fresh).not.toBe(old);
    expect((await fetchFeed(old)).status).toBe(404);
    expect((await fetchFeed(fresh)).status).toBe(200);
  });

  it("turning it off makes the URL 404", async () => {
    const token = await enableFeedFor(alice);
    expect(await redirectedTo(actions.disableCalendarFeedFromForm(form({})))).toBe(
      "/settings#calendar-feed",
    );
    expect(await getCalendarToken(alice.id)).toBeNull();
    expect((await fetchFeed(token)).status).toBe(404);
  });

  it("acts only on the signed-in user's own feed, whatever the form sends", async () => {
    const aliceToken = await enableFeedFor(alice);
    const bobToken = await enableFeedFor(bob);
    session.user = bob;
    const hostile = form({ userId: alice.id, id: alice.id, token: aliceToken });
    await expect(actions.regenerateCalendarFeed(idle, hostile)).rejects.toThrow(/NEXT_REDIRECT/);
    await expect(actions.disableCalendarFeedFromForm(hostile)).rejects.toThrow(/NEXT_REDIRECT/);
    expect(await getCalendarToken(bob.id)).toBeNull();
    expect(await getCalendarToken(alice.id)).toBe(aliceToken);
    expect((await fetchFeed(aliceToken)).status).toBe(200);
    expect((await fetchFeed(bobToken)).status).toBe(404);
  });

  it("refuses a signed-out caller and changes nothing", async () => {
    const token = await enableFeedFor(alice);
    session.user = null;
    for (const action of [
      actions.enableCalendarFeed,
      actions.regenerateCalendarFeed,
      actions.disableCalendarFeed,
    ]) {
      expect(await action(idle, form({}))).toMatchObject({
        status: "error",
        code: "unauthenticated",
      });
    }
    expect(await redirectedTo(actions.disableCalendarFeedFromForm(form({})))).toBe("/sign-in");
    expect(await getCalendarToken(alice.id)).toBe(token);
  });

  it("answers not_found for a session whose account is gone", async () => {
    session.user = { id: "00000000-0000-4000-8000-000000000000", name: null, email: "x@y.test" };
    expect(await actions.enableCalendarFeed(idle, form({}))).toMatchObject({
      status: "error",
      code: "not_found",
    });
  });

  it("deleting the account takes the feed with it", async () => {
    const token = await enableFeedFor(alice);
    await getDb().delete(users).where(eq(users.id, alice.id));
    expect((await fetchFeed(token)).status).toBe(404);
  });
});

describe("the settings section", () => {
  const render = async (userId: string) =>
    renderToStaticMarkup(await CalendarFeedSection({ userId }));

  it("offers to turn the feed on, then shows the user's own URL with the request's origin", async () => {
    expect(await render(alice.id)).toContain("Turn on the calendar feed");
    const token = await enableFeedFor(alice);
    const html = await render(alice.id);
    expect(html).toContain(`value="https://app.test/api/calendar/${token}.ics"`);
    expect(html).toContain(`href="webcal://app.test/api/calendar/${token}.ics"`);
    expect(html).toContain("Regenerate URL");
    expect(html).not.toContain("Turn on the calendar feed");
    // Bob sees his own state, never Alice's URL.
    expect(await render(bob.id)).not.toContain(token);
  });

  it("mentions the weekly digest only when e-mail is configured", () => {
    const saved = { SMTP_URL: env.SMTP_URL, CRON_SECRET: env.CRON_SECRET };
    try {
      env.SMTP_URL = undefined;
      env.CRON_SECRET = undefined;
      expect(DigestNotice({ email: alice.email })).toBeNull();
      env.SMTP_URL = "smtp://127.0.0.1:2525";
      expect(DigestNotice({ email: alice.email })).toBeNull();
      env.CRON_SECRET = "a-cron-secret-long-enough";
      const html = renderToStaticMarkup(DigestNotice({ email: alice.email }));
      expect(html).toContain("Weekly digest: on");
      expect(html).toContain(alice.email);
    } finally {
      Object.assign(env, saved);
    }
  });
});

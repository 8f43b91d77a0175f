import { addDays, addMinutes } from "date-fns";
import { inArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { getDigestDelivery } from "@/lib/db/queries/digest";
import type { SessionUser } from "@/lib/db/queries/users";
import { digestDeliveries, users } from "@/lib/db/schema";
import { DIGEST_SUBJECT } from "@/lib/digest/email";
import { handleDigestRequest } from "@/lib/digest/http";
import { type DigestConfig, sendWeeklyDigests } from "@/lib/digest/send";
import { env } from "@/lib/env";
import { createTestUser } from "../support/builders";
import { makeCompany, makeContact, makeFollowUp } from "../support/contact-builders";
import { type SmtpTestServer, startSmtpTestServer } from "../support/smtp-test-server";

const route = await import("@/app/api/digest/route");

// Every test runs the digest for its own week in 2001: the follow-ups of other test files (on
// a shared Postgres) are all due decades later, so they never enter these runs. Each test
// deletes its users when it ends (their 2001 follow-ups would stay overdue), and assertions
// look only at the test's own users.
const FIRST_MONDAY = new Date("2001-01-01T09:00:00Z");
const wednesdayOfWeek = (n: number) => addDays(FIRST_MONDAY, 7 * n + 2);
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const CRON_SECRET = "test-cron-secret-0123456789";

let smtp: SmtpTestServer;
let transport: nodemailer.Transporter;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  transport = nodemailer.createTransport(smtp.url);
});
afterAll(async () => {
  transport.close();
  await smtp.close();
});
const created: string[] = [];
afterEach(async () => {
  smtp.acceptAll();
  vi.restoreAllMocks();
  // Their 2001 follow-ups would stay overdue and join every later test's run.
  if (created.length > 0)
    await getDb()
      .delete(users)
      .where(inArray(users.id, created.splice(0)));
});

function run(now: Date, overrides: Partial<DigestConfig> = {}) {
  return sendWeeklyDigests({
    transport,
    from: "Runner-Up <digest@runner-up.test>",
    appUrl: "https://app.test",
    now,
    ...overrides,
  });
}

/** A user with one open follow-up due on `dueOn` (and whatever else `extra` adds). */
async function userDue(
  name: string,
  dueOn: Date | null,
  contact: { fullName?: string; companyName?: string; reason?: string } = {},
): Promise<SessionUser & { contactId: string }> {
  const user = await createTestUser({ name });
  created.push(user.id);
  const company = contact.companyName
    ? await makeCompany(user.id, { name: contact.companyName })
    : undefined;
  const person = await makeContact(user.id, {
    fullName: contact.fullName ?? `${name}'s contact`,
    companyId: company?.id,
  });
  if (dueOn) {
    await makeFollowUp(user.id, person.id, {
      dueOn: isoDay(dueOn),
      reason: contact.reason ?? "Check in around the end of the probation period.",
    });
  }
  return { ...user, contactId: person.id };
}

describe("sendWeeklyDigests", () => {
  it("mails only the users with follow-ups due this week or overdue", async () => {
    const now = wednesdayOfWeek(0);
    const alice = await userDue("Alice Example", addDays(now, 3), {
      fullName: "Dana Reyes",
      companyName: "Northwind",
    });
    const dave = await userDue("Dave", addDays(now, -2));
    const bob = await userDue("Bob", addDays(now, 10));
    const carol = await userDue("Carol", null);
    const done = await makeContact(carol.id);
    await makeFollowUp(carol.id, done.id, { dueOn: isoDay(now), status: "done" });
    await makeFollowUp(carol.id, done.id, { dueOn: isoDay(now), status: "skipped" });
    const erin = await userDue("Erin", null);

    const result = await run(now);
    expect(result.weekStart).toBe("2001-01-01");
    expect(result.failed).toBe(0);
    expect(smtp.to(alice.email)).toHaveLength(1);
    expect(smtp.to(dave.email)).toHaveLength(1);
    for (const user of [bob, carol, erin]) expect(smtp.to(user.email)).toHaveLength(0);

    const [mail] = smtp.to(alice.email);
    expect(mail!.from).toBe("digest@runner-up.test");
    expect(mail!.subject).toBe(DIGEST_SUBJECT);
    expect(mail!.text).toContain("Hi Alice,");
    expect(mail!.text).toContain("6 Jan 2001: Dana Reyes (Northwind)");
    expect(mail!.text).toContain("Check in around the end of the probation period.");
    expect(mail!.text).toContain(`https://app.test/contacts/${alice.contactId}`);
    expect(mail!.html).toContain(`href="https://app.test/contacts/${alice.contactId}"`);
    expect(smtp.to(dave.email)[0]!.text).toContain("Overdue since 1 Jan 2001");

    expect(await getDigestDelivery(alice.id, "2001-01-01")).toMatchObject({ status: "sent" });
    expect(await getDigestDelivery(bob.id, "2001-01-01")).toBeUndefined();
  });

  it("sends one e-mail per user and week, across concurrent and later calls", async () => {
    const now = wednesdayOfWeek(1);
    const alice = await userDue("Alice", addDays(now, 1));
    const bob = await userDue("Bob", addDays(now, -1));

    // Two instances (own transports, own connections) fired by the same cron tick, plus a retry.
    const other = nodemailer.createTransport(smtp.url);
    try {
      await Promise.all([run(now), run(now, { transport: other }), run(now)]);
    } finally {
      other.close();
    }
    expect(smtp.to(alice.email)).toHaveLength(1);
    expect(smtp.to(bob.email)).toHaveLength(1);

    // Later the same week (Sunday night): nothing new.
    await run(addMinutes(addDays(now, 4), 14 * 60 + 50));
    expect(smtp.to(alice.email)).toHaveLength(1);

    // The next ISO week: the next digest.
    await run(addDays(now, 5));
    expect(smtp.to(alice.email)).toHaveLength(2);
    expect(smtp.to(bob.email)).toHaveLength(2);
  });

  it("retries a refused message on the next call, without holding up the others", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const now = wednesdayOfWeek(2);
    const alice = await userDue("Alice", addDays(now, 2));
    const bob = await userDue("Bob", addDays(now, 2));
    smtp.reject(alice.email);

    const first = await run(now);
    expect(first.failed).toBeGreaterThanOrEqual(1);
    expect(smtp.refused()).toBeGreaterThanOrEqual(1);
    expect(smtp.to(alice.email)).toHaveLength(0);
    expect(smtp.to(bob.email)).toHaveLength(1);
    expect(await getDigestDelivery(alice.id, isoDay(addDays(now, -2)))).toMatchObject({
      status: "failed",
      sentAt: null,
    });

    smtp.acceptAll();
    await run(addMinutes(now, 60));
    expect(smtp.to(alice.email)).toHaveLength(1);
    expect(smtp.to(bob.email)).toHaveLength(1);
    expect(await getDigestDelivery(alice.id, isoDay(addDays(now, -2)))).toMatchObject({
      status: "sent",
    });
    await run(addMinutes(now, 120));
    expect(smtp.to(alice.email)).toHaveLength(1);
  });

  it("stops after repeated failures when the mail server is down, and catches up later", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const now = wednesdayOfWeek(3);
    const alice = await userDue("Alice", addDays(now, 1));
    const dead = nodemailer.createTransport({
      host: "127.0.0.1",
      port: 1,
      connectionTimeout: 2000,
    });
    const down = await run(now, { transport: dead, maxConsecutiveFailures: 1 });
    dead.close();
    expect(down).toMatchObject({ sent: 0, failed: 1, aborted: true });

    await run(now);
    expect(smtp.to(alice.email)).toHaveLength(1);
  });

  it("takes over a claim left 'sending' by a crashed instance, but not a live one", async () => {
    const now = wednesdayOfWeek(4);
    const weekStart = isoDay(addDays(now, -2));
    const crashed = await userDue("Crashed", addDays(now, 1));
    const busy = await userDue("Busy", addDays(now, 1));
    await getDb()
      .insert(digestDeliveries)
      .values([
        {
          userId: crashed.id,
          weekStart,
          status: "sending",
          claimedAt: addMinutes(new Date(), -20),
        },
        { userId: busy.id, weekStart, status: "sending", claimedAt: addMinutes(new Date(), -1) },
      ]);

    const result = await run(now);
    expect(result.skipped).toBeGreaterThanOrEqual(1);
    expect(smtp.to(crashed.email)).toHaveLength(1);
    expect(smtp.to(busy.email)).toHaveLength(0);
    expect(await getDigestDelivery(crashed.id, weekStart)).toMatchObject({ status: "sent" });
    expect(await getDigestDelivery(busy.id, weekStart)).toMatchObject({ status: "sending" });
  });

  it("walks users page by page", async () => {
    const now = wednesdayOfWeek(5);
    const paged = [];
    for (let i = 0; i < 5; i++) paged.push(await userDue(`Paged ${i}`, addDays(now, i % 3)));
    await run(now, { pageSize: 2 });
    for (const user of paged) expect(smtp.to(user.email)).toHaveLength(1);
  });

  it("escapes hostile names and reasons in the HTML part", async () => {
    const now = wednesdayOfWeek(6);
    const alice = await userDue(`<b>Mallory</b>`, addDays(now, 1), {
      fullName: `<script>alert("x")</script> & Co`,
      companyName: `"><img src=x onerror=alert(1)>`,
      reason: `Ask about <a href="javascript:alert(1)">this</a>`,
    });
    await run(now);
    const [mail] = smtp.to(alice.email);
    expect(mail).toBeDefined();
    expect(mail!.html).not.toMatch(/<script|<img|<b>|javascript:alert\(1\)">/i);
    expect(mail!.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(mail!.html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(mail!.html).toContain("Hi &lt;b&gt;Mallory&lt;/b&gt;,");
    // The text part shows them as typed: it is never rendered as markup.
    expect(mail!.text).toContain(`<script>alert("x")</script> & Co`);
  });
});

describe("the digest endpoint", () => {
  const config = (overrides: Partial<Parameters<typeof handleDigestRequest>[1]> = {}) => ({
    smtpUrl: smtp.url,
    cronSecret: CRON_SECRET,
    from: "Runner-Up <digest@runner-up.test>",
    appUrl: "https://app.test",
    now: wednesdayOfWeek(7),
    ...overrides,
  });
  const request = (authorization?: string, method = "POST") =>
    new Request("http://app.test/api/digest", {
      method,
      headers: authorization ? { authorization } : {},
    });

  it("sends with the right bearer secret", async () => {
    const alice = await userDue("Alice", addDays(wednesdayOfWeek(7), 1));
    const response = await handleDigestRequest(request(`Bearer ${CRON_SECRET}`), config());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ weekStart: isoDay(addDays(wednesdayOfWeek(7), -2)), failed: 0 });
    expect(body.sent).toBeGreaterThanOrEqual(1);
    expect(smtp.to(alice.email)).toHaveLength(1);
  });

  it("answers 401 to a missing or wrong secret, and sends nothing", async () => {
    const now = wednesdayOfWeek(8);
    const alice = await userDue("Alice", addDays(now, 1));
    for (const authorization of [
      undefined,
      "Bearer",
      `Bearer ${CRON_SECRET}x`,
      `Bearer ${CRON_SECRET.slice(1)}`,
      `Basic ${CRON_SECRET}`,
      CRON_SECRET,
    ]) {
      const response = await handleDigestRequest(request(authorization), config({ now }));
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
    }
    // No CRON_SECRET configured: nobody gets in.
    const open = await handleDigestRequest(
      request("Bearer "),
      config({ now, cronSecret: undefined }),
    );
    expect(open.status).toBe(401);
    expect(smtp.to(alice.email)).toHaveLength(0);
    expect(await getDigestDelivery(alice.id, isoDay(addDays(now, -2)))).toBeUndefined();
  });

  it("answers 404 when SMTP is not configured, whatever the secret", async () => {
    const response = await handleDigestRequest(
      request(`Bearer ${CRON_SECRET}`),
      config({ smtpUrl: undefined }),
    );
    expect(response.status).toBe(404);
  });

  it("the route reads its settings from the environment, for GET and POST", async () => {
    const saved = { SMTP_URL: env.SMTP_URL, CRON_SECRET: env.CRON_SECRET };
    try {
      env.SMTP_URL = undefined;
      env.CRON_SECRET = CRON_SECRET;
      expect((await route.POST(request(`Bearer ${CRON_SECRET}`))).status).toBe(404);
      expect((await route.GET(request(`Bearer ${CRON_SECRET}`, "GET"))).status).toBe(404);

      env.SMTP_URL = smtp.url;
      expect((await route.POST(request())).status).toBe(401);
      expect((await route.GET(request("Bearer wrong-secret-value", "GET"))).status).toBe(401);
      env.CRON_SECRET = undefined;
      expect((await route.POST(request(`Bearer ${CRON_SECRET}`))).status).toBe(401);
    } finally {
      Object.assign(env, saved);
    }
  });
});

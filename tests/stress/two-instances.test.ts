import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { contacts, digestDeliveries, followUps } from "@/lib/db/schema";
import { createDemoUser } from "@/lib/demo/seed";
import { type SmtpTestServer, startSmtpTestServer } from "../support/smtp-test-server";
import { type AppServer, startApp } from "./support/app-server";
import {
  createScratchDatabase,
  type ScratchDatabase,
  testDatabaseUrl,
  withHandle,
} from "./support/databases";
import { FormClient } from "./support/form-client";

// Two `next start` processes on one Postgres database, as behind a load balancer. State that
// matters for correctness lives in the database, so the two behave as one: the sign-in limits
// count failures across both, and a weekly digest run on both at once sends each person one
// e-mail.

const PORTS = [4240, 4241] as const;
const SMTP_PORT = 4242;
const MAX_FAILURES_PER_ACCOUNT = 3;
const MAX_FAILURES_PER_CLIENT = 8;
const CRON_SECRET = "stress-two-instances-cron-secret";
const PASSWORD = "correct horse battery staple";
const DIGEST_USERS = 60;

const rateLimitedMessage = /Too many failed sign-in attempts/;
const wrongPasswordMessage = /do not match an account/;

describe.skipIf(!testDatabaseUrl)("two app instances on one Postgres", () => {
  let database: ScratchDatabase;
  let smtp: SmtpTestServer;
  const apps: AppServer[] = [];
  const emails = {
    limited: `limited-${Date.now()}@example.test`,
    bystander: `bystander-${Date.now()}@example.test`,
    lateComer: `late-${Date.now()}@example.test`,
  };
  let digestEmails: string[] = [];

  beforeAll(async () => {
    database = await createScratchDatabase("two");
    const passwordHash = await hashPassword(PASSWORD);
    digestEmails = await withHandle({ url: database.url }, async (handle) => {
      for (const email of Object.values(emails)) {
        await createDemoUser(handle.db, { email, name: "Sign In", passwordHash });
      }
      // People with an open follow-up due: each should get exactly one digest this week.
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const list: string[] = [];
      for (let index = 0; index < DIGEST_USERS; index++) {
        const email = `digest-${index}-${Date.now()}@example.test`;
        const userId = await createDemoUser(handle.db, {
          email,
          name: `Digest ${index}`,
          passwordHash: null,
        });
        const [contact] = await handle.db
          .insert(contacts)
          .values({ userId, fullName: `Recruiter of ${index}` })
          .returning({ id: contacts.id });
        await handle.db.insert(followUps).values({
          userId,
          contactId: contact!.id,
          dueOn: yesterday,
          reason: "Check in",
          origin: "manual",
        });
        list.push(email);
      }
      return list;
    });
    smtp = await startSmtpTestServer({ port: SMTP_PORT });
    const env = {
      SIGN_IN_MAX_FAILURES_PER_ACCOUNT: String(MAX_FAILURES_PER_ACCOUNT),
      SIGN_IN_MAX_FAILURES_PER_CLIENT: String(MAX_FAILURES_PER_CLIENT),
      SIGN_IN_WINDOW_MINUTES: "15",
      SMTP_URL: smtp.url,
      CRON_SECRET,
    };
    for (const port of PORTS) {
      apps.push(await startApp({ port, databaseUrl: database.url, env }));
    }
  });

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await smtp?.close();
    await database?.drop();
  });

  /** Signs in through the real form on instance `index`; what the person was told. */
  async function signIn(index: number, email: string, password: string) {
    const answer = await new FormClient({ base: apps[index]!.base }).submit("/sign-in", {
      email,
      password,
    });
    if (answer.status === 303) return { signedIn: true, message: "" };
    expect(answer.status, answer.html.slice(0, 500)).toBe(200);
    return { signedIn: false, message: answer.alert ?? "" };
  }

  it("counts failed sign-ins across both instances: the limits trip at the configured totals", async () => {
    // Per account: failures alternate between the instances. Each instance alone has seen
    // fewer than the limit, yet the next attempt, even with the right password, is refused.
    for (let attempt = 0; attempt < MAX_FAILURES_PER_ACCOUNT; attempt++) {
      const result = await signIn(attempt % 2, emails.limited, "wrong password");
      expect(result.message, `failure ${attempt + 1}`).toMatch(wrongPasswordMessage);
    }
    for (const index of [0, 1]) {
      const refused = await signIn(index, emails.limited, PASSWORD);
      expect(refused.signedIn, `instance ${index + 1}`).toBe(false);
      expect(refused.message).toMatch(rateLimitedMessage);
    }

    // Per client address: failures on other accounts, alternating instances, up to one below
    // the limit. Someone else signing in from the same address still gets in...
    let failures = MAX_FAILURES_PER_ACCOUNT;
    while (failures < MAX_FAILURES_PER_CLIENT - 1) {
      const result = await signIn(failures % 2, `nobody-${failures}@example.test`, "guess");
      expect(result.message).toMatch(wrongPasswordMessage);
      failures++;
    }
    expect((await signIn(1, emails.bystander, PASSWORD)).signedIn).toBe(true);
    // ...until the failure that reaches the limit; then nobody from that address gets in.
    expect((await signIn(0, "nobody-last@example.test", "guess")).message).toMatch(
      wrongPasswordMessage,
    );
    for (const index of [1, 0]) {
      const refused = await signIn(index, emails.lateComer, PASSWORD);
      expect(refused.signedIn, `instance ${index + 1}`).toBe(false);
      expect(refused.message).toMatch(rateLimitedMessage);
    }
  });

  it("sends each person exactly one weekly digest when both instances run it at once", async () => {
    const run = (index: number) =>
      fetch(`${apps[index]!.base}/api/digest`, {
        method: "POST",
        headers: { authorization: `Bearer ${CRON_SECRET}` },
        signal: AbortSignal.timeout(120_000),
      }).then(async (response) => ({
        index,
        status: response.status,
        body: (await response.json()) as { sent: number; skipped: number; failed: number },
      }));
    // Three concurrent runs on each instance, like overlapping schedulers.
    const runs = await Promise.all([0, 1, 0, 1, 0, 1].map(run));
    const sentBy = [0, 1].map((index) =>
      runs.filter((r) => r.index === index).reduce((sum, r) => sum + r.body.sent, 0),
    );
    console.info(
      `Digest on two instances: ${smtp.messages.length} e-mails for ${DIGEST_USERS} people; ` +
        `instance 1 sent ${sentBy[0]}, instance 2 sent ${sentBy[1]}; runs: ${JSON.stringify(runs.map((r) => r.body))}`,
    );

    for (const result of runs) expect(result.status).toBe(200);
    expect(runs.reduce((sum, r) => sum + r.body.failed, 0)).toBe(0);
    for (const email of digestEmails) {
      expect(smtp.to(email), email).toHaveLength(1);
    }
    expect(smtp.messages).toHaveLength(DIGEST_USERS);
    expect(sentBy[0]! + sentBy[1]!).toBe(DIGEST_USERS);

    // Calling again on either instance sends nothing more this week.
    const again = await Promise.all([run(1), run(0)]);
    for (const result of again) expect(result.body.sent).toBe(0);
    expect(smtp.messages).toHaveLength(DIGEST_USERS);
    const deliveries = await withHandle({ url: database.url }, (handle) =>
      handle.db.select({ status: digestDeliveries.status }).from(digestDeliveries),
    );
    expect(deliveries.filter((row) => row.status === "sent")).toHaveLength(DIGEST_USERS);
    expect(deliveries.filter((row) => row.status !== "sent")).toEqual([]);
  });
});

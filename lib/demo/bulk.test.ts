import { describe, expect, it } from "vitest";
import { APPLICATION_STAGES } from "@/lib/db/schema";
import { generateBulk, generateContacts, planBulk, slug } from "./bulk";
import { countRows, type DemoRows, latestInteractionByContact } from "./types";

const now = new Date("2026-03-02T15:00:00Z");
const counter = () => {
  let n = 0;
  return () => `id-${n++}`;
};
const generate = (contacts: number, seed = 1, extra: { isSample?: boolean } = {}) =>
  generateBulk("user-1", { contacts, seed, now, newId: counter(), ...extra });

describe("generateBulk", () => {
  it("gives the same rows for the same seed, and other people for another seed", () => {
    expect(generate(300, 5)).toEqual(generate(300, 5));
    const names = (rows: DemoRows) => rows.contacts.map((row) => row.fullName);
    expect(names(generate(300, 6))).not.toEqual(names(generate(300, 5)));
  });

  it("gives the same people however the contacts are batched", () => {
    const whole = generateContacts(planBulk("u", { contacts: 250, now, newId: counter() }), 0, 250);
    const plan = planBulk("u", { contacts: 250, now, newId: counter() });
    const batched = [0, 64, 128, 192].map((start) => generateContacts(plan, start, 64));
    expect(batched.flatMap((rows) => rows.contacts)).toEqual(whole.contacts);
    expect(batched.flatMap((rows) => rows.interactions)).toEqual(whole.interactions);
    expect(generateContacts(plan, 240, 100).contacts).toHaveLength(10);
  });

  it("sizes companies, applications and interactions in proportion", () => {
    const counts = countRows(generate(2000));
    expect(counts.contacts).toBe(2000);
    expect(counts.companies).toBe(100);
    expect(counts.applications).toBe(200);
    expect(counts.interactions / counts.contacts).toBeGreaterThan(2.5);
    expect(counts.interactions / counts.contacts).toBeLessThan(3.5);
    expect(counts.participants).toBeGreaterThan(1200);
    expect(counts.notes).toBeGreaterThan(0);
    expect(counts.followUps).toBeGreaterThan(0);
    expect(counts.stageChanges).toBeGreaterThanOrEqual(counts.applications);
    expect(countRows(generate(0))).toMatchObject({ companies: 0, contacts: 0, applications: 0 });
  });

  it("varies names, titles, tags and stages", () => {
    const rows = generate(1000);
    const fullNames = new Set(rows.contacts.map((row) => row.fullName));
    const firstNames = new Set(rows.contacts.map((row) => row.fullName.split(" ")[0]));
    expect(fullNames.size).toBeGreaterThan(850);
    expect(firstNames.size).toBeGreaterThan(60);
    expect(new Set(rows.contacts.map((row) => row.title)).size).toBeGreaterThan(20);
    expect(new Set(rows.contacts.flatMap((row) => row.tags ?? [])).size).toBeGreaterThan(10);
    expect(new Set(rows.companies.map((row) => row.name)).size).toBe(rows.companies.length);
    const stages = new Set(rows.applications.map((row) => row.stage));
    for (const stage of APPLICATION_STAGES) expect(stages).toContain(stage);
    expect(new Set(rows.participants.map((row) => row.role)).size).toBe(6);
  });

  it("keeps every row consistent: owner, links, recency, history, dates", () => {
    const rows = generate(1500);
    const all = Object.values(rows).flat() as { userId: string }[];
    expect(all.every((row) => row.userId === "user-1")).toBe(true);

    const contactIds = new Set(rows.contacts.map((row) => row.id));
    const companyIds = new Set(rows.companies.map((row) => row.id));
    const applicationIds = new Set(rows.applications.map((row) => row.id));
    for (const row of [...rows.interactions, ...rows.notes, ...rows.followUps]) {
      expect(contactIds.has(row.contactId)).toBe(true);
      if (row.applicationId) expect(applicationIds.has(row.applicationId)).toBe(true);
    }
    for (const row of rows.contacts)
      if (row.companyId) expect(companyIds.has(row.companyId)).toBe(true);
    const pairs = rows.participants.map((row) => `${row.applicationId}/${row.contactId}`);
    expect(new Set(pairs).size).toBe(pairs.length);

    const latest = latestInteractionByContact(rows.interactions);
    for (const row of rows.contacts) {
      expect(row.lastContactedAt ?? null).toEqual(latest.get(row.id as string) ?? null);
    }
    expect(rows.contacts.some((row) => row.lastContactedAt === null)).toBe(true);
    expect(rows.interactions.every((row) => row.occurredAt <= now)).toBe(true);

    for (const application of rows.applications) {
      const history = rows.stageChanges.filter((row) => row.applicationId === application.id);
      expect(history[0]?.stage).toBe("applied");
      expect(history[0]?.changedOn).toBe(application.appliedOn);
      expect(history.at(-1)?.stage).toBe(application.stage);
      const days = history.map((row) => row.changedOn);
      expect([...days].sort()).toEqual(days);
      expect(application.rejectedOn != null).toBe(application.stage === "rejected");
      if (application.rejectedOn) expect(application.rejectedOn).toBe(history.at(-1)?.changedOn);
      expect(application.wasFinalist).toBe(history.some((row) => row.stage === "final_round"));
      if (application.runnerUpRank != null) expect(application.wasFinalist).toBe(true);
      expect(application.appliedOn! <= "2026-03-02").toBe(true);
    }
  });

  it("flags rows as sample by default and not when asked", () => {
    const flagged = generate(100);
    expect(flagged.contacts.every((row) => row.isSample)).toBe(true);
    expect(flagged.interactions.every((row) => row.isSample)).toBe(true);
    const plain = generate(100, 1, { isSample: false });
    expect(plain.companies.some((row) => row.isSample)).toBe(false);
    expect(plain.applications.some((row) => row.isSample)).toBe(false);
  });

  it("avoids company names the account already has", () => {
    const first = planBulk("u", { contacts: 60, now, newId: counter() }).rows.companies;
    const taken = new Set(first.map((row) => row.name.toLowerCase()));
    const second = planBulk("u", { contacts: 60, now, newId: counter(), takenCompanyNames: taken });
    for (const row of second.rows.companies) {
      expect(taken.has(row.name.toLowerCase())).toBe(false);
      expect(row.website).toBe(`https://${slug(row.name)}.example`);
    }
    expect(second.rows.companies[0]?.name).toBe(`${first[0]?.name} 2`);
  });

  it("refuses a negative or fractional count", () => {
    expect(() => planBulk("u", { contacts: -1 })).toThrow();
    expect(() => planBulk("u", { contacts: 1.5 })).toThrow();
  });
});

describe("slug", () => {
  it("folds accents and punctuation for emails and URLs", () => {
    expect(slug("Fernández")).toBe("fernandez");
    expect(slug("O'Brien")).toBe("obrien");
    expect(slug("Bjørn")).toBe("bjorn");
    expect(slug("de Vries", "-")).toBe("de-vries");
    expect(slug("Senior Product Designer", "-")).toBe("senior-product-designer");
  });
});

import { format, subDays } from "date-fns";
import { describe, expect, it } from "vitest";
import { buildSampleData } from "./sample-data";
import { countRows } from "./types";

const now = new Date("2026-03-02T15:00:00Z");
const build = () => {
  let n = 0;
  return buildSampleData("user-1", { now, newId: () => `id-${n++}` });
};

describe("buildSampleData", () => {
  it("has the documented shape", () => {
    expect(countRows(build())).toEqual({
      companies: 4,
      contacts: 7,
      applications: 3,
      stageChanges: 10,
      participants: 7,
      interactions: 12,
      notes: 0,
      followUps: 0,
      openings: 1,
    });
    expect(build()).toEqual(build());
  });

  it("tells the final-round rejection story with four different people", () => {
    const rows = build();
    const rejected = rows.applications.find((row) => row.stage === "rejected");
    expect(rejected).toMatchObject({ wasFinalist: true, runnerUpRank: 2, isSample: true });
    expect(rejected?.feedback).toBeTruthy();
    expect(rejected?.rejectedOn).toBe(format(subDays(now, 4), "yyyy-MM-dd"));

    const history = rows.stageChanges.filter((row) => row.applicationId === rejected?.id);
    expect(history.map((row) => row.stage)).toEqual([
      "applied",
      "screening",
      "interviewing",
      "final_round",
      "rejected",
    ]);
    const days = history.map((row) => row.changedOn);
    expect([...days].sort()).toEqual(days);

    const people = rows.participants.filter((row) => row.applicationId === rejected?.id);
    expect(people.map((row) => row.role).sort()).toEqual([
      "hiring_manager",
      "interviewer",
      "interviewer",
      "recruiter",
    ]);
    expect(new Set(people.map((row) => row.discussed)).size).toBe(4);
    for (const person of people) {
      const contact = rows.contacts.find((row) => row.id === person.contactId);
      expect(contact?.title).toBeTruthy();
      expect(contact?.email).toMatch(/^[a-z.]+@northwind\.example$/);
      expect(rows.interactions.some((row) => row.contactId === person.contactId)).toBe(true);
    }
    const opening = rows.openings[0];
    expect(opening?.companyId).toBe(rejected?.companyId);
  });

  it("flags everything as sample, dates it in the past, and sets recency", () => {
    const rows = build();
    for (const list of [
      rows.companies,
      rows.contacts,
      rows.applications,
      rows.interactions,
      rows.openings,
    ]) {
      expect(list.every((row) => row.isSample === true && row.userId === "user-1")).toBe(true);
    }
    expect(rows.interactions.every((row) => row.occurredAt < now)).toBe(true);
    for (const contact of rows.contacts) {
      const times = rows.interactions
        .filter((row) => row.contactId === contact.id)
        .map((row) => row.occurredAt.getTime());
      expect(contact.lastContactedAt?.getTime()).toBe(Math.max(...times));
    }
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_STAGES, PARTICIPANT_ROLES } from "@/lib/db/schema";
import {
  assessContact,
  type ContactSignals,
  compareAssessments,
  describeReasons,
  type NurtureInput,
  nextBestAction,
  scoreContact,
  windowValue,
} from "./scoring";

const base: NurtureInput = {
  role: "interviewer",
  furthestStage: "interviewing",
  wasFinalist: false,
  runnerUpRank: null,
  daysSinceRejection: 30,
  repliesReceived: 0,
  twoWayInteractions: 1,
  daysSinceLastContact: 30,
  interest: 3,
  recentOpenings: 0,
};

const input: fc.Arbitrary<NurtureInput> = fc.record({
  role: fc.option(fc.constantFrom(...PARTICIPANT_ROLES), { nil: null }),
  furthestStage: fc.option(fc.constantFrom(...APPLICATION_STAGES), { nil: null }),
  wasFinalist: fc.boolean(),
  runnerUpRank: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  daysSinceRejection: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  repliesReceived: fc.integer({ min: 0, max: 50 }),
  repliedToNote: fc.boolean(),
  twoWayInteractions: fc.integer({ min: 0, max: 200 }),
  daysSinceLastContact: fc.option(fc.integer({ min: 0, max: 3000 }), { nil: null }),
  interest: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  recentOpenings: fc.integer({ min: 0, max: 20 }),
});

const score = (value: NurtureInput) => scoreContact(value).score;

describe("scoreContact", () => {
  it("ranks the rejected final-round hiring manager high, with reasons in plain words", () => {
    const result = scoreContact({
      ...base,
      role: "hiring_manager",
      furthestStage: "final_round",
      wasFinalist: true,
      daysSinceRejection: 63,
      repliesReceived: 1,
      repliedToNote: true,
      twoWayInteractions: 3,
      daysSinceLastContact: 40,
      interest: 4,
    });
    expect(result.score).toBeGreaterThan(60);
    expect(describeReasons(result.reasons)).toBe(
      "hiring manager · you reached the final round · 9 weeks since the rejection, when new hires often leave · replied to your note · 3 conversations · in touch 5 weeks ago · an employer you rate 4 out of 5",
    );
  });

  it("says when they were told they were the second choice, and about openings", () => {
    const { reasons } = scoreContact({ ...base, runnerUpRank: 2, recentOpenings: 2 });
    expect(reasons).toContain("you were their second choice");
    expect(reasons).toContain("2 new openings at their company");
  });

  it("peaks in the runner-up window and fades after about a year", () => {
    expect(windowValue(60)).toBe(1);
    expect(windowValue(5)).toBeLessThan(1);
    expect(windowValue(400)).toBeLessThan(windowValue(200));
    expect(windowValue(3000)).toBeGreaterThan(0);
    expect(score({ ...base, daysSinceRejection: 90 })).toBeGreaterThan(
      score({ ...base, daysSinceRejection: 500 }),
    );
  });

  it("puts a hiring manager above an otherwise identical interviewer (property)", () => {
    fc.assert(
      fc.property(input, (value) => {
        const manager = score({ ...value, role: "hiring_manager" });
        expect(manager).toBeGreaterThan(score({ ...value, role: "interviewer" }));
        expect(manager).toBeGreaterThan(score({ ...value, role: "recruiter" }));
        expect(score({ ...value, role: "recruiter" })).toBeGreaterThan(
          score({ ...value, role: "panel" }),
        );
      }),
    );
  });

  it("rises with a reply (property)", () => {
    fc.assert(
      fc.property(input, (value) => {
        const replied = {
          ...value,
          repliesReceived: value.repliesReceived + 1,
          twoWayInteractions: value.twoWayInteractions + 1,
          daysSinceLastContact: 0,
        };
        expect(score(replied)).toBeGreaterThan(score(value));
        // The reply alone, all else equal, is enough.
        expect(score({ ...value, repliesReceived: value.repliesReceived + 1 })).toBeGreaterThan(
          score(value),
        );
      }),
    );
  });

  it("rises with a new opening at their company (property)", () => {
    fc.assert(
      fc.property(input, (value) => {
        expect(score({ ...value, recentOpenings: value.recentOpenings + 1 })).toBeGreaterThan(
          score(value),
        );
      }),
    );
  });

  it("rises the further you got: final round above screening (property)", () => {
    fc.assert(
      fc.property(input, (value) => {
        const common = { ...value, wasFinalist: false, runnerUpRank: null };
        expect(score({ ...common, furthestStage: "final_round" })).toBeGreaterThan(
          score({ ...common, furthestStage: "screening" }),
        );
        expect(score({ ...common, furthestStage: "interviewing" })).toBeGreaterThan(
          score({ ...common, furthestStage: "screening" }),
        );
      }),
    );
  });

  it("stays within 0–100 and always gives reasons (property)", () => {
    fc.assert(
      fc.property(input, (value) => {
        const result = scoreContact(value);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(result.reasons.length).toBeGreaterThan(0);
        for (const reason of result.reasons) expect(reason.trim()).not.toBe("");
      }),
    );
  });

  it("survives nonsense numbers without leaving its bounds", () => {
    const result = scoreContact({
      ...base,
      repliesReceived: -3,
      twoWayInteractions: Number.NaN,
      daysSinceLastContact: -10,
      daysSinceRejection: Number.POSITIVE_INFINITY,
      recentOpenings: -1,
      interest: 9,
    });
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
  });
});

describe("nextBestAction", () => {
  const today = "2026-06-15";
  const none = {
    today,
    rejectedOn: null,
    thankYouSent: false,
    latestOpening: null,
    lastContactedOn: null,
    nextFollowUp: null,
  };

  it("asks for the thank-you note first, due two days after the rejection", () => {
    const action = nextBestAction({
      ...none,
      rejectedOn: "2026-06-12",
      latestOpening: { title: "Designer", seenOn: "2026-06-14" },
    });
    expect(action).toMatchObject({ kind: "thank_you", label: "Send the thank-you note" });
    expect(action.dueOn).toBe("2026-06-14");
  });

  it("does not ask for a note long after the rejection or once it is sent", () => {
    expect(nextBestAction({ ...none, rejectedOn: "2026-01-02" }).kind).toBe("check_in");
    expect(nextBestAction({ ...none, rejectedOn: "2026-06-12", thankYouSent: true }).kind).toBe(
      "check_in",
    );
  });

  it("suggests asking about a new opening they have not been asked about", () => {
    const opening = { title: "Product Designer, Fleet Tools", seenOn: "2026-06-10" };
    expect(
      nextBestAction({ ...none, latestOpening: opening, lastContactedOn: "2026-05-01" }),
    ).toEqual({
      kind: "ask_opening",
      label: "Ask about the new opening",
      dueOn: "2026-06-17",
      detail: "Product Designer, Fleet Tools",
    });
    // Already in touch since it was posted: no need to ask again.
    expect(
      nextBestAction({ ...none, latestOpening: opening, lastContactedOn: "2026-06-11" }).kind,
    ).toBe("check_in");
  });

  it("uses the planned follow-up, else a check-in after a quiet spell", () => {
    expect(
      nextBestAction({
        ...none,
        nextFollowUp: { dueOn: "2026-06-20", reason: "End of probation" },
      }),
    ).toEqual({
      kind: "check_in",
      label: "Check in",
      dueOn: "2026-06-20",
      detail: "End of probation",
    });
    expect(nextBestAction({ ...none, lastContactedOn: "2026-05-01" }).dueOn).toBe("2026-07-30");
    expect(nextBestAction({ ...none, lastContactedOn: "2025-05-01" }).dueOn).toBe(today);
  });
});

describe("assessContact", () => {
  const today = "2026-06-15";
  const signals: ContactSignals = {
    processes: [],
    repliesReceived: 0,
    repliedToNote: false,
    twoWayInteractions: 0,
    lastContactedOn: null,
    interest: null,
    recentOpenings: 0,
    latestOpening: null,
    nextFollowUp: null,
  };

  it("scores from the person's best process and owes the note for the latest rejection", () => {
    const result = assessContact(
      {
        ...signals,
        processes: [
          {
            applicationId: "old",
            role: "hiring_manager",
            furthestStage: "final_round",
            wasFinalist: true,
            runnerUpRank: null,
            rejectedOn: "2026-03-01",
            noteSent: true,
          },
          {
            applicationId: "new",
            role: "interviewer",
            furthestStage: "screening",
            wasFinalist: false,
            runnerUpRank: null,
            rejectedOn: "2026-06-14",
            noteSent: false,
          },
        ],
      },
      today,
    );
    expect(result.process?.applicationId).toBe("old");
    expect(result.reasons[0]).toBe("hiring manager");
    expect(result.action.kind).toBe("thank_you");
    expect(result.actionApplicationId).toBe("new");
  });

  it("works for someone in no process at all", () => {
    const result = assessContact(
      { ...signals, nextFollowUp: { dueOn: "2026-06-16", reason: "Coffee" } },
      today,
    );
    expect(result.process).toBeNull();
    expect(result.reasons).toEqual(["in your network"]);
    expect(result.action.dueOn).toBe("2026-06-16");
  });

  it("orders by score, then by the earlier due date", () => {
    const make = (id: string, value: number, dueOn: string) => ({
      id,
      assessment: {
        score: value,
        reasons: ["x"],
        process: null,
        actionApplicationId: null,
        action: { kind: "check_in" as const, label: "Check in", dueOn, detail: null },
      },
    });
    const sorted = [
      make("a", 10, "2026-06-20"),
      make("b", 50, "2026-06-20"),
      make("c", 10, "2026-06-16"),
    ].sort(compareAssessments);
    expect(sorted.map((row) => row.id)).toEqual(["b", "c", "a"]);
  });
});

import { describe, expect, it } from "vitest";
import {
  combineText,
  type MergeableContact,
  mergeContactFields,
  type ParticipationRow,
  planParticipationMerge,
  unionTags,
} from "./merge-fields";

const contact = (overrides: Partial<MergeableContact> = {}): MergeableContact => ({
  id: "kept",
  companyId: null,
  title: null,
  email: null,
  phone: null,
  linkedinUrl: null,
  notes: null,
  tags: [],
  connectedOn: null,
  isSample: false,
  ...overrides,
});

describe("combineText", () => {
  it("appends new text on a new paragraph", () => {
    expect(combineText("Talked about onboarding.", "Loves hiking.")).toBe(
      "Talked about onboarding.\n\nLoves hiking.",
    );
  });

  it("keeps the base when the extra adds nothing", () => {
    expect(combineText("Talked about onboarding.", "  ")).toBe("Talked about onboarding.");
    expect(combineText("Talked about onboarding.", null)).toBe("Talked about onboarding.");
    expect(combineText("Talked about  Onboarding.", "talked about onboarding.")).toBe(
      "Talked about  Onboarding.",
    );
    expect(combineText("Design systems and hiring plans", "hiring plans")).toBe(
      "Design systems and hiring plans",
    );
  });

  it("uses the extra when the base is blank, and null when both are", () => {
    expect(combineText(null, " Loves hiking. ")).toBe("Loves hiking.");
    expect(combineText("", "x")).toBe("x");
    expect(combineText(" ", null)).toBeNull();
  });
});

describe("unionTags", () => {
  it("keeps every tag once in first-seen order", () => {
    expect(unionTags(["design", "remote"], ["Remote", "agency"], [], ["design", " "])).toEqual([
      "design",
      "remote",
      "agency",
    ]);
  });
});

describe("mergeContactFields", () => {
  it("keeps the kept record's values and fills only its blanks, first filled wins", () => {
    const kept = contact({ title: "Head of Design", phone: "  ", tags: ["design"] });
    const patch = mergeContactFields(kept, [
      contact({ id: "a", title: "Designer", phone: null, linkedinUrl: "https://l.in/a" }),
      contact({
        id: "b",
        phone: "+1 555 0100",
        linkedinUrl: "https://l.in/b",
        companyId: "company-b",
        connectedOn: "2024-01-02",
        email: "b@x.test",
      }),
    ]);
    expect(patch).toMatchObject({
      title: "Head of Design",
      phone: "+1 555 0100",
      linkedinUrl: "https://l.in/a",
      companyId: "company-b",
      connectedOn: "2024-01-02",
      email: "b@x.test",
    });
  });

  it("appends notes, unites tags, and stays sample only when all were sample", () => {
    const patch = mergeContactFields(
      contact({ notes: "Met at the panel.", tags: ["panel"], isSample: true }),
      [
        contact({ id: "a", notes: "Met at the panel.", tags: ["panel", "warm"], isSample: true }),
        contact({ id: "b", notes: "Prefers email.", tags: ["recruiter"], isSample: false }),
      ],
    );
    expect(patch.notes).toBe("Met at the panel.\n\nPrefers email.");
    expect(patch.tags).toEqual(["panel", "warm", "recruiter"]);
    expect(patch.isSample).toBe(false);
    expect(
      mergeContactFields(contact({ isSample: true }), [contact({ id: "a", isSample: true })])
        .isSample,
    ).toBe(true);
  });

  it("changes nothing when there is nothing to add", () => {
    const kept = contact({ title: "CTO", notes: "n", tags: ["x"], companyId: "c" });
    const { id: _id, ...fields } = kept;
    expect(mergeContactFields(kept, [contact({ id: "a" })])).toEqual(fields);
  });
});

describe("planParticipationMerge", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
  const row = (overrides: Partial<ParticipationRow> & Pick<ParticipationRow, "id">) => ({
    applicationId: "app-1",
    contactId: "kept",
    role: "interviewer",
    discussed: null,
    createdAt: at(0),
    ...overrides,
  });

  it("moves participations in applications the kept contact was not part of", () => {
    const plan = planParticipationMerge("kept", [
      row({ id: "p1", contactId: "other", applicationId: "app-2", discussed: "Roadmaps" }),
    ]);
    expect(plan).toEqual({ keep: [{ id: "p1", discussed: "Roadmaps" }], remove: [] });
  });

  it("keeps the kept contact's row and role, appending a different discussed text", () => {
    const plan = planParticipationMerge("kept", [
      row({ id: "other-row", contactId: "other", role: "recruiter", discussed: "Salary bands" }),
      row({
        id: "kept-row",
        role: "hiring_manager",
        discussed: "Team structure",
        createdAt: at(5),
      }),
    ]);
    expect(plan.keep).toEqual([{ id: "kept-row", discussed: "Team structure\n\nSalary bands" }]);
    expect(plan.remove).toEqual(["other-row"]);
  });

  it("does not repeat the same discussed text", () => {
    const plan = planParticipationMerge("kept", [
      row({ id: "kept-row", discussed: "Team structure" }),
      row({ id: "other-row", contactId: "other", discussed: "team structure" }),
    ]);
    expect(plan.keep).toEqual([{ id: "kept-row", discussed: "Team structure" }]);
  });

  it("keeps the earliest row when only merged contacts were in an application", () => {
    const plan = planParticipationMerge("kept", [
      row({ id: "late", contactId: "b", discussed: "Later chat", createdAt: at(9) }),
      row({ id: "early", contactId: "a", discussed: "First chat", createdAt: at(1) }),
    ]);
    expect(plan.keep).toEqual([{ id: "early", discussed: "First chat\n\nLater chat" }]);
    expect(plan.remove).toEqual(["late"]);
  });
});

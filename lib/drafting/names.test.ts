import { describe, expect, it } from "vitest";
import { firstName, topicPhrase } from "./names";

describe("firstName", () => {
  it.each([
    ["Dana Reyes", "Dana"],
    ["Dr. Priya Natarajan", "Priya"],
    ["Ms Li", "Li"],
    ["Madonna", "Madonna"],
    ["  José  Álvarez ", "José"],
  ])("%s → %s", (full, first) => {
    expect(firstName(full)).toBe(first);
  });
});

describe("topicPhrase", () => {
  it("turns a discussion note into a phrase", () => {
    expect(topicPhrase("We talked about their move to Kubernetes.")).toBe(
      "your move to Kubernetes",
    );
    expect(topicPhrase("Discussed the roadmap for Q3")).toBe("the roadmap for Q3");
    expect(topicPhrase("The design system rollout")).toBe("the design system rollout");
    expect(topicPhrase("API versioning")).toBe("API versioning");
  });

  it("keeps the first clause, addressed to the person", () => {
    expect(
      topicPhrase(
        "Her plan to merge the two dispatcher apps into one; she asked how I would run research, and we talked.",
      ),
    ).toBe("your plan to merge the two dispatcher apps into one");
    expect(topicPhrase("Hiring plans. Also the offsite.")).toBe("Hiring plans");
  });

  it("is null for nothing and shortens essays at a word boundary", () => {
    expect(topicPhrase(null)).toBeNull();
    expect(topicPhrase("  . ")).toBeNull();
    const long = topicPhrase(`the ${"very ".repeat(60)}long story`);
    expect(long!.length).toBeLessThanOrEqual(90);
    expect(long).not.toMatch(/\s$/);
  });
});

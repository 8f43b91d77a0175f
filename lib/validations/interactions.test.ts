import { describe, expect, it } from "vitest";
import { createInteractionSchema, updateInteractionSchema } from "./interactions";

const contactId = "0b6f4c1e-8a2d-4c3b-9f10-1234567890ab";

describe("interaction schemas", () => {
  it("stores the moment the user meant, with their offset", () => {
    const parsed = createInteractionSchema.parse({
      contactId,
      kind: "call",
      occurredAt: "2026-01-15T14:30",
      timezoneOffset: "-60",
      summary: " Talked about the team ",
      applicationId: "",
    });
    expect(parsed).toEqual({
      contactId,
      kind: "call",
      occurredAt: new Date("2026-01-15T13:30:00.000Z"),
      summary: "Talked about the team",
      applicationId: null,
    });
  });

  it("explains a missing or impossible date on the date field", () => {
    const missing = updateInteractionSchema.safeParse({
      id: contactId,
      kind: "call",
      occurredAt: "",
    });
    expect(missing.error?.issues[0]?.path).toEqual(["occurredAt"]);
    const impossible = updateInteractionSchema.safeParse({
      id: contactId,
      kind: "call",
      occurredAt: "2026-02-30T10:00",
    });
    expect(impossible.error?.issues[0]?.path).toEqual(["occurredAt"]);
  });

  it("refuses unknown kinds and dates well in the future", () => {
    expect(
      createInteractionSchema.safeParse({
        contactId,
        kind: "telepathy",
        occurredAt: "2026-01-15T10:00",
      }).success,
    ).toBe(false);
    const future = createInteractionSchema.safeParse({
      contactId,
      kind: "call",
      occurredAt: "2999-01-01T10:00",
    });
    expect(future.error?.issues[0]?.message).toMatch(/not in the future/);
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, formValues, parseForm } from "./form";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
}

describe("form helpers", () => {
  it("turns repeated keys into arrays and skips Next's action fields", () => {
    const data = form([
      ["name", "Ana"],
      ["tag", "a"],
      ["tag", "b"],
      ["$ACTION_ID_abc", ""],
    ]);
    expect(formDataToObject(data)).toEqual({ name: "Ana", tag: ["a", "b"] });
  });

  it("never echoes a password back", () => {
    const data = form([
      ["email", "a@b.c"],
      ["password", "secret"],
      ["newPassword", "secret2"],
    ]);
    expect(formValues(data)).toEqual({ email: "a@b.c" });
  });

  it("returns field errors and the typed values when validation fails", () => {
    const schema = z.object({ email: z.email("Enter a valid email."), name: z.string() });
    const result = parseForm(
      schema,
      form([
        ["email", "bad"],
        ["name", "Ana"],
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.state).toMatchObject({
      status: "invalid",
      fieldErrors: { email: ["Enter a valid email."] },
      values: { email: "bad", name: "Ana" },
    });
  });
});

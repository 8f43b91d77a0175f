import { redirect } from "next/navigation";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { SessionUser } from "@/lib/db/queries/users";
import { AppError } from "@/lib/errors";

// The session is the only stand-in here: withUser's own logic (authenticate first, validate,
// map errors) runs for real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null, failure: null as unknown }));
vi.mock("./current-user", () => ({
  currentUser: async () => {
    if (session.failure) throw session.failure;
    return session.user;
  },
}));

const { withUser } = await import("./with-user");

const schema = z.object({ title: z.string().trim().min(1, "Enter a title.") });
const alice: SessionUser = {
  id: "11111111-1111-1111-1111-111111111111",
  name: "Alice",
  email: "a@x.test",
};

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

describe("withUser", () => {
  beforeEach(() => {
    session.user = alice;
    session.failure = null;
  });

  it("refuses a signed-out caller before validating or running anything", async () => {
    session.user = null;
    const fn = vi.fn();
    const action = withUser(schema, fn);
    const state = await action({ status: "idle" }, form({ title: "" }));
    expect(state).toMatchObject({
      status: "error",
      code: "unauthenticated",
      values: { title: "" },
    });
    expect(fn).not.toHaveBeenCalled();
  });

  it("returns field errors and keeps the typed values", async () => {
    const fn = vi.fn();
    const state = await withUser(schema, fn)({ status: "idle" }, form({ title: "   " }));
    expect(state).toMatchObject({ status: "invalid", fieldErrors: { title: ["Enter a title."] } });
    expect(fn).not.toHaveBeenCalled();
  });

  it("passes parsed input and the signed-in user", async () => {
    const fn = vi.fn(
      async (input: { title: string }, user: SessionUser) => `${input.title} by ${user.name}`,
    );
    const state = await withUser(schema, fn)({ status: "idle" }, form({ title: " Hello " }));
    expect(state).toEqual({ status: "success", data: "Hello by Alice" });
  });

  it("maps typed errors to their safe message and hides unexpected ones", async () => {
    const notFound = await withUser(schema, async () => {
      throw new AppError("not_found");
    })({ status: "idle" }, form({ title: "x" }));
    expect(notFound).toMatchObject({ status: "error", code: "not_found", values: { title: "x" } });

    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const internal = await withUser(schema, async () => {
      throw new Error("connection string postgres://secret leaked");
    })({ status: "idle" }, form({ title: "x" }));
    expect(internal).toMatchObject({ status: "error", code: "internal" });
    expect(JSON.stringify(internal)).not.toContain("secret");
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it("answers 'unavailable' with the typed values while the database cannot be reached", async () => {
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), {
      code: "ECONNREFUSED",
    });
    // Reading the session's user fails before the action runs...
    session.failure = new Error("Failed query: select …", { cause: refused });
    const fn = vi.fn();
    const early = await withUser(schema, fn)({ status: "idle" }, form({ title: "Kept" }));
    expect(early).toMatchObject({
      status: "error",
      code: "unavailable",
      values: { title: "Kept" },
    });
    expect(fn).not.toHaveBeenCalled();
    // ...or the action's own query fails midway.
    session.failure = null;
    const late = await withUser(schema, async () => {
      throw Object.assign(new Error("terminating connection"), { code: "57P01" });
    })({ status: "idle" }, form({ title: "Kept" }));
    expect(late).toMatchObject({ status: "error", code: "unavailable", values: { title: "Kept" } });
    expect((late as { message: string }).message).toMatch(/briefly unavailable/);
    consoleError.mockRestore();
  });

  it("lets redirects through", async () => {
    const action = withUser(schema, async () => redirect("/somewhere"));
    await expect(action({ status: "idle" }, form({ title: "x" }))).rejects.toThrow(/NEXT_REDIRECT/);
  });
});

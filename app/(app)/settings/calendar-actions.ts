"use server";

import { randomBytes } from "node:crypto";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { withUser } from "@/lib/auth/with-user";
import { enableCalendarToken, replaceCalendarToken } from "@/lib/db/queries/calendar";
import { notFound } from "@/lib/errors";
import { idle } from "@/lib/validations/form";

// The private calendar feed. No input: every action works on the signed-in user's own row,
// whatever the form sends.
const noInput = z.object({});

/** 256 bits from the OS CSPRNG, URL-safe: the whole secret of the feed URL. */
function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Turns the feed on; if it is already on, keeps the URL the user may have subscribed to. */
export const enableCalendarFeed = withUser(noInput, async (_input, user) => {
  if (!(await enableCalendarToken(user.id, newToken()))) throw notFound("Your account");
  revalidatePath("/settings");
  redirect("/settings#calendar-feed");
});

/** A new URL; the old one answers 404 from now on. */
export const regenerateCalendarFeed = withUser(noInput, async (_input, user) => {
  if (!(await replaceCalendarToken(user.id, newToken()))) throw notFound("Your account");
  revalidatePath("/settings");
  redirect("/settings#calendar-feed");
});

export const disableCalendarFeed = withUser(noInput, async (_input, user) => {
  if (!(await replaceCalendarToken(user.id, null))) throw notFound("Your account");
  revalidatePath("/settings");
  redirect("/settings#calendar-feed");
});

/** For <ConfirmButton action>: plain form actions that always end in a redirect. */
async function settle(state: Awaited<ReturnType<typeof regenerateCalendarFeed>>): Promise<never> {
  if (state.status === "error" && state.code === "unauthenticated") redirect("/sign-in");
  redirect("/settings#calendar-feed");
}

export async function regenerateCalendarFeedFromForm(formData: FormData): Promise<void> {
  await settle(await regenerateCalendarFeed(idle, formData));
}

export async function disableCalendarFeedFromForm(formData: FormData): Promise<void> {
  await settle(await disableCalendarFeed(idle, formData));
}

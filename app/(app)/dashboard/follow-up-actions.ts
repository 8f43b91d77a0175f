"use server";

import { revalidatePath } from "next/cache";
import { withUser } from "@/lib/auth/with-user";
import { getDb } from "@/lib/db/client";
import {
  type ChangedFollowUp,
  completeFollowUp,
  createManualFollowUp,
  skipFollowUp,
  snoozeFollowUp,
} from "@/lib/db/queries/follow-ups";
import { assertOwned } from "@/lib/db/queries/ownership";
import { contacts } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import {
  createFollowUpSchema,
  followUpIdSchema,
  snoozeFollowUpSchema,
} from "@/lib/validations/follow-ups";

// Follow-ups are shown on the dashboard, its "all follow-ups" list and the contact's page; each
// change refreshes all three. The forms stay where they are (no redirect).

function refresh(followUp: ChangedFollowUp) {
  revalidatePath("/dashboard", "layout");
  revalidatePath(`/contacts/${followUp.contactId}`);
}

function found(followUp: ChangedFollowUp | undefined): ChangedFollowUp {
  if (!followUp) throw notFound("The follow-up");
  refresh(followUp);
  return followUp;
}

export const completeFollowUpAction = withUser(followUpIdSchema, async ({ id }, user) => ({
  followUp: found(await completeFollowUp(getDb(), user.id, id)),
  done: "done" as const,
}));

export const skipFollowUpAction = withUser(followUpIdSchema, async ({ id }, user) => ({
  followUp: found(await skipFollowUp(getDb(), user.id, id)),
  done: "skipped" as const,
}));

export const snoozeFollowUpAction = withUser(snoozeFollowUpSchema, async ({ id, by }, user) => ({
  followUp: found(await snoozeFollowUp(getDb(), user.id, id, by)),
  done: "snoozed" as const,
}));

/** The contact page's "Add a follow-up" form. */
export const createFollowUpAction = withUser(createFollowUpSchema, async (input, user) => {
  const created = await getDb().transaction(async (tx) => {
    await assertOwned(tx, contacts, user.id, input.contactId, "The contact");
    return createManualFollowUp(tx, user.id, input);
  });
  refresh(created);
  return { id: created.id, dueOn: created.dueOn };
});

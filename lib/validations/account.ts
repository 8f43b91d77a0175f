import { z } from "zod";

/** What the user types to confirm deleting their account. */
export const DELETE_ACCOUNT_PHRASE = "delete my account";

// Case, surrounding spaces and doubled spaces do not matter: the point is a deliberate act,
// not exact typing. Only this field is echoed back after a mistake.
export const deleteAccountSchema = z.object({
  confirmation: z
    .string({ error: `Type “${DELETE_ACCOUNT_PHRASE}” to confirm.` })
    .transform((value) => value.trim().replace(/\s+/g, " ").toLowerCase())
    .refine((value) => value === DELETE_ACCOUNT_PHRASE, {
      message: `Type “${DELETE_ACCOUNT_PHRASE}” exactly to confirm.`,
    }),
});

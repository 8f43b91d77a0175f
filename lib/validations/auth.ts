import { z } from "zod";
import { withoutControlCharacters } from "./fields";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(200, "That password is too long."),
  callbackUrl: z.string().optional(),
});

export const signUpSchema = z.object({
  // Control characters go, as in every form (see lib/validations/fields.ts).
  name: z.preprocess(
    (value) => (typeof value === "string" ? withoutControlCharacters(value) : value),
    z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, "Enter your name: it signs your notes.")
      .max(100, "Keep your name under 100 characters."),
  ),
  email: emailSchema,
  password: z
    .string({ error: "Choose a password." })
    .min(10, "Use at least 10 characters.")
    .max(200, "Keep your password under 200 characters."),
  callbackUrl: z.string().optional(),
});

/**
 * Only same-site paths are allowed as a post-sign-in destination ("/contacts?q=x"), never
 * another origin ("//evil.example" or "https://…"), so the sign-in page cannot be used as an
 * open redirect.
 */
export function safeCallbackPath(
  value: string | null | undefined,
  fallback = "/dashboard",
): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) {
    return fallback;
  }
  if (value.startsWith("/sign-in") || value.startsWith("/sign-up") || value.startsWith("/api/")) {
    return fallback;
  }
  return value;
}

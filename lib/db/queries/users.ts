import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db/client";
import { users } from "@/lib/db/schema";

export type SessionUser = { id: string; name: string | null; email: string };

const sessionColumns = { id: users.id, name: users.name, email: users.email };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Credentials lookup: the only query keyed by email rather than by the signed-in user. */
export async function findUserForSignIn(email: string) {
  const [row] = await getDb()
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(sql`lower(${users.email})`, normalizeEmail(email)))
    .limit(1);
  return row;
}

export async function getSessionUser(userId: string): Promise<SessionUser | undefined> {
  const [row] = await getDb()
    .select(sessionColumns)
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row;
}

/** Creates a password account; returns undefined when the email is already taken. */
export async function createPasswordUser(input: {
  name: string;
  email: string;
  passwordHash: string;
}): Promise<SessionUser | undefined> {
  const [row] = await getDb()
    .insert(users)
    .values({
      name: input.name,
      email: normalizeEmail(input.email),
      passwordHash: input.passwordHash,
    })
    .onConflictDoNothing()
    .returning(sessionColumns);
  return row;
}

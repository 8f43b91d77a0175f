import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { createPasswordUser, type SessionUser } from "@/lib/db/queries/users";

/** A fresh user with a unique email, so tests sharing one Postgres never collide. */
export async function createTestUser(
  overrides: Partial<{ name: string; email: string; password: string }> = {},
): Promise<SessionUser & { password: string }> {
  const password = overrides.password ?? "correct horse battery";
  const user = await createPasswordUser({
    name: overrides.name ?? "Test User",
    email: overrides.email ?? `user-${randomUUID()}@example.test`,
    passwordHash: await hashPassword(password),
  });
  if (!user) throw new Error("test user email already taken");
  return { ...user, password };
}

import { hash, verify } from "@node-rs/argon2";

// argon2id with the library's defaults (19 MiB, 2 passes), OWASP's recommended minimum.

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against a fixed hash when the account does not exist keeps the response time the
// same for known and unknown emails, so timing does not reveal who has an account.
const decoyHash =
  "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$HcTE5jbs3EzgvaTMw2NZPezdzd7EXmmOJJYw+/VmdEg";

export async function verifyPassword(passwordHash: string | null | undefined, password: string) {
  try {
    return await verify(passwordHash ?? decoyHash, password);
  } catch {
    return false;
  }
}

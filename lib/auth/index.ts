import { DrizzleAdapter } from "@auth/drizzle-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import type { Provider } from "next-auth/providers";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { getDb } from "@/lib/db/client";
import { findUserForSignIn } from "@/lib/db/queries/users";
import { accounts, sessions, users, verificationTokens } from "@/lib/db/schema";
import { authSecret, env, oauthProviders } from "@/lib/env";
import { signInSchema } from "@/lib/validations/auth";
import { verifyPassword } from "./password";
import {
  beginSignInAttempt,
  clientAddress,
  recordSignInFailure,
  recordSignInSuccess,
} from "./sign-in-limit";

/** Thrown from authorize() when the limiter refuses; the sign-in form shows its own message. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

function providers(): Provider[] {
  const list: Provider[] = [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const client = clientAddress(request.headers);
        const gate = await beginSignInAttempt(email, client);
        if (!gate.allowed) throw new SignInRateLimited();
        const user = await findUserForSignIn(email);
        const valid = await verifyPassword(user?.passwordHash, password);
        if (!user || !valid) {
          await recordSignInFailure(client);
          return null;
        }
        await recordSignInSuccess(email);
        return { id: user.id, name: user.name, email: user.email };
      },
    }),
  ];
  if (oauthProviders.github) {
    list.push(GitHub({ clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET }));
  }
  if (oauthProviders.google) {
    list.push(Google({ clientId: env.AUTH_GOOGLE_ID, clientSecret: env.AUTH_GOOGLE_SECRET }));
  }
  return list;
}

// Lazy configuration: nothing touches the database or the data folder until a request needs it.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  adapter: DrizzleAdapter(getDb(), {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  }),
  secret: authSecret(),
  // Self-hosted behind `next start` or a proxy we control: trust its Host header.
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: providers(),
  logger: {
    // A wrong password is a user mistake, not a server error: keep it out of the error log.
    error(error) {
      if (error.name === "CredentialsSignin" || error.name === "SignInRateLimited") return;
      console.error("[auth]", error);
    },
  },
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

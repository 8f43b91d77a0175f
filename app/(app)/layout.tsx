import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell";
import { requireUser } from "@/lib/auth/current-user";

// Everything under (app) requires sign-in. Pages call requireUser() again (cached per request)
// because a layout is not re-run on every client navigation.
export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}

import { LogOut } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { Logo } from "@/components/logo";
import { HeaderNav, TabBar } from "@/components/nav-links";
import { Button } from "@/components/ui/button";
import type { SessionUser } from "@/lib/db/queries/users";

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const displayName = user.name?.trim() || user.email;
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-30 rounded-lg bg-white px-4 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4">
          <Link
            href="/dashboard"
            className="flex shrink-0 items-center gap-2 rounded-md font-semibold"
          >
            <Logo className="size-7" />
            <span>Runner-Up</span>
          </Link>
          <HeaderNav />
          <div className="ml-auto flex min-w-0 items-center gap-2">
            <Link
              href="/settings"
              className="inline-flex min-h-11 min-w-0 items-center rounded-lg px-2 text-sm text-stone-700 hover:bg-stone-100"
              title={`${user.email} · Settings`}
            >
              <span className="truncate" data-testid="user-name">
                {displayName}
              </span>
            </Link>
            <form action={signOutAction}>
              <Button type="submit" variant="ghost" size="compact" aria-label="Sign out">
                <LogOut aria-hidden="true" className="size-4" />
                <span className="hidden sm:inline">Sign out</span>
              </Button>
            </form>
          </div>
        </div>
      </header>
      {/* Names and notes are the user's own text: a long unbroken word (a pasted URL, markup)
          wraps anywhere rather than widening the page past a phone's screen. */}
      <main
        id="main"
        className="mx-auto w-full max-w-6xl flex-1 px-4 pt-6 pb-24 wrap-anywhere md:pb-10"
      >
        {children}
      </main>
      <TabBar />
    </div>
  );
}

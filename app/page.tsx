import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/logo";
import { Button } from "@/components/ui/button";
import { currentUser } from "@/lib/auth/current-user";

export default async function HomePage() {
  if (await currentUser()) redirect("/dashboard");
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col justify-center px-4 py-12">
      <div className="flex items-center gap-3 text-xl font-semibold">
        <Logo className="size-10" />
        Runner-Up
      </div>
      <h1 className="mt-8 text-3xl font-semibold tracking-tight sm:text-4xl">
        They chose someone else. Keep the door open anyway.
      </h1>
      <p className="mt-4 text-lg text-stone-700">
        When the chosen hire declines or leaves in the first months, employers call the runner-up.
        Runner-Up remembers everyone you met, drafts a warm, personal thank-you note to each of
        them, and tells you who to keep in touch with and when.
      </p>
      <div className="mt-8 flex flex-wrap gap-3">
        <Button asChild>
          <Link href="/sign-up">Create your account</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      </div>
    </main>
  );
}

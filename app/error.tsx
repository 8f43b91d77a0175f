"use client";

import { Button } from "@/components/ui/button";

// Shown for unexpected server errors. The details stay in the server log; the digest lets
// support find them without showing the user a stack trace.
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="mt-2 text-stone-600">
        We could not load this page. Nothing you saved is lost. Please try again in a moment.
      </p>
      {error.digest ? (
        <p className="mt-2 text-xs text-stone-500">Reference: {error.digest}</p>
      ) : null}
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}

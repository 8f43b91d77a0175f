import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 text-center">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-stone-600">That page does not exist, or it is not yours to see.</p>
      <Button asChild className="mt-6">
        <Link href="/dashboard">Back to your dashboard</Link>
      </Button>
    </main>
  );
}

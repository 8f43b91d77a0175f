import { digestConfigured } from "@/lib/env";

/** Settings: says the weekly digest is on, only where the server can send it at all. */
export function DigestNotice({ email }: { email: string }) {
  if (!digestConfigured()) return null;
  return (
    <section
      aria-labelledby="weekly-digest-title"
      className="mt-10 max-w-xl border-t border-stone-200 pt-8"
    >
      <h2 id="weekly-digest-title" className="text-lg font-semibold">
        Weekly digest: on
      </h2>
      <p className="mt-1 text-sm text-stone-600">
        When follow-ups are due in the coming week, or overdue, a summary goes to {email} once a
        week. Mark a follow-up done or skipped and it leaves the digest.
      </p>
    </section>
  );
}

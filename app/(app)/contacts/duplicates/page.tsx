import { CopyCheck } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { toMergeCandidate } from "@/components/contacts/merge-candidate";
import { MergeForm } from "@/components/contacts/merge-form";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { listDuplicateGroups } from "@/lib/db/queries/contacts";

export const metadata: Metadata = { title: "Duplicate contacts" };

export default async function DuplicatesPage() {
  const user = await requireUser();
  const groups = await listDuplicateGroups(user.id);
  return (
    <>
      <PageHeader
        title="Duplicate contacts"
        description="People recorded more than once with the same email. Merge each group into one record."
        actions={
          <Button asChild variant="secondary">
            <Link href="/contacts">All contacts</Link>
          </Button>
        }
      />
      {groups.length === 0 ? (
        <EmptyState
          icon={CopyCheck}
          title="No duplicates found"
          action={
            <Button asChild variant="secondary">
              <Link href="/contacts">Back to contacts</Link>
            </Button>
          }
        >
          <p>
            No two of your contacts share an email address. If you import contacts or add the same
            person from two applications, duplicates will show up here to merge.
          </p>
        </EmptyState>
      ) : (
        <ul className="space-y-4">
          {groups.map((group, index) => (
            <li key={group.email}>
              <section
                aria-labelledby={`group-${index}`}
                className="rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
              >
                <h2 id={`group-${index}`} className="mb-3 font-semibold wrap-anywhere">
                  {group.email}{" "}
                  <span className="font-normal text-stone-600">({group.total} records)</span>
                </h2>
                {group.total > group.contacts.length ? (
                  <p className="mb-3 text-sm text-stone-600">
                    Showing the {group.contacts.length} oldest; merge them, then come back for the
                    rest.
                  </p>
                ) : null}
                <MergeForm
                  legend="Which record do you keep?"
                  defaultKeepId={group.contacts[0]!.id}
                  candidates={group.contacts.map(toMergeCandidate)}
                />
              </section>
            </li>
          ))}
        </ul>
      )}
      {groups.length >= 50 ? (
        <p className="mt-4 text-sm text-stone-600">
          Showing the first 50 groups. Merge these to see more.
        </p>
      ) : null}
    </>
  );
}

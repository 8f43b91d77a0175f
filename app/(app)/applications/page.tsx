import { Send } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Applications" };

export default async function ApplicationsPage() {
  await requireUser();
  return (
    <>
      <PageHeader
        title="Applications"
        description="Every hiring process, from applied to the final answer."
      />
      <EmptyState
        icon={Send}
        title="No applications yet"
        action={
          <Button asChild variant="secondary">
            <Link href="/companies">See your companies</Link>
          </Button>
        }
      >
        <p>
          Your applications will be listed here by stage (applied, screening, interviewing, final
          round, offer, rejected), with the people in each process and what you discussed. When one
          ends in a rejection, this is where you draft the thank-you notes.
        </p>
      </EmptyState>
    </>
  );
}

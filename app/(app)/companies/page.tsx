import { Building2 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Companies" };

export default async function CompaniesPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Companies" description="The employers you applied to." />
      <EmptyState
        icon={Building2}
        title="No companies yet"
        action={
          <Button asChild>
            <Link href="/applications">Record an application</Link>
          </Button>
        }
      >
        <p>
          Each employer will show here with your interest in working there (1 to 5), its people,
          your applications and the openings you have seen there.
        </p>
      </EmptyState>
    </>
  );
}

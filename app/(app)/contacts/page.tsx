import { Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  await requireUser();
  return (
    <>
      <PageHeader title="Contacts" description="Everyone you met in a hiring process." />
      <EmptyState
        icon={Users}
        title="No contacts yet"
        action={
          <Button asChild>
            <Link href="/applications">Go to your applications</Link>
          </Button>
        }
      >
        <p>
          The hiring managers, recruiters and interviewers you met will be listed here, searchable
          by name, company and title, each with the timeline of your conversations. Add people from
          an application right after an interview.
        </p>
      </EmptyState>
    </>
  );
}

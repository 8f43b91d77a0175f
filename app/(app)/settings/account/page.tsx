import { Download } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/empty-state";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/current-user";
import { getAccountFootprint } from "@/lib/db/queries/account";
import { DeleteAccountForm } from "./delete-account-form";

export const metadata: Metadata = { title: "Your data and account" };

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

const linkClass = "font-medium text-brand-700 underline underline-offset-2";

export default async function AccountPage() {
  const user = await requireUser();
  const footprint = await getAccountFootprint(user.id);
  return (
    <>
      <p className="mb-1 text-sm">
        <Link href="/settings" className={linkClass}>
          Settings
        </Link>
      </p>
      <PageHeader title="Your data and account" description={`Signed in as ${user.email}.`} />
      <div className="max-w-2xl space-y-6">
        <section
          aria-labelledby="download-heading"
          className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6"
        >
          <h2 id="download-heading" className="text-lg font-semibold">
            Download all your data
          </h2>
          <p className="text-sm text-stone-700">
            One JSON file with your profile and everything you keep here: companies, contacts,
            applications and their stage history, the people in each process, interactions, notes,
            follow-ups and openings. Your password is not in it.
          </p>
          {/* A plain link: the route handler answers with a file download. */}
          <Button asChild>
            <a href="/api/account/export">
              <Download aria-hidden="true" className="size-4" />
              Download all your data
            </a>
          </Button>
          <p className="text-sm text-stone-600">
            For a spreadsheet or an address book, export your contacts as CSV or vCards from the{" "}
            <Link href="/contacts" className={linkClass}>
              Contacts
            </Link>{" "}
            page.
          </p>
        </section>

        <section
          aria-labelledby="delete-heading"
          className="space-y-3 rounded-2xl border border-red-200 bg-white p-4 sm:p-6"
        >
          <h2 id="delete-heading" className="text-lg font-semibold text-red-800">
            Delete your account
          </h2>
          <p className="text-sm text-stone-700">
            This deletes your account and everything in it:{" "}
            {plural(footprint.companies, "company", "companies")},{" "}
            {plural(footprint.contacts, "contact")}, {plural(footprint.applications, "application")}{" "}
            and {plural(footprint.notes, "note")}, with every interaction, follow-up and opening.
            You are signed out and the same email can sign up again later.
          </p>
          <p className="text-sm font-medium text-stone-900">
            This cannot be undone. Download your data first if you want a copy.
          </p>
          <DeleteAccountForm />
        </section>
      </div>
    </>
  );
}

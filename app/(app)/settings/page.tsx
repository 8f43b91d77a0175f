import type { Metadata } from "next";
import { PageHeader } from "@/components/empty-state";
import { CalendarFeedSection } from "@/components/settings/calendar-feed-section";
import { DigestNotice } from "@/components/settings/digest-notice";
import { SettingsForm } from "@/components/settings-form";
import { requireUser } from "@/lib/auth/current-user";
import { getSenderSettings } from "@/lib/db/queries/notes";
import { formatCadence } from "@/lib/nurture/cadence";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const sender = await getSenderSettings(user.id);
  return (
    <>
      <PageHeader
        title="Settings"
        description={`Signed in as ${user.email}. These shape every note drafted for you.`}
      />
      <SettingsForm
        initial={{
          name: sender.name,
          signature: sender.signature ?? "",
          tone: sender.tone,
          cadenceMonths: formatCadence(sender.cadenceMonths),
        }}
      />
      <CalendarFeedSection userId={user.id} />
      <DigestNotice email={user.email} />
      <p className="mt-10 border-t border-stone-200 pt-6 text-sm">
        <a
          href="/settings/account"
          className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-2"
        >
          Your data and account: download everything, or delete your account
        </a>
      </p>
    </>
  );
}

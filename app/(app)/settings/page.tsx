import type { Metadata } from "next";
import { PageHeader } from "@/components/empty-state";
import { SettingsForm } from "@/components/settings-form";
import { requireUser } from "@/lib/auth/current-user";
import { getSenderSettings } from "@/lib/db/queries/notes";

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
        initial={{ name: sender.name, signature: sender.signature ?? "", tone: sender.tone }}
      />
    </>
  );
}

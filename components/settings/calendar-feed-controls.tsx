"use client";

import { Check, Copy } from "lucide-react";
import { useRef, useState } from "react";
import { enableCalendarFeed } from "@/app/(app)/settings/calendar-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { FormAlert, Input, Label } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";

export function EnableCalendarFeedButton() {
  const form = useActionForm(enableCalendarFeed);
  return (
    <form action={form.formAction} noValidate className="mt-4 space-y-3">
      <FormAlert message={form.message} />
      <SubmitButton pendingLabel="Turning on…">Turn on the calendar feed</SubmitButton>
    </form>
  );
}

/** The feed URL, read-only and selectable, with a copy button (and a manual fallback). */
export function CopyFeedUrl({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<"idle" | "copied" | "manual">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setStatus("copied");
    } catch {
      // No clipboard access (plain http on a LAN address, an old browser): select it instead.
      input.current?.focus();
      input.current?.select();
      setStatus("manual");
    }
  }

  return (
    <div className="mt-4 space-y-1.5">
      <Label htmlFor="calendar-feed-url">Your private calendar URL</Label>
      <div className="flex gap-2">
        <Input
          ref={input}
          id="calendar-feed-url"
          readOnly
          value={url}
          onFocus={(event) => event.currentTarget.select()}
          className="min-w-0 flex-1 font-mono text-sm"
          aria-describedby="calendar-feed-url-status"
        />
        <Button type="button" variant="secondary" onClick={copy} className="shrink-0">
          {status === "copied" ? (
            <Check aria-hidden="true" className="size-4" />
          ) : (
            <Copy aria-hidden="true" className="size-4" />
          )}
          {status === "copied" ? "Copied" : "Copy"}
        </Button>
      </div>
      <p id="calendar-feed-url-status" role="status" className="text-sm text-stone-600">
        {status === "copied"
          ? "Copied. Paste it into your calendar app."
          : status === "manual"
            ? "The URL is selected: copy it with Ctrl+C (⌘C), or long-press on a phone."
            : null}
      </p>
    </div>
  );
}

"use client";

import { type ReactNode, useId, useRef } from "react";
import { Button, type ButtonProps } from "./button";
import { SubmitButton } from "./submit-button";

/**
 * A destructive action behind a confirmation that says exactly what else goes with it.
 * The form posts to a server action only after the user confirms in the native <dialog>
 * (keyboard- and screen-reader-friendly, Escape cancels).
 */
export function ConfirmButton({
  action,
  hidden,
  label,
  title,
  children,
  confirmLabel = label,
  variant = "danger",
}: {
  action: (formData: FormData) => void | Promise<void>;
  hidden: Record<string, string>;
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  variant?: ButtonProps["variant"];
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button
        type="button"
        variant={variant === "danger" ? "secondary" : variant}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl p-6 shadow-xl backdrop:bg-stone-900/40"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <div className="mt-2 space-y-2 text-sm text-stone-700">{children}</div>
        <form action={action} className="mt-6 flex flex-wrap justify-end gap-2">
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <SubmitButton variant={variant} pendingLabel="Working…">
            {confirmLabel}
          </SubmitButton>
        </form>
      </dialog>
    </>
  );
}

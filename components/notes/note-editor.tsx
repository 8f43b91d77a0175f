"use client";

import { clsx } from "clsx";
import { Check, Copy, Mail, Sparkles, TriangleAlert } from "lucide-react";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { saveNote } from "@/app/(app)/notes/actions";
import { Button } from "@/components/ui/button";
import { Field, FormAlert, Input, Textarea } from "@/components/ui/field";
import { checkNote, ELEMENTS, type NoteFacts } from "@/lib/drafting/checker";

export type EditableNote = {
  id: string;
  channel: "email" | "linkedin";
  subject: string | null;
  body: string;
  source: string;
  sourceKind: "model" | "template" | "manual";
  updatedAt: string;
};

type SaveState = "saved" | "unsaved" | "saving" | "failed";

const backupKey = (id: string) => `runner-up:note:${id}`;
type Backup = { subject: string; body: string; basedOn: string };

function sourceLabel(note: Pick<EditableNote, "source" | "sourceKind">): string {
  if (note.sourceKind === "model") return `Drafted by ${note.source}`;
  if (note.sourceKind === "template") return "Written from a Runner-Up template";
  return "Written by you";
}

/**
 * The draft editor: autosaves while the user types (and keeps a copy in this browser until
 * the server has it, so a refresh or a failed save loses nothing), shows the six-element
 * checklist live, and streams a model draft in when asked.
 */
export function NoteEditor({
  note: initial,
  facts,
  email,
  model,
  autoDraft = false,
}: {
  note: EditableNote;
  facts: NoteFacts;
  email: string | null;
  /** The configured model's name, or null when drafting falls back to templates. */
  model: string | null;
  autoDraft?: boolean;
}) {
  const [subject, setSubject] = useState(initial.subject ?? "");
  const [body, setBody] = useState(initial.body);
  const [source, setSource] = useState({ source: initial.source, sourceKind: initial.sourceKind });
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [streaming, setStreaming] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [copied, setCopied] = useState(false);
  const [, startTransition] = useTransition();
  const basedOn = useRef(initial.updatedAt);
  const lastDrafted = useRef({ subject: initial.subject ?? "", body: initial.body });
  const started = useRef(false);
  const isEmail = initial.channel === "email";

  const check = checkNote({ subject: isEmail ? subject : null, body }, facts);

  const persist = useCallback(
    (next: { subject: string; body: string }) => {
      setSaveState("saving");
      const form = new FormData();
      form.set("id", initial.id);
      form.set("subject", next.subject);
      form.set("body", next.body);
      startTransition(async () => {
        const result = await saveNote({ status: "idle" }, form).catch(() => null);
        if (result?.status === "success") {
          basedOn.current = result.data.savedAt;
          window.localStorage.removeItem(backupKey(initial.id));
          setSaveState("saved");
          setError(undefined);
        } else {
          setSaveState("failed");
          setError(
            result && (result.status === "invalid" || result.status === "error")
              ? `Not saved: ${result.message} Your text is kept in this browser.`
              : "Not saved: the connection failed. Your text is kept in this browser and saved when you type again.",
          );
        }
      });
    },
    [initial.id],
  );

  // Debounced autosave; every keystroke is also kept locally until the server confirms.
  const edit = (next: { subject: string; body: string }) => {
    setSubject(next.subject);
    setBody(next.body);
    setSaveState("unsaved");
    const backup: Backup = { ...next, basedOn: basedOn.current };
    window.localStorage.setItem(backupKey(initial.id), JSON.stringify(backup));
  };
  useEffect(() => {
    if (saveState !== "unsaved") return;
    const timer = setTimeout(() => persist({ subject, body }), 700);
    return () => clearTimeout(timer);
  }, [subject, body, saveState, persist]);

  // A copy left by a failed save or a closed tab comes back, and is saved.
  useEffect(() => {
    const raw = window.localStorage.getItem(backupKey(initial.id));
    if (!raw) return;
    try {
      const backup = JSON.parse(raw) as Backup;
      if (backup.body !== initial.body || backup.subject !== (initial.subject ?? "")) {
        setSubject(backup.subject);
        setBody(backup.body);
        setSaveState("unsaved");
        setNotice("Restored the changes you had not saved yet.");
      } else {
        window.localStorage.removeItem(backupKey(initial.id));
      }
    } catch {
      window.localStorage.removeItem(backupKey(initial.id));
    }
  }, [initial.id, initial.body, initial.subject]);

  const redraft = useCallback(
    async (mode: "model" | "template") => {
      setError(undefined);
      setNotice(undefined);
      setStreaming(true);
      const previous = { subject, body };
      let streamed = "";
      try {
        const response = await fetch(`/api/notes/${initial.id}/draft`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ mode }),
        });
        if (!response.ok || !response.body) {
          const detail = (await response.json().catch(() => null)) as { error?: string } | null;
          throw new Error(detail?.error ?? "Drafting failed.");
        }
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const lines = buffer.split("\n");
          buffer = lines.pop() ?? "";
          for (const line of lines) {
            if (!line.trim()) continue;
            const event = JSON.parse(line) as
              | { type: "token"; text: string }
              | { type: "reset"; reason: string }
              | { type: "done"; note: EditableNote; notice?: string }
              | { type: "error"; message: string };
            if (event.type === "token") {
              streamed += event.text;
              setBody(streamed.replace(/^\s*subject\s*:[^\n]*\n+/i, ""));
            } else if (event.type === "reset") {
              streamed = "";
              setNotice(event.reason);
            } else if (event.type === "done") {
              setSubject(event.note.subject ?? "");
              setBody(event.note.body);
              setSource({ source: event.note.source, sourceKind: event.note.sourceKind });
              basedOn.current = event.note.updatedAt;
              lastDrafted.current = { subject: event.note.subject ?? "", body: event.note.body };
              window.localStorage.removeItem(backupKey(initial.id));
              setSaveState("saved");
              setNotice(
                event.note.sourceKind === "template" && event.notice
                  ? `${event.notice} A template wrote this note instead.`
                  : event.notice,
              );
            } else {
              throw new Error(event.message);
            }
          }
        }
      } catch (failure) {
        setSubject(previous.subject);
        setBody(previous.body);
        setError(
          `${failure instanceof Error ? failure.message : "Drafting failed."} Your text is unchanged.`,
        );
      } finally {
        setStreaming(false);
      }
    },
    [initial.id, subject, body],
  );

  useEffect(() => {
    if (!autoDraft || !model || started.current) return;
    started.current = true;
    void redraft("model");
  }, [autoDraft, model, redraft]);

  const confirmReplace = (label: string) => {
    const edited = subject !== lastDrafted.current.subject || body !== lastDrafted.current.body;
    return !edited || window.confirm(`Replace your edited text with ${label}?`);
  };

  const fullText = isEmail && subject ? `Subject: ${subject}\n\n${body}` : body;
  const mailto = `mailto:${email ? encodeURIComponent(email) : ""}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  const saveText: Record<SaveState, string> = {
    saved: "All changes saved",
    unsaved: "Unsaved changes…",
    saving: "Saving…",
    failed: "Not saved",
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="min-w-0 space-y-4">
        <p
          className="flex flex-wrap items-center gap-2 text-sm text-stone-600"
          data-testid="note-source"
        >
          <Sparkles aria-hidden="true" className="size-4 text-brand-700" />
          {streaming ? `Drafting with ${model ?? "a template"}…` : sourceLabel(source)}
        </p>
        {notice ? (
          <p role="status" className="rounded-lg bg-amber-50 p-3 text-sm text-amber-900">
            {notice}
          </p>
        ) : null}
        <FormAlert message={error} />
        {isEmail ? (
          <Field id={`subject-${initial.id}`} label="Subject">
            {(control) => (
              <Input
                {...control}
                value={subject}
                readOnly={streaming}
                onChange={(event) => edit({ subject: event.target.value, body })}
              />
            )}
          </Field>
        ) : null}
        <Field
          id={`body-${initial.id}`}
          label={isEmail ? "Message" : "LinkedIn message"}
          hint={isEmail ? `${check.words} words` : `${check.characters} of 300 characters`}
        >
          {(control) => (
            <Textarea
              {...control}
              value={body}
              readOnly={streaming}
              aria-busy={streaming}
              rows={isEmail ? 16 : 7}
              className="font-[inherit] leading-relaxed"
              onChange={(event) => edit({ subject, body: event.target.value })}
            />
          )}
        </Field>
        <p
          aria-live="polite"
          data-testid="save-state"
          className={clsx("text-sm", saveState === "failed" ? "text-red-700" : "text-stone-600")}
        >
          {saveText[saveState]}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button
            type="button"
            variant="secondary"
            onClick={async () => {
              await navigator.clipboard.writeText(fullText);
              setCopied(true);
              setTimeout(() => setCopied(false), 2000);
            }}
          >
            {copied ? (
              <Check aria-hidden="true" className="size-4" />
            ) : (
              <Copy aria-hidden="true" className="size-4" />
            )}
            {copied ? "Copied" : "Copy"}
          </Button>
          {isEmail ? (
            <Button asChild variant="secondary">
              <a href={mailto}>
                <Mail aria-hidden="true" className="size-4" />
                Open in mail app
              </a>
            </Button>
          ) : null}
          {model ? (
            <Button
              type="button"
              variant="ghost"
              disabled={streaming}
              onClick={() => confirmReplace(`a new draft by ${model}`) && void redraft("model")}
            >
              Draft again with {model}
            </Button>
          ) : null}
          <Button
            type="button"
            variant="ghost"
            disabled={streaming}
            onClick={() => confirmReplace("the template") && void redraft("template")}
          >
            Use the template
          </Button>
        </div>
      </div>
      <aside
        aria-label="Note checklist"
        className="space-y-3 rounded-2xl border border-stone-200 bg-white p-4"
      >
        <h3 className="text-sm font-semibold">{check.passes ? "Ready to send" : "Checklist"}</h3>
        <ul className="space-y-2 text-sm" data-testid="checklist">
          {ELEMENTS.map(({ id, label }) => (
            <li key={id} className="flex gap-2" data-covered={check.elements[id]}>
              {check.elements[id] ? (
                <Check aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-brand-700" />
              ) : (
                <span
                  aria-hidden="true"
                  className="mt-1.5 size-2.5 shrink-0 rounded-full border border-stone-400"
                />
              )}
              <span className={check.elements[id] ? "text-stone-800" : "text-stone-500"}>
                <span className="sr-only">{check.elements[id] ? "Covered: " : "Missing: "}</span>
                {label}
              </span>
            </li>
          ))}
        </ul>
        {check.warnings.length > 0 ? (
          <ul className="space-y-2 text-sm" data-testid="warnings">
            {check.warnings.map((warning) => (
              <li key={warning.kind} className="flex gap-2 text-amber-900">
                <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0" />
                {warning.message}
              </li>
            ))}
          </ul>
        ) : null}
      </aside>
    </div>
  );
}

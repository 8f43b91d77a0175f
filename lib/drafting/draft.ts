import { type CheckResult, checkNote, ELEMENTS } from "./checker";
import { cleanModelOutput } from "./clean";
import { buildMessages } from "./prompt";
import { describeModel, ProviderError, type StreamOptions, streamChat } from "./provider";
import { TEMPLATE_SOURCE, templateDraft } from "./templates";
import type { Draft, NoteContext } from "./types";

// Drafting one note: the model when it is configured and behaves, the template engine
// otherwise. Every path ends in a complete note, and the caller learns which source wrote it
// and why a template was used.

export type DraftResult = {
  draft: Draft;
  source: string;
  sourceKind: "model" | "template";
  check: CheckResult;
  /** Why the template wrote it, in words for the user (absent when the model did). */
  fallbackReason?: string;
};

export type DraftEvents = {
  /** A piece of model text as it streams in. */
  onToken?: (text: string) => void;
  /** The text streamed so far is discarded (a retry or the fallback follows). */
  onReset?: (reason: string) => void;
};

export function templateResult(context: NoteContext, fallbackReason?: string): DraftResult {
  const draft = templateDraft(context);
  return {
    draft,
    source: TEMPLATE_SOURCE,
    sourceKind: "template",
    check: checkNote(draft, context),
    fallbackReason,
  };
}

function failureReason(error: unknown): string {
  if (!(error instanceof ProviderError)) return "The AI model failed unexpectedly.";
  switch (error.kind) {
    case "timeout":
      return "The AI model took too long to answer.";
    case "rate_limited":
      return "The AI model is rate-limiting requests right now.";
    case "http":
      return error.status
        ? `The AI model answered with an error (HTTP ${error.status}).`
        : "The AI model could not be reached.";
    case "stream_broken":
      return "The connection to the AI model broke off mid-draft.";
    case "empty":
      return "The AI model returned an empty draft.";
    case "aborted":
      return "The draft was cancelled.";
  }
}

/** What the checker found wrong, phrased as an instruction for the retry. */
export function retryInstruction(check: CheckResult): string {
  const missing = ELEMENTS.filter(({ id }) => !check.elements[id]).map(({ label }) => label);
  const problems = [
    ...check.warnings.map((warning) => warning.message),
    ...(missing.length ? [`It lacks: ${missing.join("; ")}.`] : []),
  ];
  return problems.join(" ");
}

/**
 * Drafts with the model (streaming tokens through `events`), checks the result, retries once
 * with the checker's findings, and falls back to the template on any failure.
 */
export async function generateDraft(
  context: NoteContext,
  provider: StreamOptions | null,
  events: DraftEvents = {},
): Promise<DraftResult> {
  if (!provider) return templateResult(context, "No AI model is configured.");
  let retry: string | undefined;
  for (let attempt = 1; attempt <= 2; attempt++) {
    let text = "";
    try {
      for await (const delta of streamChat(buildMessages(context, retry), provider)) {
        text += delta;
        events.onToken?.(delta);
      }
    } catch (error) {
      const reason = failureReason(error);
      if (text) events.onReset?.(reason);
      return templateResult(context, reason);
    }
    const draft = cleanModelOutput(text, context.channel);
    const check = checkNote(draft, context);
    if (check.passes) {
      return { draft, source: describeModel(provider), sourceKind: "model", check };
    }
    retry = retryInstruction(check);
    events.onReset?.(
      attempt === 1
        ? "The draft did not pass the checks; asking the model once more."
        : "The model's second draft did not pass the checks either.",
    );
  }
  return templateResult(context, "The AI model's drafts did not pass the note checks.");
}

import OpenAI from "openai";
import { env } from "@/lib/env";

// The LLM provider client for note drafting: one streaming chat completion against any
// OpenAI-compatible endpoint, with hard time limits. Every failure becomes a ProviderError so
// the caller can fall back to a template. Server code only (it holds the API key), but without
// `server-only` so tests and scripts can import it.

export type ChatMessage = { role: "system" | "user"; content: string };

export type StreamOptions = {
  apiKey: string;
  /** Unset means the client's default (OpenAI). */
  baseURL?: string;
  model: string;
  /** Budget for the whole stream, from the request to the last token. */
  timeoutMs: number;
  /** Budget from the request to the first non-empty content delta. */
  firstTokenTimeoutMs: number;
  signal?: AbortSignal;
  temperature?: number;
};

export type ProviderErrorKind =
  | "timeout"
  | "http"
  | "rate_limited"
  | "stream_broken"
  | "empty"
  | "aborted";

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  readonly kind: ProviderErrorKind;
  /** HTTP status of the provider's response, when it answered with an error status. */
  readonly status: number | undefined;
  /** The text already yielded before the failure (the caller may keep or discard it). */
  readonly partial: string;

  constructor(
    kind: ProviderErrorKind,
    message: string,
    details: { status?: number; partial?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.kind = kind;
    this.status = details.status;
    this.partial = details.partial ?? "";
  }
}

type AbortReason = "first_token" | "total" | "caller";

/**
 * Streams one chat completion and yields its text deltas as they arrive.
 *
 * Throws ProviderError for every failure. Deltas yielded before a failure stay yielded (and
 * are repeated in `error.partial`). Breaking out of the loop early cancels the request.
 */
export async function* streamChat(
  messages: ChatMessage[],
  options: StreamOptions,
): AsyncGenerator<string> {
  if (options.signal?.aborted) {
    throw new ProviderError("aborted", "The draft was cancelled before it started.");
  }

  const controller = new AbortController();
  let abortReason: AbortReason | undefined;
  const abort = (reason: AbortReason) => {
    abortReason ??= reason;
    controller.abort();
  };
  const onCallerAbort = () => abort("caller");
  options.signal?.addEventListener("abort", onCallerAbort, { once: true });
  const totalTimer = setTimeout(() => abort("total"), options.timeoutMs);
  let firstTokenTimer: ReturnType<typeof setTimeout> | undefined = setTimeout(
    () => abort("first_token"),
    options.firstTokenTimeoutMs,
  );

  let phase: "request" | "stream" = "request";
  let text = "";
  let finishReason: string | undefined;
  let completed = false;

  try {
    const client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      // A slow retry would only delay the template fallback.
      maxRetries: 0,
      // Only covers the wait for response headers; our own timers cover the body.
      timeout: options.timeoutMs,
      // Settings come from lib/env.ts only, not from the SDK's own environment variables.
      organization: null,
      project: null,
      // Failures are thrown as ProviderError and logged by the caller.
      logLevel: "off",
    });

    const request = () =>
      client.chat.completions.create(
        { model: options.model, messages, stream: true, temperature: options.temperature },
        { signal: controller.signal },
      );
    // One immediate second try when the connection itself failed before any answer: a pooled
    // keep-alive socket the server had just closed is not a provider outage. HTTP errors are
    // answers, and fall back at once.
    const stream = await request().catch((error: unknown) => {
      const connectionFailed =
        error instanceof OpenAI.APIConnectionError &&
        !(error instanceof OpenAI.APIConnectionTimeoutError) &&
        !abortReason;
      if (!connectionFailed) throw error;
      return request();
    });
    phase = "stream";

    for await (const chunk of stream) {
      if (abortReason) break;
      const choice = chunk.choices?.[0];
      if (!choice) continue;
      if (choice.finish_reason) finishReason = choice.finish_reason;
      const delta = choice.delta?.content;
      if (typeof delta === "string" && delta.length > 0) {
        if (firstTokenTimer !== undefined) {
          clearTimeout(firstTokenTimer);
          firstTokenTimer = undefined;
        }
        text += delta;
        yield delta;
        // The consumer may have been slow while this generator was suspended.
        if (abortReason) break;
      }
    }

    // The SDK ends the iteration quietly when its request is aborted, so check why we stopped.
    // A timer that fires after the model has finished (slow consumer) cost nothing: keep the text.
    const finishedInTime = finishReason !== undefined && abortReason !== "caller";
    if (abortReason && !finishedInTime) throw abortError(abortReason, options, text);
    if (!finishReason) {
      throw new ProviderError("stream_broken", "The model's stream ended before it finished.", {
        partial: text,
      });
    }
    if (text.trim() === "") {
      throw new ProviderError("empty", "The model finished without writing anything.", {
        partial: text,
      });
    }
    completed = true;
  } catch (error) {
    throw toProviderError(error, { abortReason, phase, options, partial: text });
  } finally {
    clearTimeout(totalTimer);
    if (firstTokenTimer !== undefined) clearTimeout(firstTokenTimer);
    options.signal?.removeEventListener("abort", onCallerAbort);
    // A failure or an early `break` must not leave the HTTP request running.
    if (!completed) controller.abort();
  }
}

function abortError(reason: AbortReason, options: StreamOptions, partial: string): ProviderError {
  if (reason === "caller") {
    return new ProviderError("aborted", "The draft was cancelled.", { partial });
  }
  const message =
    reason === "first_token"
      ? `The model sent nothing within ${options.firstTokenTimeoutMs} ms.`
      : `The model did not finish within ${options.timeoutMs} ms.`;
  return new ProviderError("timeout", message, { partial });
}

function toProviderError(
  error: unknown,
  context: {
    abortReason: AbortReason | undefined;
    phase: "request" | "stream";
    options: StreamOptions;
    partial: string;
  },
): ProviderError {
  const { abortReason, phase, options, partial } = context;
  if (error instanceof ProviderError) return error;
  // Our own abort surfaces as whatever the SDK or fetch throws at that moment.
  if (abortReason) return abortError(abortReason, options, partial);
  const cause = error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return new ProviderError("timeout", "The model server did not respond in time.", {
      partial,
      cause,
    });
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return new ProviderError("aborted", "The draft was cancelled.", { partial, cause });
  }
  if (error instanceof OpenAI.APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 429) {
      return new ProviderError("rate_limited", "The model provider is rate limiting requests.", {
        status,
        partial,
        cause,
      });
    }
    return new ProviderError("http", `The model provider answered HTTP ${status}.`, {
      status,
      partial,
      cause,
    });
  }
  if (phase === "request") {
    // No usable response at all: connection refused or reset, DNS failure, bad URL.
    return new ProviderError("http", "Could not reach the model server.", { partial, cause });
  }
  // The response had started: a reset connection, a malformed chunk, an error event.
  return new ProviderError("stream_broken", "The model's stream broke off.", { partial, cause });
}

/** Provider settings from the environment, or null when no API key is configured. */
export function providerOptionsFromEnv(): StreamOptions | null {
  if (!env.OPENAI_API_KEY) return null;
  return {
    apiKey: env.OPENAI_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    timeoutMs: env.OPENAI_TIMEOUT_MS,
    firstTokenTimeoutMs: env.OPENAI_FIRST_TOKEN_TIMEOUT_MS,
  };
}

/** The label for a model-written draft's source, e.g. "gpt-4o-mini" or "llama3.1:8b". */
export function describeModel(options: Pick<StreamOptions, "model">): string {
  return options.model.trim();
}

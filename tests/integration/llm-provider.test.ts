import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type ChatMessage,
  describeModel,
  ProviderError,
  type StreamOptions,
  streamChat,
} from "@/lib/drafting/provider";
import {
  defaultReply,
  type OpenAITestServer,
  splitIntoChunks,
  startOpenAITestServer,
} from "@/tests/support/openai-test-server";

// The real `openai` client against a real HTTP server on loopback: no internet, no fake provider.

let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer();
});

afterEach(async () => {
  // Every request must be over once streamChat has returned or thrown: nothing left dangling.
  await expect.poll(() => server.activeRequests(), { timeout: 1000, interval: 10 }).toBe(0);
  server.reset();
});

afterAll(async () => {
  const started = Date.now();
  await server.close();
  // close() waits for open connections, so a leaked request would hold it open.
  expect(Date.now() - started).toBeLessThan(1500);
});

const messages: ChatMessage[] = [
  { role: "system", content: "You write short, warm thank-you notes." },
  { role: "user", content: "Write a note to Dana Whitfield at Acme Robotics." },
];

function options(overrides: Partial<StreamOptions> = {}): StreamOptions {
  return {
    apiKey: "test-key",
    baseURL: server.url,
    model: "test-model-1",
    timeoutMs: 5000,
    firstTokenTimeoutMs: 2000,
    ...overrides,
  };
}

/** Runs the stream to the end and returns what was yielded plus the error, if any. */
async function collect(
  overrides: Partial<StreamOptions> = {},
): Promise<{ deltas: string[]; error: ProviderError | undefined; ms: number }> {
  const deltas: string[] = [];
  const started = Date.now();
  try {
    for await (const delta of streamChat(messages, options(overrides))) deltas.push(delta);
    return { deltas, error: undefined, ms: Date.now() - started };
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return { deltas, error: error as ProviderError, ms: Date.now() - started };
  }
}

describe("streamChat against an OpenAI-compatible server", () => {
  it("streams the reply as several deltas, in order", async () => {
    const reply = "Dear Dana,\n\nThank you for the kind call yesterday. Best regards, Sam";
    server.setReply(reply);
    const { deltas, error } = await collect({ temperature: 0.4 });

    expect(error).toBeUndefined();
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas).toEqual(splitIntoChunks(reply));
    expect(deltas.join("")).toBe(reply);
  });

  it("sends a streaming request with the model, messages and temperature", async () => {
    await collect({ temperature: 0.4 });

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      model: "test-model-1",
      stream: true,
      temperature: 0.4,
      messages,
    });
  });

  it("streams the default note when no reply is set", async () => {
    const { deltas, error } = await collect();
    expect(error).toBeUndefined();
    expect(deltas.join("")).toBe(defaultReply);
  });

  it("accepts a reply computed from the request", async () => {
    server.setReply((body) => `Hello from ${body.model}.`);
    const { deltas } = await collect();
    expect(deltas.join("")).toBe("Hello from test-model-1.");
  });

  it("times out quickly when the first token does not come", async () => {
    server.setMode("slow-first-token");
    const { deltas, error, ms } = await collect({ firstTokenTimeoutMs: 200 });

    expect(error?.kind).toBe("timeout");
    expect(error?.message).toMatch(/200 ms/);
    expect(deltas).toEqual([]);
    expect(ms).toBeLessThan(1500);
  });

  it("times out on the first token while the server has not even sent headers", async () => {
    server.setDelays({ headersMs: 5000 });
    const { error, ms } = await collect({ firstTokenTimeoutMs: 200 });

    expect(error?.kind).toBe("timeout");
    expect(ms).toBeLessThan(1500);
  });

  it("times out when the whole stream takes longer than its budget, keeping what came", async () => {
    server.setMode("slow");
    server.setDelays({ slowChunkMs: 150 });
    const { deltas, error, ms } = await collect({ timeoutMs: 400, firstTokenTimeoutMs: 300 });

    expect(error?.kind).toBe("timeout");
    expect(error?.message).toMatch(/400 ms/);
    expect(deltas.length).toBeGreaterThan(0);
    expect(error?.partial).toBe(deltas.join(""));
    expect(defaultReply.startsWith(deltas.join(""))).toBe(true);
    expect(ms).toBeLessThan(1500);
  });

  it("reports HTTP 500 as http with its status, without retrying", async () => {
    server.setMode("http-500");
    const { error } = await collect();

    expect(error?.kind).toBe("http");
    expect(error?.status).toBe(500);
    expect(server.requests).toHaveLength(1);
  });

  it("reports HTTP 429 as rate_limited, without retrying", async () => {
    server.setMode("http-429");
    const { error } = await collect();

    expect(error?.kind).toBe("rate_limited");
    expect(error?.status).toBe(429);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a connection cut mid-stream as stream_broken, after yielding what came", async () => {
    server.setMode("cut-stream");
    const { deltas, error } = await collect();

    expect(error?.kind).toBe("stream_broken");
    expect(error?.status).toBeUndefined();
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas.join("").length).toBeLessThan(defaultReply.length);
    expect(defaultReply.startsWith(deltas.join(""))).toBe(true);
    expect(error?.partial).toBe(deltas.join(""));
  });

  it("reports a malformed chunk as stream_broken", async () => {
    server.setMode("malformed");
    const { deltas, error } = await collect();

    expect(error?.kind).toBe("stream_broken");
    expect(deltas.length).toBeGreaterThan(0);
  });

  it("reports a stream that finishes without text as empty", async () => {
    server.setMode("empty");
    const { deltas, error } = await collect();

    expect(error?.kind).toBe("empty");
    expect(deltas).toEqual([]);
  });

  it("reports an unreachable server as http without a status", async () => {
    const closed = await startOpenAITestServer();
    await closed.close();
    const { error } = await collect({ baseURL: closed.url });

    expect(error?.kind).toBe("http");
    expect(error?.status).toBeUndefined();
  });

  it("stops with aborted when the caller's signal aborts mid-stream", async () => {
    server.setMode("slow");
    server.setDelays({ slowChunkMs: 100 });
    const controller = new AbortController();
    const deltas: string[] = [];
    const started = Date.now();
    let caught: unknown;
    try {
      for await (const delta of streamChat(messages, options({ signal: controller.signal }))) {
        deltas.push(delta);
        if (deltas.length === 2) controller.abort();
      }
    } catch (error) {
      caught = error;
    }

    expect(caught).toBeInstanceOf(ProviderError);
    expect((caught as ProviderError).kind).toBe("aborted");
    expect(deltas).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("stops with aborted when the caller aborts before the response arrives", async () => {
    server.setDelays({ headersMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { error, ms } = await collect({ signal: controller.signal });

    expect(error?.kind).toBe("aborted");
    expect(ms).toBeLessThan(1000);
  });

  it("does not send a request when the signal is already aborted", async () => {
    const { error } = await collect({ signal: AbortSignal.abort() });

    expect(error?.kind).toBe("aborted");
    expect(server.requests).toHaveLength(0);
  });

  it("cancels the request when the consumer stops reading early", async () => {
    server.setMode("slow");
    server.setDelays({ slowChunkMs: 100 });
    for await (const _delta of streamChat(messages, options())) break;
    // afterEach checks that the server saw the request end.
  });

  it.each([
    ["nonsense", /quantum spoon/],
    ["placeholder", /\[Name\].*\[Company\]/s],
    ["invented-names", /Bartholomew Quince.*Zentrix Dynamics/s],
  ] as const)("streams a %s reply for the checker to reject", async (mode, pattern) => {
    server.setMode(mode);
    const { deltas, error } = await collect();

    expect(error).toBeUndefined();
    expect(deltas.join("")).toMatch(pattern);
  });
});

describe("the test server itself", () => {
  it("answers non-streaming requests like OpenAI", async () => {
    server.setReply("A short note.");
    const client = new OpenAI({ apiKey: "test-key", baseURL: server.url, maxRetries: 0 });
    const completion = await client.chat.completions.create({
      model: "test-model-2",
      messages,
    });

    expect(completion.object).toBe("chat.completion");
    expect(completion.model).toBe("test-model-2");
    expect(completion.choices[0]?.message.content).toBe("A short note.");
    expect(completion.choices[0]?.finish_reason).toBe("stop");
    expect(server.requests[0]?.stream).toBeUndefined();
  });

  it("takes a mode per request from the x-test-mode header", async () => {
    const response = await fetch(`${server.url}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test-mode": "http-429" },
      body: JSON.stringify({ model: "m", messages: [], stream: true }),
    });

    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
  });

  it("keeps close() waiting while a request is still open, so leaks show", async () => {
    const other = await startOpenAITestServer();
    other.setMode("slow-first-token");
    const client = new AbortController();
    const response = await fetch(`${other.url}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "m", messages: [], stream: true }),
      signal: client.signal,
    });
    expect(response.status).toBe(200);

    let closed = false;
    const closing = other.close().then(() => {
      closed = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(closed).toBe(false);
    expect(other.activeRequests()).toBe(1);

    client.abort();
    await closing;
    await expect.poll(() => other.activeRequests(), { timeout: 500, interval: 10 }).toBe(0);
  });

  it("switches mode over HTTP for tests in another process", async () => {
    const origin = new URL(server.url).origin;
    const set = await fetch(`${origin}/__mode?set=http-500`);
    expect(await set.json()).toEqual({ mode: "http-500" });

    const { error } = await collect();
    expect(error?.status).toBe(500);

    expect((await fetch(`${origin}/__mode?set=bogus`)).status).toBe(400);
    await fetch(`${origin}/__reset`);
    expect(await (await fetch(`${origin}/__mode`)).json()).toEqual({ mode: "ok" });
  });
});

describe("describeModel and providerOptionsFromEnv", () => {
  it("labels a draft with the model name", () => {
    expect(describeModel(options({ model: "llama3.1:8b" }))).toBe("llama3.1:8b");
  });

  it("reads the provider settings from the environment, or null without a key", async () => {
    vi.resetModules();
    vi.stubEnv("OPENAI_API_KEY", "");
    vi.stubEnv("OPENAI_BASE_URL", "");
    vi.stubEnv("OPENAI_MODEL", "");
    try {
      const withoutKey = await import("@/lib/drafting/provider");
      const envModule = await import("@/lib/env");
      expect(withoutKey.providerOptionsFromEnv()).toBeNull();
      expect(envModule.llmConfigured()).toBe(false);

      vi.resetModules();
      vi.stubEnv("OPENAI_API_KEY", "ollama");
      vi.stubEnv("OPENAI_BASE_URL", "http://localhost:11434/v1");
      vi.stubEnv("OPENAI_MODEL", "llama3.1");
      vi.stubEnv("OPENAI_TIMEOUT_MS", "20000");
      vi.stubEnv("OPENAI_FIRST_TOKEN_TIMEOUT_MS", "30000");
      const withKey = await import("@/lib/drafting/provider");
      expect(withKey.providerOptionsFromEnv()).toEqual({
        apiKey: "ollama",
        baseURL: "http://localhost:11434/v1",
        model: "llama3.1",
        timeoutMs: 20_000,
        firstTokenTimeoutMs: 30_000,
      });
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });

  it("rejects a base URL that is not http(s)", async () => {
    vi.resetModules();
    vi.stubEnv("OPENAI_BASE_URL", "localhost:11434");
    try {
      await expect(import("@/lib/env")).rejects.toThrow(/OPENAI_BASE_URL/);
    } finally {
      vi.unstubAllEnvs();
      vi.resetModules();
    }
  });
});

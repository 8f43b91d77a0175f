import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { pathToFileURL } from "node:url";

// A real HTTP server that speaks the OpenAI chat completions API on loopback, so tests drive the
// real `openai` client (streaming SSE included) without the internet and without a fake
// provider inside the app. Test-only: it has no auth and lets anyone switch its behaviour.
//
// Choosing a mode, most specific first:
//   1. per request: the header `x-test-mode: <mode>` on POST /v1/chat/completions, or
//      "(mode: <mode>)" anywhere in the user message (an e2e user named "Sam (mode: http-500)");
//   2. in-process: `server.setMode(mode)` (integration tests);
//   3. from another process (Playwright, which runs the app as a separate server):
//      GET /__mode?set=<mode>   GET /__mode (current mode)
//      GET /__delays?firstTokenMs=…&chunkMs=…   (any Delays key; no params resets them)
//      POST /__reply (text/plain body; empty body restores the default reply)
//      GET /__requests (captured request bodies)   GET /__reset (mode, reply, delays, requests)
//
// Standalone: `npx tsx tests/support/openai-test-server.ts --port 4010` prints the base URL.
// Point the app at it with OPENAI_BASE_URL=http://127.0.0.1:4010/v1 and any OPENAI_API_KEY.

export const openAITestModes = [
  "ok",
  "slow-first-token",
  "slow",
  "http-500",
  "http-429",
  "cut-stream",
  "malformed",
  "empty",
  "nonsense",
  "placeholder",
  "invented-names",
  "hang",
] as const;

/**
 * - ok: streams the configured reply (default: a complete thank-you note).
 * - slow-first-token: headers at once, then nothing for `delays.slowFirstTokenMs`.
 * - slow: first chunk at once, then one chunk every `delays.slowChunkMs`.
 * - http-500 / http-429: an OpenAI-style JSON error body with that status.
 * - cut-stream: half the chunks, then the socket is destroyed (no finish_reason, no [DONE]).
 * - malformed: a few chunks, then a `data:` line that is not JSON.
 * - empty: a role chunk and a "stop" chunk with no content at all.
 * - nonsense: random words, not a note.
 * - placeholder: a note with "[Name]" and "[Company]" left in.
 * - invented-names: a note naming people and a company that no request mentions.
 * - hang: reads the request, then sends nothing at all, not even a status line, until the
 *   client gives up (a provider that accepted the connection and stalled).
 */
export type OpenAITestMode = (typeof openAITestModes)[number];

export type Delays = {
  /** Before the response headers, in every mode (a model that is still loading). */
  headersMs: number;
  /** Between streamed chunks in the normal modes. */
  chunkMs: number;
  /** Before the first chunk in "slow-first-token". */
  slowFirstTokenMs: number;
  /** Between chunks in "slow". */
  slowChunkMs: number;
};

const defaultDelays: Delays = {
  headersMs: 0,
  chunkMs: 5,
  slowFirstTokenMs: 10_000,
  slowChunkMs: 400,
};

export type ChatRequestBody = {
  model?: string;
  messages?: { role: string; content: unknown }[];
  stream?: boolean;
  temperature?: number;
  [key: string]: unknown;
};

/** A fixed reply, or one computed from the request (e.g. to greet the contact it names). */
export type Reply = string | ((body: ChatRequestBody) => string);

export type OpenAITestServer = {
  /** Base URL for the `openai` client, e.g. http://127.0.0.1:38123/v1 */
  url: string;
  setMode(mode: OpenAITestMode): void;
  /** Overrides the reply streamed in "ok" mode; null restores the default note. */
  setReply(reply: Reply | null): void;
  setDelays(delays: Partial<Delays>): void;
  /** Mode, reply and delays back to their defaults; captured requests cleared. */
  reset(): void;
  /** Bodies of the chat completion requests received, parsed, in order. */
  requests: ChatRequestBody[];
  /** When each streamed response wrote its first token (epoch ms, sub-millisecond): benchmarks. */
  firstTokenSentAt: number[];
  /** Chat completion responses still open (a client that never let go would show here). */
  activeRequests(): number;
  /** Chat completion requests open right now, and the most ever open at once (since reset). */
  openCompletions(): number;
  peakOpenCompletions(): number;
  /** Stops listening and resolves once every connection has ended; it does not cut them. */
  close(): Promise<void>;
};

export const defaultReply = [
  "Thank you for letting me know about your decision, even though it was not the news I hoped for.",
  "I appreciated the time and care you gave me throughout the interviews, and the thoughtful conversations along the way.",
  "I was disappointed not to be chosen, but I enjoyed learning how the team works and meeting the people behind it.",
  "I remain very interested in working with your organization.",
  "If the situation changes or another role opens up, I would be glad to hear from you.",
  "",
  "Best regards",
].join("\n");

const nonsenseReply =
  "purple tractor quantum spoon lantern velvet orbit pickle cascade window thunder basil " +
  "marble kettle zephyr noodle carpet meteor walnut jigsaw";

const placeholderReply =
  "Dear [Name],\n\nThank you for letting me know about the decision at [Company]. " +
  "I enjoyed our conversation about [Topic] and would love to stay in touch if anything " +
  "changes or another role opens.\n\nBest regards,\n[Your Name]";

const inventedNamesReply =
  "Dear Bartholomew Quince,\n\nThank you for letting me know. I enjoyed meeting you and " +
  "Priyanka Vasquez-Oyelaran, and learning how Zentrix Dynamics Holdings builds its products. " +
  "I remain interested in Zentrix Dynamics Holdings and would be glad to hear from you if " +
  "anything changes.\n\nBest regards";

type PromptRecord = {
  channel?: string;
  recipient?: { first_name?: string; what_we_discussed?: string | null };
  company?: string;
  job_title?: string;
  sender?: { name?: string; signature?: string };
};

/**
 * The "ok" answer when a request carries a Runner-Up <record>: a note that uses only the
 * record's facts, as a well-behaved model would, so it passes the app's checks.
 */
export function noteFromRecord(body: ChatRequestBody): string | null {
  const user = [...(body.messages ?? [])].reverse().find((message) => message.role === "user");
  const match =
    typeof user?.content === "string" ? user.content.match(/<record>([\s\S]*?)<\/record>/) : null;
  if (!match) return null;
  let record: PromptRecord;
  try {
    record = JSON.parse(match[1]!) as PromptRecord;
  } catch {
    return null;
  }
  const first = record.recipient?.first_name ?? "there";
  const company = record.company ?? "your company";
  const job = record.job_title ?? "the role";
  const topic = record.recipient?.what_we_discussed;
  const senderFirst = (record.sender?.name ?? "").split(" ")[0] ?? "";
  if (record.channel === "linkedin") {
    return `Hi ${first}, thank you for your time and for letting me know about the ${job} role. I'm disappointed, but I enjoyed meeting you and learning about ${company}. I'm still very interested; if anything changes, please get in touch. ${senderFirst}`;
  }
  return [
    `Subject: Thank you, ${first}`,
    "",
    `Hi ${first},`,
    "",
    `Thank you for letting me know about the ${job} decision. I was disappointed, of course, but I appreciate you telling me.`,
    "",
    `Thank you as well for your time and consideration. I enjoyed meeting you and learning how ${company} works${topic ? `, especially our conversation about ${topic}` : ""}.`,
    "",
    `I remain very interested in working at ${company}. If anything changes or another role opens up, I would love to hear from you.`,
    "",
    "Warm regards,",
    record.sender?.signature ?? record.sender?.name ?? "",
  ].join("\n");
}

/**
 * A mode named inside the request's record: a sender called "Sam (mode: http-500)" gets that
 * mode. Lets parallel end-to-end tests, each with its own user, drive one shared server
 * without switching its global mode under each other.
 */
export function modeFromRecord(body: ChatRequestBody): OpenAITestMode | undefined {
  const user = body.messages?.find((message) => message.role === "user");
  const match =
    typeof user?.content === "string" ? user.content.match(/\(mode: ([a-z0-9-]+)\)/) : null;
  return match && isMode(match[1]) ? match[1] : undefined;
}

/** Word-sized pieces that concatenate back to exactly `text`. */
export function splitIntoChunks(text: string): string[] {
  return text.match(/\s+|\S+\s*/g) ?? [];
}

function isMode(value: unknown): value is OpenAITestMode {
  return typeof value === "string" && (openAITestModes as readonly string[]).includes(value);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

function openAIError(res: ServerResponse, status: number, message: string, type: string) {
  const code = status === 429 ? "rate_limit_exceeded" : null;
  sendJson(res, status, { error: { message, type, param: null, code } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

export async function startOpenAITestServer(
  options: { port?: number; host?: string } = {},
): Promise<OpenAITestServer> {
  const host = options.host ?? "127.0.0.1";
  let mode: OpenAITestMode = "ok";
  let reply: Reply | null = null;
  let delays: Delays = { ...defaultDelays };
  const requests: ChatRequestBody[] = [];
  const firstTokenSentAt: number[] = [];
  let active = 0;
  let openCompletions = 0;
  let peakOpenCompletions = 0;

  function replyFor(body: ChatRequestBody, requestMode: OpenAITestMode): string {
    switch (requestMode) {
      case "empty":
        return "";
      case "nonsense":
        return nonsenseReply;
      case "placeholder":
        return placeholderReply;
      case "invented-names":
        return inventedNamesReply;
      default:
        if (reply === null) return noteFromRecord(body) ?? defaultReply;
        return typeof reply === "function" ? reply(body) : reply;
    }
  }

  async function chatCompletions(
    req: IncomingMessage,
    res: ServerResponse,
    signal: AbortSignal,
  ): Promise<void> {
    let body: ChatRequestBody;
    try {
      body = JSON.parse(await readBody(req)) as ChatRequestBody;
    } catch {
      openAIError(
        res,
        400,
        "We could not parse the JSON body of your request.",
        "invalid_request_error",
      );
      return;
    }
    requests.push(body);
    const header = req.headers["x-test-mode"];
    const requestMode = isMode(header) ? header : (modeFromRecord(body) ?? mode);
    const model = typeof body.model === "string" ? body.model : "test-model";
    const text = replyFor(body, requestMode);

    if (requestMode === "hang") {
      // Hold the request open, silent, until the client closes the connection.
      await new Promise<void>((resolve) => {
        if (signal.aborted) resolve();
        else signal.addEventListener("abort", () => resolve(), { once: true });
      });
      return;
    }

    if (delays.headersMs > 0) await sleep(delays.headersMs, undefined, { signal });

    if (requestMode === "http-500") {
      openAIError(
        res,
        500,
        "The server had an error while processing your request.",
        "server_error",
      );
      return;
    }
    if (requestMode === "http-429") {
      openAIError(
        res,
        429,
        `Rate limit reached for ${model} on requests per min (RPM): Limit 3, Used 3, Requested 1.`,
        "requests",
      );
      return;
    }

    const id = `chatcmpl-${randomUUID()}`;
    const created = Math.floor(Date.now() / 1000);

    if (body.stream !== true) {
      if (requestMode === "slow-first-token") {
        await sleep(delays.slowFirstTokenMs, undefined, { signal });
      }
      if (requestMode === "cut-stream") {
        res.destroy();
        return;
      }
      sendJson(res, 200, {
        id,
        object: "chat.completion",
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: text, refusal: null },
            logprobs: null,
            finish_reason: "stop",
          },
        ],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
      });
      return;
    }

    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    res.flushHeaders();
    const send = (data: string) => res.write(`data: ${data}\n\n`);
    const chunk = (delta: Record<string, unknown>, finishReason: string | null) =>
      send(
        JSON.stringify({
          id,
          object: "chat.completion.chunk",
          created,
          model,
          system_fingerprint: null,
          choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
        }),
      );

    const pieces = splitIntoChunks(text);
    if (requestMode === "slow-first-token") {
      await sleep(delays.slowFirstTokenMs, undefined, { signal });
    }
    if (pieces.length === 0) {
      chunk({ role: "assistant", content: "" }, null);
    }
    const stopAfter =
      requestMode === "cut-stream"
        ? Math.max(1, Math.floor(pieces.length / 2))
        : requestMode === "malformed"
          ? Math.min(3, pieces.length)
          : pieces.length;
    for (let i = 0; i < stopAfter; i++) {
      if (i > 0) {
        // A little jitter (5, 10, 15 ms by default) so streaming is observable.
        const wait = requestMode === "slow" ? delays.slowChunkMs : delays.chunkMs * (1 + (i % 3));
        await sleep(wait, undefined, { signal });
      }
      // Like OpenAI, only the first chunk names the role.
      chunk(i === 0 ? { role: "assistant", content: pieces[i] } : { content: pieces[i] }, null);
      if (i === 0) firstTokenSentAt.push(performance.timeOrigin + performance.now());
    }
    if (requestMode === "cut-stream") {
      // Let the chunks reach the client before the connection drops mid-body.
      await sleep(delays.chunkMs, undefined, { signal });
      res.destroy();
      return;
    }
    if (requestMode === "malformed") {
      res.write('data: {"id":"broken","choices":[{"delta":{"content":\n\n');
      await sleep(delays.chunkMs, undefined, { signal });
      res.end();
      return;
    }
    chunk({}, "stop");
    send("[DONE]");
    res.end();
  }

  async function control(url: URL, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (url.pathname === "/__mode") {
      const next = url.searchParams.get("set");
      if (next !== null) {
        if (!isMode(next)) {
          sendJson(res, 400, { error: `Unknown mode. Modes: ${openAITestModes.join(", ")}` });
          return;
        }
        mode = next;
      }
      sendJson(res, 200, { mode });
      return;
    }
    if (url.pathname === "/__delays") {
      if (url.searchParams.size === 0) delays = { ...defaultDelays };
      for (const key of Object.keys(defaultDelays) as (keyof Delays)[]) {
        const value = url.searchParams.get(key);
        if (value !== null && Number.isFinite(Number(value)) && Number(value) >= 0) {
          delays[key] = Number(value);
        }
      }
      sendJson(res, 200, { delays });
      return;
    }
    if (url.pathname === "/__reply" && req.method === "POST") {
      const text = await readBody(req);
      reply = text === "" ? null : text;
      sendJson(res, 200, { reply: reply ?? defaultReply });
      return;
    }
    if (url.pathname === "/__requests") {
      sendJson(res, 200, { requests });
      return;
    }
    if (url.pathname === "/__reset") {
      reset();
      sendJson(res, 200, { mode });
      return;
    }
    openAIError(res, 404, `Unknown test-server path ${url.pathname}`, "invalid_request_error");
  }

  function reset() {
    mode = "ok";
    reply = null;
    delays = { ...defaultDelays };
    requests.length = 0;
    firstTokenSentAt.length = 0;
    peakOpenCompletions = openCompletions;
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://test.invalid");
    // Stops this request's timers when the client goes away, so nothing outlives it.
    const cancel = new AbortController();
    const socket = req.socket;
    active += 1;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.on("close", () => {
      active -= 1;
      inFlight.set(socket, (inFlight.get(socket) ?? 1) - 1);
      cancel.abort();
    });

    const handle = async () => {
      if (url.pathname.startsWith("/__")) return control(url, req, res);
      if (req.method === "POST" && url.pathname === "/v1/chat/completions") {
        openCompletions += 1;
        peakOpenCompletions = Math.max(peakOpenCompletions, openCompletions);
        res.on("close", () => {
          openCompletions -= 1;
        });
        return chatCompletions(req, res, cancel.signal);
      }
      if (req.method === "GET" && url.pathname === "/v1/models") {
        return sendJson(res, 200, {
          object: "list",
          data: [{ id: "test-model", object: "model", created: 0, owned_by: "test" }],
        });
      }
      openAIError(
        res,
        404,
        `Unknown request URL: ${req.method} ${url.pathname}.`,
        "invalid_request_error",
      );
    };

    handle().catch((error: unknown) => {
      if (cancel.signal.aborted) return; // the client left; nothing to answer
      console.error("openai-test-server:", error);
      if (!res.headersSent) openAIError(res, 500, "Test server failure.", "server_error");
      else res.destroy();
    });
  });
  // Keep-alive sockets idle after their request must not hold close() open.
  // Longer than any client's pool keeps a socket (undici: 4 s), so a client never reuses a socket
  // the server has just closed: that race would look like a provider outage. close() ends idle
  // sockets itself.
  server.keepAliveTimeout = 65_000;
  // Requests in flight per connection. Node's closeIdleConnections() skips connections that
  // never carried a request, and fetch's pool sometimes opens a spare one: close() ends every
  // connection without a request in flight, and waits for the rest (a leak shows as a hang).
  const inFlight = new Map<Socket, number>();
  server.on("connection", (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.on("close", () => inFlight.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/v1`,
    setMode(next) {
      mode = next;
    },
    setReply(next) {
      reply = next;
    },
    setDelays(next) {
      delays = { ...delays, ...next };
    },
    reset,
    requests,
    firstTokenSentAt,
    activeRequests: () => active,
    openCompletions: () => openCompletions,
    peakOpenCompletions: () => peakOpenCompletions,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const [socket, count] of inFlight) if (count === 0) socket.destroy();
      }),
  };
}

function portFromArgs(args: string[]): number {
  const index = args.indexOf("--port");
  const value = index >= 0 ? args[index + 1] : undefined;
  const port = value === undefined ? 4010 : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid --port ${value}`);
  }
  return port;
}

const isMain =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isMain) {
  startOpenAITestServer({ port: portFromArgs(process.argv.slice(2)) }).then(
    (server) => {
      console.info(`OpenAI test server listening: ${server.url}`);
      // A test server has nothing to flush: stop at once, even mid-stream.
      process.once("SIGINT", () => process.exit(0));
      process.once("SIGTERM", () => process.exit(0));
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import { currentUser } from "@/lib/auth/current-user";
import { getNote } from "@/lib/db/queries/notes";
import { providerOptionsFromEnv } from "@/lib/drafting/provider";
import { redraftNote } from "@/lib/drafting/service";
import { AppError, userMessageFor } from "@/lib/errors";
import { isSameOrigin } from "@/lib/http/same-origin";
import { idSchema } from "@/lib/validations/fields";
import { redraftRequestSchema } from "@/lib/validations/notes";

// Streams a fresh draft of one note as newline-delimited JSON events, so the editor can show
// the model's text as it is written:
//   {"type":"token","text":"…"}  a piece of model text
//   {"type":"reset","reason":"…"} discard what streamed so far (a retry or the fallback follows)
//   {"type":"done","note":{…},"notice":"…"} the saved note and, for a template, why
//   {"type":"error","message":"…"} nothing was changed
export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

const json = (status: number, message: string) => Response.json({ error: message }, { status });

export async function POST(request: Request, { params }: Params) {
  const user = await currentUser();
  if (!user) return json(401, userMessageFor("unauthenticated"));
  if (!isSameOrigin(request)) return json(403, "Cross-site requests are not allowed.");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) return json(404, "That note was not found.");
  const body = redraftRequestSchema.safeParse(await request.json().catch(() => ({})));
  if (!body.success) return json(400, 'Send {"mode": "model"} or {"mode": "template"}.');
  if (!(await getNote(user.id, id.data))) return json(404, "That note was not found.");

  const provider = providerOptionsFromEnv();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: Record<string, unknown>) => {
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        } catch {
          // The browser went away; the draft still completes and is saved.
        }
      };
      try {
        const outcome = await redraftNote(
          user.id,
          id.data,
          provider ? { ...provider, signal: request.signal } : null,
          {
            onToken: (text) => send({ type: "token", text }),
            onReset: (reason) => send({ type: "reset", reason }),
          },
          { useModel: body.data.mode === "model" },
        );
        const { note, result } = outcome;
        send({
          type: "done",
          note: {
            id: note.id,
            subject: note.subject,
            body: note.body,
            source: note.source,
            sourceKind: note.sourceKind,
            updatedAt: note.updatedAt.toISOString(),
          },
          passes: result.check.passes,
          notice: outcome.notice,
        });
      } catch (error) {
        if (!(error instanceof AppError)) console.error("Drafting failed:", error);
        const message = error instanceof AppError ? error.message : userMessageFor("internal");
        send({ type: "error", message });
      } finally {
        try {
          controller.close();
        } catch {}
      }
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "application/x-ndjson; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}

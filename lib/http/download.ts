// File downloads from route handlers: a streamed body and a Content-Disposition that keeps
// non-ASCII file names (RFC 6266: an ASCII `filename` for old clients, `filename*` in UTF-8).

/** `attachment; filename="…"; filename*=UTF-8''…` for any file name. */
export function contentDisposition(fileName: string): string {
  const ascii =
    fileName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^\x20-\x7e]/g, "_")
      .replace(/["\\]/g, "_")
      .trim() || "download";
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A byte stream that asks `chunks` for the next piece only when the reader wants more (pull):
 * a slow download waits instead of buffering the whole export in memory, and the first chunk
 * leaves as soon as it is ready. A reader that goes away stops the source (its `finally`
 * blocks run). A failure after the headers were sent aborts the download rather than
 * delivering a silently truncated file.
 */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next();
          if (next.done) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        } catch (error) {
          console.error("Download failed while streaming:", error);
          controller.error(error);
        }
      },
      async cancel() {
        await iterator.return?.();
      },
    },
    // One chunk (a page of records) read ahead at most.
    { highWaterMark: 1 },
  );
}

export function downloadResponse(
  chunks: AsyncIterable<string>,
  { fileName, contentType }: { fileName: string; contentType: string },
): Response {
  return new Response(streamOf(chunks), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition(fileName),
      // Personal data: never kept by a shared cache.
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      // Proxies such as nginx would otherwise buffer the whole file before sending any of it.
      "X-Accel-Buffering": "no",
    },
  });
}

import { describe, expect, it } from "vitest";
import { contentDisposition, downloadResponse, streamOf } from "./download";

describe("contentDisposition", () => {
  it("gives an ASCII name and the UTF-8 name", () => {
    expect(contentDisposition("runner-up-contacts-2026-11-26.csv")).toBe(
      `attachment; filename="runner-up-contacts-2026-11-26.csv"; filename*=UTF-8''runner-up-contacts-2026-11-26.csv`,
    );
    expect(contentDisposition("Zoë Martín.vcf")).toBe(
      `attachment; filename="Zoe Martin.vcf"; filename*=UTF-8''Zo%C3%AB%20Mart%C3%ADn.vcf`,
    );
  });

  it("keeps quotes, backslashes and line breaks out of the header", () => {
    const header = contentDisposition('a"b\\c\r\nd(1)*.vcf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toContain('filename="a_b_c__d(1)*.vcf"');
    expect(header).toContain("filename*=UTF-8''a%22b%5Cc%0D%0Ad%281%29%2A.vcf");
    expect(contentDisposition("李.vcf")).toContain('filename="_.vcf"');
  });
});

describe("streamOf", () => {
  it("pulls one chunk at a time, only when the reader asks", async () => {
    const produced: number[] = [];
    async function* source() {
      for (let i = 0; i < 5; i += 1) {
        produced.push(i);
        yield `chunk ${i};`;
      }
    }
    const reader = streamOf(source()).getReader();
    // Let the stream fill its queue: it reads ahead by one chunk and then waits.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(produced).toEqual([0]);
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("chunk 0;");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(produced).toEqual([0, 1]);
    let rest = "";
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      rest += new TextDecoder().decode(next.value);
    }
    expect(rest).toBe("chunk 1;chunk 2;chunk 3;chunk 4;");
  });

  it("stops the source when the reader cancels", async () => {
    let finished = false;
    async function* source() {
      try {
        for (let i = 0; ; i += 1) yield `${i}`;
      } finally {
        finished = true;
      }
    }
    const reader = streamOf(source()).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("errors the stream when the source fails", async () => {
    async function* source() {
      yield "ok";
      throw new Error("database went away");
    }
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const response = downloadResponse(source(), { fileName: "x.csv", contentType: "text/csv" });
      await expect(response.text()).rejects.toThrow(/database went away/);
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
  });
});

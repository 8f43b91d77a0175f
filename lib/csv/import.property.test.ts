import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IMPORT_FIELDS } from "./guess-mapping";
import {
  type ExistingContact,
  FIELD_LIMITS,
  type ImportRow,
  parseImportFile,
  parseImportText,
  planRows,
  resolveChoices,
  validateRows,
} from "./import";

// Random and hostile files through the importer's parse and validate steps: whatever comes in,
// the answer is a parse or a clear message, never an exception.

const hostilePiece = fc.oneof(
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom(
    '"',
    '""',
    ",",
    ";",
    "\t",
    "\r",
    "\n",
    "\r\n",
    "\u0000",
    "\u0007",
    "\u001b[31m",
    "\uFEFF",
    "\u202E",
    "'",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","x")',
    "+SUM(1,2)",
    "-2+3",
    "@import",
    "Notes:",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On",
    "bob@",
    "Dana Reyes",
    "dana@example.com",
    "26 Nov 2026",
    "🦉",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  ),
);
const hostileText = fc.array(hostilePiece, { maxLength: 80 }).map((pieces) => pieces.join(""));

function expectOutcome(result: ReturnType<typeof parseImportText>) {
  if (!result.ok) {
    expect(result.error.length).toBeGreaterThan(10);
    return;
  }
  const { columns, rows } = result.file;
  expect(columns.length).toBeGreaterThan(0);
  expect(columns.length).toBeLessThanOrEqual(200);
  expect(rows.length).toBeGreaterThan(0);
  let previous = 0;
  for (const row of rows) {
    expect(row.line).toBeGreaterThan(previous);
    previous = row.line;
    for (const cell of row.cells) expect(cell).not.toContain("\u0000");
  }
  return result.file;
}

const mappingFor = (count: number) =>
  fc.array(fc.constantFrom(...IMPORT_FIELDS), { minLength: count, maxLength: count });

function expectValidated(rows: ImportRow[], columnCount: number, mapping: string[]) {
  const { valid, bad } = validateRows(rows, columnCount, mapping as never);
  expect(valid.length + bad.length).toBe(rows.length);
  for (const { contact } of valid) {
    expect(contact.fullName.trim()).not.toBe("");
    expect(contact.fullName.length).toBeLessThanOrEqual(FIELD_LIMITS.fullName);
    if (contact.email) expect(contact.email).toMatch(/^[^\s@]+@[^\s@]+$/);
    if (contact.connectedOn) expect(contact.connectedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    if (contact.linkedinUrl) expect(contact.linkedinUrl).toMatch(/^https?:\/\//);
    expect(contact.tags.length).toBeLessThanOrEqual(FIELD_LIMITS.tags);
    for (const value of [contact.fullName, contact.title, contact.company, contact.notes]) {
      if (value) expect(value).not.toContain("\u0000");
    }
  }
  for (const row of bad) expect(row.reason.length).toBeGreaterThan(0);
  return valid;
}

describe("the importer with random and hostile input", () => {
  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expectOutcome(parseImportFile(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on hostile text, and validates whatever parses", () => {
    fc.assert(
      fc.property(hostileText, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (text, seed) => {
        const file = expectOutcome(parseImportText(text));
        if (!file) return;
        const mapping = fc.sample(mappingFor(file.columns.length), { numRuns: 1, seed })[0]!;
        const valid = expectValidated(file.rows, file.columns.length, mapping);
        const planned = planRows(valid, []);
        const write = resolveChoices(planned, new Map(), seed % 2 ? "merge" : "skip");
        expect(write.counts.created + write.counts.merged + write.counts.skipped).toBe(
          valid.length,
        );
      }),
      { numRuns: 400 },
    );
  });

  it("answers unbalanced quotes, huge fields and thousands of columns with a message", () => {
    const shapes = fc.oneof(
      fc
        .integer({ min: 1, max: 3000 })
        .map((count) =>
          [Array.from({ length: count }, (_, i) => `c${i}`).join(","), "x"].join("\n"),
        ),
      fc
        .integer({ min: 0, max: 1_200_000 })
        .map((size) => `Name,Notes\nDana,"${"n".repeat(size)}"\n`),
      fc.integer({ min: 1, max: 5 }).map((count) => `Name\n${'"'.repeat(count)}Dana\nRob\n`),
      fc.integer({ min: 1, max: 3000 }).map((count) => `Name\nDana${",".repeat(count)}x\n`),
      fc.constant(`Name\n${"\n".repeat(50_000)}`),
      fc.constant(`Notes:\n${"\n".repeat(1000)}`),
    );
    fc.assert(
      fc.property(shapes, (text) => {
        const file = expectOutcome(parseImportText(text));
        if (file) expectValidated(file.rows, file.columns.length, ["fullName", "notes"]);
      }),
      { numRuns: 40 },
    );
  });

  it("plans duplicates without throwing, whatever the existing contacts hold", () => {
    const existing = fc.array(
      fc.record({
        id: fc.uuid(),
        fullName: fc.string({ minLength: 1, maxLength: 5 }),
        email: fc.option(fc.constantFrom("a@x.io", "B@X.IO", " c@x.io "), { nil: null }),
        linkedinUrl: fc.option(
          fc.constantFrom("https://linkedin.com/in/a", "linkedin.com/in/A/", "%E0%A4%A", "::"),
          { nil: null },
        ),
        companyId: fc.constant(null),
        companyName: fc.option(fc.constantFrom("Acme", "acme ", ""), { nil: null }),
        title: fc.constant(null),
        phone: fc.constant(null),
        notes: fc.constant(null),
        tags: fc.constant([] as string[]),
        connectedOn: fc.constant(null),
        isSample: fc.boolean(),
      }) satisfies fc.Arbitrary<ExistingContact>,
      { maxLength: 8 },
    );
    const csv = fc
      .array(
        fc.tuple(
          fc.constantFrom("A", "a", "Dana", ""),
          fc.constantFrom("a@x.io", "b@x.io", "bad@", ""),
          fc.constantFrom("https://www.linkedin.com/in/a", "%E0%A4%A", ""),
          fc.constantFrom("Acme", "ACME", ""),
        ),
        { minLength: 1, maxLength: 30 },
      )
      .map(
        (rows) =>
          `Name,Email,LinkedIn,Company\n${rows.map((cells) => cells.map((cell) => `"${cell}"`).join(",")).join("\n")}`,
      );
    fc.assert(
      fc.property(
        csv,
        existing,
        fc.array(fc.boolean(), { maxLength: 30 }),
        (text, known, picks) => {
          const file = expectOutcome(parseImportText(text));
          if (!file) return;
          const valid = expectValidated(file.rows, 4, [
            "fullName",
            "email",
            "linkedinUrl",
            "company",
          ]);
          const planned = planRows(valid, known);
          expect(planned).toHaveLength(valid.length);
          const choices = new Map(
            planned.map((row, index) => [row.line, picks[index] ? "merge" : "skip"] as const),
          );
          const write = resolveChoices(planned, choices);
          const duplicates = planned.filter((row) => row.kind === "duplicate").length;
          expect(write.counts.created).toBe(valid.length - duplicates);
          expect(write.counts.merged + write.counts.skipped).toBe(duplicates);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("reading what a spreadsheet wrote", () => {
  const cellText = fc
    .array(
      fc.oneof(
        fc.string({ unit: "grapheme", maxLength: 8 }),
        fc.constantFrom('"', ",", ";", "\t", "\r", "\n", "\r\n", " ", "🦉", "é", "Zoë", "'"),
      ),
      { maxLength: 6 },
    )
    .map((parts) => parts.join("").replaceAll("\u0000", ""));

  it("gives back every cell and the line each row starts on", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((width) =>
          fc.record({
            width: fc.constant(width),
            rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: width }), {
              minLength: 1,
              maxLength: 12,
            }),
            delimiter: fc.constantFrom(",", ";", "\t"),
            eol: fc.constantFrom("\n", "\r\n"),
            bom: fc.boolean(),
            finalEol: fc.boolean(),
          }),
        ),
        ({ width, rows, delimiter, eol, bom, finalEol }) => {
          const kept = rows.filter((cells) => cells.some((cell) => cell.trim() !== ""));
          fc.pre(kept.length > 0);
          const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
          const header = Array.from({ length: width }, (_, i) => `c${i}`);
          const records = [header, ...kept].map((cells) => cells.map(quote).join(delimiter));
          const text = (bom ? "\uFEFF" : "") + records.join(eol) + (finalEol ? eol : "");

          const result = parseImportText(text);
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(result.file.columns).toEqual(header);
          const expected = kept.map((cells, index) => {
            const before = records.slice(0, index + 1).join(eol) + eol;
            const trimmed = [...cells];
            while (trimmed.length > 0 && trimmed.at(-1) === "") trimmed.pop();
            return { line: before.split(/\r\n|\r|\n/).length, cells: trimmed };
          });
          expect(result.file.rows).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildVCard, escapeText, foldLine, type VCardContact, vcards } from "./vcard";

const contact = (values: Partial<VCardContact> = {}): VCardContact => ({
  id: "00000000-0000-4000-8000-000000000001",
  fullName: "Dana Reyes",
  title: "Engineering Manager",
  companyName: "Northwind",
  email: "dana@northwind.test",
  phone: "+1 555 0100",
  linkedinUrl: "https://www.linkedin.com/in/dana-reyes",
  notes: null,
  tags: ["warm", "manager"],
  ...values,
});

const octets = (text: string) => Buffer.byteLength(text, "utf8");
/** Undo folding: a CRLF followed by one space disappears (RFC 6350 §3.2). */
const unfold = (text: string) => text.replace(/\r\n /g, "");

describe("escapeText", () => {
  it("escapes backslash, comma, semicolon and every kind of line break", () => {
    expect(escapeText("a\\b")).toBe("a\\\\b");
    expect(escapeText("Smith, Jones; Partners")).toBe("Smith\\, Jones\\; Partners");
    expect(escapeText("one\r\ntwo\nthree\rfour")).toBe("one\\ntwo\\nthree\\nfour");
    expect(escapeText("C:\\new")).toBe("C:\\\\new");
  });

  it("drops control characters but keeps tabs and non-ASCII text", () => {
    expect(escapeText("a\u0000b\u0007c\td")).toBe("abc\td");
    expect(escapeText("Zoë 李")).toBe("Zoë 李");
  });
});

describe("foldLine", () => {
  it("leaves a line of 75 octets alone and folds the 76th onto a continuation line", () => {
    const exact = "x".repeat(75);
    expect(foldLine(exact)).toBe(exact);
    expect(foldLine(`${exact}y`)).toBe(`${exact}\r\n y`);
  });

  it("keeps every physical line within 75 octets, counting the leading space", () => {
    const folded = foldLine(`NOTE:${"a".repeat(300)}`);
    const lines = folded.split("\r\n");
    expect(lines.length).toBe(5);
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    for (const line of lines.slice(1)) expect(line.startsWith(" ")).toBe(true);
    expect(unfold(folded)).toBe(`NOTE:${"a".repeat(300)}`);
  });

  it("never splits a multi-octet character", () => {
    // "é" is 2 octets, "李" 3, "😀" 4 (a surrogate pair in JavaScript).
    for (const character of ["é", "李", "😀"]) {
      const line = `FN:${character.repeat(60)}`;
      const folded = foldLine(line);
      for (const physical of folded.split("\r\n")) {
        expect(octets(physical)).toBeLessThanOrEqual(75);
        expect(physical).not.toContain("\uFFFD");
        // Each physical line is valid UTF-8 on its own: re-encoding changes nothing.
        expect(Buffer.from(physical, "utf8").toString("utf8")).toBe(physical);
      }
      expect(unfold(folded)).toBe(line);
    }
  });

  it("folds any text so that unfolding gives it back", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const line = `NOTE:${escapeText(text)}`;
        const folded = foldLine(line);
        expect(unfold(folded)).toBe(line);
        for (const physical of folded.split("\r\n")) {
          expect(octets(physical)).toBeLessThanOrEqual(75);
        }
      }),
    );
  });
});

describe("buildVCard", () => {
  it("writes a vCard 4.0 with CRLF line ends", () => {
    expect(buildVCard(contact({ notes: "Met at the panel;\nliked the design system" }))).toBe(
      [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "PRODID:-//Runner-Up//Contacts export//EN",
        "UID:urn:uuid:00000000-0000-4000-8000-000000000001",
        "FN:Dana Reyes",
        "N:Reyes;Dana;;;",
        "ORG:Northwind",
        "TITLE:Engineering Manager",
        "EMAIL:dana@northwind.test",
        "TEL;VALUE=text:+1 555 0100",
        "URL:https://www.linkedin.com/in/dana-reyes",
        "NOTE:Met at the panel\\;\\nliked the design system",
        "CATEGORIES:warm,manager",
        "END:VCARD",
        "",
      ].join("\r\n"),
    );
  });

  it("gives a one-word name as the given name, with an empty family name", () => {
    const card = buildVCard(contact({ fullName: "Cher" }));
    expect(card).toContain("\r\nFN:Cher\r\n");
    expect(card).toContain("\r\nN:;Cher;;;\r\n");
  });

  it("keeps particles and suffixes in their N components", () => {
    expect(buildVCard(contact({ fullName: "Anna van der Berg" }))).toContain(
      "\r\nN:van der Berg;Anna;;;\r\n",
    );
    expect(buildVCard(contact({ fullName: "Martin Luther King Jr." }))).toContain(
      "\r\nN:King;Martin Luther;;;Jr.\r\n",
    );
    expect(buildVCard(contact({ fullName: "Dr. Dana Reyes" }))).toContain(
      "\r\nN:Reyes;Dana;;Dr.;\r\n",
    );
  });

  it("escapes structured and multi-value properties", () => {
    const card = buildVCard(
      contact({ fullName: "Reyes, Dana", companyName: "Smith; Sons, Ltd.", tags: ["a,b", "c;d"] }),
    );
    expect(card).toContain("\r\nFN:Reyes\\, Dana\r\n");
    expect(card).toContain("\r\nORG:Smith\\; Sons\\, Ltd.\r\n");
    expect(card).toContain("\r\nCATEGORIES:a\\,b,c\\;d\r\n");
  });

  it("leaves out the properties a contact does not have", () => {
    const card = buildVCard(
      contact({
        title: null,
        companyName: null,
        email: null,
        phone: null,
        linkedinUrl: null,
        tags: [],
      }),
    );
    expect(card).not.toMatch(/ORG|TITLE|EMAIL|TEL|URL:|NOTE|CATEGORIES/);
  });

  it("folds a long accented note within 75 octets per line", () => {
    const card = buildVCard(contact({ notes: "Réunion très agréable à São Paulo. ".repeat(10) }));
    for (const line of card.split("\r\n")) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(card)).toContain(`NOTE:${"Réunion très agréable à São Paulo. ".repeat(10)}`);
  });
});

describe("vcards", () => {
  it("concatenates cards, one chunk per non-empty page", async () => {
    async function* pages() {
      yield [contact(), contact({ fullName: "Sam Ortiz" })];
      yield [];
      yield [contact({ fullName: "Cher" })];
    }
    const chunks: string[] = [];
    for await (const chunk of vcards(pages())) chunks.push(chunk);
    expect(chunks).toHaveLength(2);
    expect(chunks.join("").match(/BEGIN:VCARD\r\n/g)).toHaveLength(3);
    expect(chunks.join("").match(/END:VCARD\r\n/g)).toHaveLength(3);
  });
});

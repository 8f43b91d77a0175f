import { splitFullName } from "@/lib/csv/names";

// vCard 4.0 (RFC 6350) for address books: Apple Contacts, Google Contacts, Outlook, phones.
// Pure: one card from one contact; lib/db/queries/contact-export.ts supplies the contacts.

export type VCardContact = {
  id: string;
  fullName: string;
  title: string | null;
  companyName: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
  tags: string[];
};

const CRLF = "\r\n";
/** RFC 6350 §3.2: content lines longer than 75 octets SHOULD be folded. */
const MAX_LINE_OCTETS = 75;

// Control characters are not allowed in a property value (VALUE-CHAR excludes them); tab
// counts as white space and is allowed. Line breaks are handled by the escaping.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * A TEXT value (or one component of a structured value such as N or ORG): backslash, comma,
 * semicolon and line breaks escaped (§3.4), control characters dropped.
 */
export function escapeText(value: string): string {
  return value
    .replace(CONTROL_CHARACTERS, "")
    .replace(/[\\,;]/g, (character) => `\\${character}`)
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A URI value is not escaped, but it must stay on one logical line. */
function cleanUri(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "").replace(/[\r\n]/g, "");
}

const encoder = new TextEncoder();
const scratch = new Uint8Array(MAX_LINE_OCTETS);

/** Whether `text` is at most 75 octets in UTF-8, found without encoding all of it. */
function fitsOnOneLine(text: string): boolean {
  // encodeInto stops where the buffer is full: the text fits when all of it was read.
  return encoder.encodeInto(text, scratch).read === text.length;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line: at most 75 octets per physical line, continuation lines starting
 * with a space (which counts toward their 75). Multi-octet UTF-8 characters stay whole (§3.2).
 */
export function foldLine(line: string): string {
  // Most lines are short: measure them natively before walking characters.
  if (line.length <= MAX_LINE_OCTETS / 4 || fitsOnOneLine(line)) return line;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** One vCard, every line folded and ended with CRLF. */
export function buildVCard(contact: VCardContact): string {
  const { prefix, given, family, suffix } = splitFullName(contact.fullName);
  const lines = [
    "BEGIN:VCARD",
    "VERSION:4.0",
    "PRODID:-//Runner-Up//Contacts export//EN",
    `UID:urn:uuid:${contact.id}`,
    `FN:${escapeText(contact.fullName.trim())}`,
    `N:${[family, given, "", prefix, suffix].map(escapeText).join(";")}`,
  ];
  if (contact.companyName) lines.push(`ORG:${escapeText(contact.companyName)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=text:${escapeText(contact.phone)}`);
  if (contact.linkedinUrl) lines.push(`URL:${cleanUri(contact.linkedinUrl)}`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  if (contact.tags.length > 0) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(",")}`);
  lines.push("END:VCARD");
  return lines.map((line) => foldLine(line) + CRLF).join("");
}

/** Several contacts as one .vcf file, one chunk per page. */
export async function* vcards(
  pages: AsyncIterable<readonly VCardContact[]>,
): AsyncGenerator<string> {
  for await (const page of pages) {
    if (page.length > 0) yield page.map(buildVCard).join("");
  }
}

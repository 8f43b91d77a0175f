// A small RFC 5545 writer for the private follow-up feed: one VCALENDAR of all-day VEVENTs.
// Pure functions, no I/O, so the escaping and folding rules are unit-tested on their own.

export type CalendarEvent = {
  /** Globally unique and stable across fetches, so clients update an event instead of duplicating it. */
  uid: string;
  /** The all-day date, "YYYY-MM-DD". */
  date: string;
  summary: string;
  description?: string | null;
  /** An absolute http(s) URL (a URI value: never TEXT-escaped). */
  url?: string | null;
};

export type CalendarInput = {
  name: string;
  /** When this feed was generated: the DTSTAMP of every event. */
  now: Date;
  events: readonly CalendarEvent[];
  prodId?: string;
  /** How often subscribers should refetch, as an RFC 5545 duration. */
  refreshInterval?: string;
};

const CRLF = "\r\n";
/** RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Control characters are not allowed in TEXT (RFC 5545 3.3.11), except HTAB; newlines are escaped first. */
function stripControlCharacters(value: string): string {
  let out = "";
  for (const char of value) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 0x20 && code !== 0x09) || code === 0x7f) continue;
    out += char;
  }
  return out;
}

/** Escapes a TEXT value: backslash, semicolon and comma get a backslash; any newline becomes \n. */
export function escapeText(value: string): string {
  const escaped = value.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, "\\n");
  return stripControlCharacters(escaped);
}

function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/**
 * Folds one content line into physical lines of at most 75 octets, each continuation starting
 * with a single space (which counts towards its 75). Splits only between code points, so a
 * multibyte UTF-8 character (or a surrogate pair) is never cut in half.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let size = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const octets = utf8Length(char);
    if (size + octets > limit) {
      parts.push(current);
      current = "";
      size = 0;
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    size += octets;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** "2026-04-01" → "20260401" (a DATE value). */
export function formatDate(isoDate: string): string {
  const match = DATE_PATTERN.exec(isoDate);
  if (!match) throw new Error(`Not a calendar date: ${isoDate}`);
  return `${match[1]}${match[2]}${match[3]}`;
}

/** The day after an ISO date, as an ISO date (month and year boundaries, leap days). */
export function nextDay(isoDate: string): string {
  const match = DATE_PATTERN.exec(isoDate);
  if (!match) throw new Error(`Not a calendar date: ${isoDate}`);
  const next = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return next.toISOString().slice(0, 10);
}

/** A UTC DATE-TIME value: "20260401T093000Z". */
export function formatDateTime(moment: Date): string {
  return `${moment.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
}

function line(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

function eventLines(event: CalendarEvent, stamp: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    line("UID", escapeText(event.uid)),
    line("DTSTAMP", stamp),
    line("DTSTART;VALUE=DATE", formatDate(event.date)),
    // DTEND is exclusive: an all-day event on one date ends at the start of the next.
    line("DTEND;VALUE=DATE", formatDate(nextDay(event.date))),
    line("SUMMARY", escapeText(event.summary)),
  ];
  if (event.description) lines.push(line("DESCRIPTION", escapeText(event.description)));
  if (event.url) lines.push(line("URL", stripControlCharacters(event.url)));
  // A reminder to write to someone should not mark the whole day as busy.
  lines.push("TRANSP:TRANSPARENT", "END:VEVENT");
  return lines;
}

/** The whole feed: CRLF line endings, folded lines, ending with a CRLF. */
export function buildCalendar(input: CalendarInput): string {
  const stamp = formatDateTime(input.now);
  const refresh = input.refreshInterval ?? "PT1H";
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    line("PRODID", input.prodId ?? "-//Runner-Up//Follow-ups//EN"),
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    line("X-WR-CALNAME", escapeText(input.name)),
    // RFC 7986 and its older Apple/Outlook spelling: hints for how often to refetch.
    line("REFRESH-INTERVAL;VALUE=DURATION", refresh),
    line("X-PUBLISHED-TTL", refresh),
    ...input.events.flatMap((event) => eventLines(event, stamp)),
    "END:VCALENDAR",
  ];
  return `${lines.join(CRLF)}${CRLF}`;
}

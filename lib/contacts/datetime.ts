// <input type="datetime-local"> sends a wall-clock time with no zone ("2026-03-05T14:30").
// The browser adds its own UTC offset in a hidden field (minutes, as Date#getTimezoneOffset
// gives it: UTC minus local), so the moment stored is the one the user meant. Without the
// offset (no JavaScript) the time is read as UTC.

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The moment for a datetime-local value, or undefined when it is not a real date and time. */
export function parseLocalDateTime(value: string, offsetMinutes: number | null = null) {
  const match = localPattern.exec(value.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => (part === undefined ? 0 : Number(part))) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  // Date.UTC rolls 31 February over into March; a real date round-trips unchanged.
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return new Date(wallClock + (offsetMinutes ?? 0) * 60_000);
}

const pad = (value: number) => String(value).padStart(2, "0");

/**
 * A moment as a datetime-local value at the given offset (minutes, UTC minus local). Without
 * an offset it uses this machine's zone: on the server that is the server's, in the browser
 * the user's.
 */
export function toLocalInputValue(moment: Date, offsetMinutes?: number): string {
  const offset = offsetMinutes ?? moment.getTimezoneOffset();
  const shifted = new Date(moment.getTime() - offset * 60_000);
  return `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
}

/** The browser's offset for a datetime-local value (DST may differ from today's), as a string. */
export function offsetForLocalValue(value: string): string {
  const parsed = parseLocalDateTime(value);
  if (!parsed) return "";
  // Reading the wall-clock parts as local time gives that date's own offset.
  const local = new Date(
    parsed.getUTCFullYear(),
    parsed.getUTCMonth(),
    parsed.getUTCDate(),
    parsed.getUTCHours(),
    parsed.getUTCMinutes(),
  );
  return String(local.getTimezoneOffset());
}

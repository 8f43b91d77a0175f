// The timeline pages by position, not offset: "?before=<moment>_<id>" shows the interactions
// strictly older than that one (the id breaks ties between interactions at the same moment).

export type TimelineCursor = { occurredAt: Date; id: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeTimelineCursor(cursor: TimelineCursor): string {
  return `${cursor.occurredAt.toISOString()}_${cursor.id}`;
}

/** The cursor in a query parameter, or undefined when it is missing or malformed. */
export function decodeTimelineCursor(value: string | undefined): TimelineCursor | undefined {
  if (!value) return undefined;
  const separator = value.lastIndexOf("_");
  if (separator < 0) return undefined;
  const occurredAt = new Date(value.slice(0, separator));
  const id = value.slice(separator + 1);
  if (Number.isNaN(occurredAt.getTime()) || !uuidPattern.test(id)) return undefined;
  return { occurredAt, id: id.toLowerCase() };
}

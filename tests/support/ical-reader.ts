// A deliberately strict, tiny iCalendar reader for tests: it refuses what a lenient client
// would tolerate (bare LF, overlong lines, unbalanced BEGIN/END, unknown escapes), so a feed
// that reads back here is well-formed, and the values it reads back are what went in.

export type ICalProperty = { name: string; params: Record<string, string>; value: string };
export type ICalComponent = {
  name: string;
  properties: ICalProperty[];
  components: ICalComponent[];
};

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Physical lines: CRLF-terminated, each at most 75 octets and valid on its own as UTF-8. */
export function physicalLines(text: string): string[] {
  if (!text.endsWith("\r\n")) throw new Error("the stream must end with CRLF");
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) {
    if (/[\r\n]/.test(line)) throw new Error(`bare CR or LF in ${JSON.stringify(line)}`);
    if (encoder.encode(line).length > 75) throw new Error(`line over 75 octets: ${line}`);
    if (LONE_SURROGATE.test(line)) throw new Error(`a character was split: ${line}`);
  }
  return lines;
}

/** Content lines: a line starting with a space or tab continues the previous one. */
export function unfold(text: string): string[] {
  const logical: string[] = [];
  for (const line of physicalLines(text)) {
    if (line.startsWith(" ") || line.startsWith("\t")) {
      if (logical.length === 0) throw new Error("continuation before any content line");
      logical[logical.length - 1] += line.slice(1);
    } else {
      logical.push(line);
    }
  }
  return logical;
}

/** TEXT value → string; throws on an escape RFC 5545 does not define. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\s\S]?)|[;,]/g, (match, escaped: string | undefined) => {
    if (escaped === undefined) throw new Error(`unescaped ${match} in TEXT ${value}`);
    if (escaped === "") throw new Error(`dangling backslash in TEXT ${value}`);
    if (escaped === "n" || escaped === "N") return "\n";
    if (escaped === "\\" || escaped === ";" || escaped === ",") return escaped;
    throw new Error(`unknown escape \\${escaped}`);
  });
}

export function parseContentLine(line: string): ICalProperty {
  let index = 0;
  let inQuotes = false;
  for (; index < line.length; index++) {
    const char = line[index];
    if (char === '"') inQuotes = !inQuotes;
    else if (char === ":" && !inQuotes) break;
  }
  if (index === line.length) throw new Error(`no value in ${line}`);
  const [name, ...rawParams] = line.slice(0, index).split(";");
  if (!name || !/^[A-Za-z0-9-]+$/.test(name)) throw new Error(`bad property name in ${line}`);
  const params: Record<string, string> = {};
  for (const param of rawParams) {
    const [key, value] = param.split("=");
    if (!key || value === undefined) throw new Error(`bad parameter in ${line}`);
    params[key.toUpperCase()] = value;
  }
  return { name: name.toUpperCase(), params, value: line.slice(index + 1) };
}

/** The whole stream → its single top-level component (VCALENDAR), with nested components. */
export function parseICalendar(text: string): ICalComponent {
  const stack: ICalComponent[] = [];
  let root: ICalComponent | undefined;
  for (const line of unfold(text)) {
    const property = parseContentLine(line);
    if (property.name === "BEGIN") {
      const component = { name: property.value, properties: [], components: [] };
      if (stack.length > 0) stack[stack.length - 1]!.components.push(component);
      else if (root) throw new Error("more than one top-level component");
      else root = component;
      stack.push(component);
    } else if (property.name === "END") {
      const open = stack.pop();
      if (!open || open.name !== property.value)
        throw new Error(`unbalanced END:${property.value}`);
    } else {
      const open = stack[stack.length - 1];
      if (!open) throw new Error(`property outside a component: ${line}`);
      open.properties.push(property);
    }
  }
  if (!root || stack.length > 0) throw new Error("unterminated component");
  return root;
}

export function property(component: ICalComponent, name: string): ICalProperty | undefined {
  return component.properties.find((candidate) => candidate.name === name);
}

/** A TEXT property's value, unescaped. */
export function text(component: ICalComponent, name: string): string | undefined {
  const found = property(component, name);
  return found ? unescapeText(found.value) : undefined;
}

export function events(calendar: ICalComponent): ICalComponent[] {
  return calendar.components.filter((component) => component.name === "VEVENT");
}

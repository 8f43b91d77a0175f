// Submits the app's forms over HTTP as a browser without JavaScript would: GET the page, take
// the <form> the server rendered (its hidden $ACTION_… inputs name the server action and its
// bound state), add the fields, and POST it as multipart/form-data with a same-origin Origin
// header (Next refuses server actions from another origin). The answer is a 303 to where the
// action redirected, or the page re-rendered with the action's result state.

export type ParsedForm = {
  /** Hidden inputs in document order, values decoded. */
  hidden: [string, string][];
  /** Names of every input, select and textarea in the form (hidden ones included). */
  fieldNames: Set<string>;
  html: string;
};

export type PageAnswer = {
  status: number;
  html: string;
  /** Set when the body was cut off after the status line (an aborted stream). */
  bodyError?: string;
  ms: number;
  location: URL | null;
};

export type FormAnswer = {
  status: number;
  /** Location of a redirect, resolved against the app's origin. */
  location: URL | null;
  html: string;
  /** The text of the form's role="alert" box, if the action reported a failure there. */
  alert: string | null;
  ms: number;
};

const entities: Record<string, string> = {
  "&quot;": '"',
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&#x27;": "'",
  "&#39;": "'",
};

export function decodeHtml(text: string): string {
  return text.replace(/&(?:quot|amp|lt|gt|#x27|#39);/g, (entity) => entities[entity] ?? entity);
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/\s([a-zA-Z_:$][\w:.$-]*)(?:="([^"]*)")?/g)) {
    found[match[1]!] = decodeHtml(match[2] ?? "");
  }
  return found;
}

/** Every <form> on the page (React never nests them). */
export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const match of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    const formHtml = match[0];
    const hidden: [string, string][] = [];
    const fieldNames = new Set<string>();
    for (const field of formHtml.matchAll(/<(input|select|textarea)\b[^>]*>/g)) {
      const attrs = attributes(field[0]);
      if (!attrs.name) continue;
      fieldNames.add(attrs.name);
      if (field[1] === "input" && attrs.type === "hidden")
        hidden.push([attrs.name, attrs.value ?? ""]);
    }
    forms.push({ hidden, fieldNames, html: formHtml });
  }
  return forms;
}

/** The text inside the first role="alert" element of some HTML, tags stripped. */
export function alertText(html: string): string | null {
  const match = html.match(/<div[^>]*role="alert"[^>]*>([\s\S]*?)<\/div>/);
  return match ? decodeHtml(match[1]!.replace(/<[^>]*>/g, "")).trim() : null;
}

export type FormClientOptions = {
  base: string;
  /** Cookie header to send (a session), or none for signed-out forms. */
  cookie?: string;
  /** Abort a request that takes longer than this (a hang shows as a failure, not a stuck test). */
  timeoutMs?: number;
};

export class FormClient {
  constructor(private readonly options: FormClientOptions) {}

  get base(): string {
    return this.options.base;
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return { ...(this.options.cookie ? { cookie: this.options.cookie } : {}), ...extra };
  }

  private signal(): AbortSignal {
    return AbortSignal.timeout(this.options.timeoutMs ?? 30_000);
  }

  /** A page as the browser gets it (no redirects followed). */
  async get(path: string): Promise<PageAnswer> {
    const started = performance.now();
    const response = await fetch(new URL(path, this.base), {
      headers: this.headers(),
      redirect: "manual",
      signal: this.signal(),
    });
    const location = response.headers.get("location");
    let html = "";
    let bodyError: string | undefined;
    try {
      html = await response.text();
    } catch (error) {
      // The status and headers came, then the server aborted the body (a streamed download
      // that failed part-way: the browser reports the download as failed).
      const cause = error instanceof Error ? (error.cause ?? error) : error;
      bodyError = cause instanceof Error ? cause.message : String(cause);
    }
    return {
      status: response.status,
      html,
      bodyError,
      ms: performance.now() - started,
      location: location ? new URL(location, this.base) : null,
    };
  }

  /**
   * GETs `pagePath`, picks the form that has every field in `identifying` (or that `pick`
   * chooses), and posts it with `fields` filled in. Missing hidden inputs are kept as rendered.
   */
  async submit(
    pagePath: string,
    fields: Record<string, string>,
    pick: (form: ParsedForm) => boolean = (form) =>
      Object.keys(fields).every((name) => form.fieldNames.has(name)),
  ): Promise<FormAnswer> {
    const page = await this.get(pagePath);
    if (page.status !== 200) {
      // The form page itself failed (or redirected): that is the answer the user saw.
      return {
        status: page.status,
        location: page.location,
        html: page.html,
        alert: alertText(page.html),
        ms: page.ms,
      };
    }
    const form = parseForms(page.html).find(pick);
    if (!form) throw new Error(`no matching form on ${pagePath}`);
    return this.post(pagePath, form, fields);
  }

  /** Posts an already parsed form to the page it came from. */
  async post(
    pagePath: string,
    form: ParsedForm,
    fields: Record<string, string>,
  ): Promise<FormAnswer> {
    const body = new FormData();
    for (const [name, value] of form.hidden) {
      if (!(name in fields)) body.append(name, value);
    }
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    const url = new URL(pagePath, this.base);
    const started = performance.now();
    const response = await fetch(url, {
      method: "POST",
      body,
      headers: this.headers({ origin: url.origin }),
      redirect: "manual",
      signal: this.signal(),
    });
    const html = await response.text();
    const location = response.headers.get("location");
    return {
      status: response.status,
      location: location ? new URL(location, this.base) : null,
      html,
      alert: alertText(html),
      ms: performance.now() - started,
    };
  }
}

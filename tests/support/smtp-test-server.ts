import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server (the `smtp-server` package) on loopback, so digest tests drive the real
// nodemailer client over a real SMTP conversation: EHLO, AUTH, MAIL FROM, RCPT TO, DATA.
// It requires the credentials in its URL, keeps every accepted message, and can refuse the
// DATA of chosen recipients with a 5xx (after the whole message was transmitted).

export type ReceivedMail = {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  text: string;
  html: string;
};

export type SmtpTestServer = {
  /** smtp://user:pass@127.0.0.1:<port> */
  url: string;
  messages: ReceivedMail[];
  /** Messages accepted for this recipient. */
  to(address: string): ReceivedMail[];
  /** Refuse messages for these recipients (550 after DATA) until `acceptAll()`. */
  reject(...addresses: string[]): void;
  acceptAll(): void;
  /** How many messages were refused so far. */
  refused(): number;
  close(): Promise<void>;
};

const USER = "digest";
const PASS = "s3cret pass";

/** Listens on `options.port` (default: any free port) on loopback. */
export async function startSmtpTestServer(
  options: { port?: number } = {},
): Promise<SmtpTestServer> {
  const messages: ReceivedMail[] = [];
  const rejected = new Set<string>();
  let refusedCount = 0;
  const server = new SMTPServer({
    // Plain SMTP with AUTH on loopback: no certificate needed, and credentials still checked.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: false,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASS) callback(null, { user: USER });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const to = session.envelope.rcptTo.map((address) => address.address.toLowerCase());
        if (to.some((address) => rejected.has(address))) {
          refusedCount++;
          callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
          return;
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ from, to, raw, ...parseMail(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`,
    messages,
    to: (address) => messages.filter((mail) => mail.to.includes(address.toLowerCase())),
    reject: (...addresses) => {
      for (const address of addresses) rejected.add(address.toLowerCase());
    },
    acceptAll: () => rejected.clear(),
    refused: () => refusedCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// --- A minimal MIME reader: enough for nodemailer's text + html multipart/alternative. --------

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const unfolded = block.replace(/\r\n[ \t]+/g, " ");
  for (const line of unfolded.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

function decodeBody(body: string, encoding: string | undefined): string {
  switch ((encoding ?? "7bit").toLowerCase()) {
    case "quoted-printable":
      return Buffer.from(
        body
          .replace(/=\r\n/g, "")
          .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        "latin1",
      ).toString("utf8");
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    default:
      return body;
  }
}

function splitHead(entity: string): { headers: Record<string, string>; body: string } {
  const end = entity.indexOf("\r\n\r\n");
  if (end < 0) return { headers: parseHeaders(entity), body: "" };
  return { headers: parseHeaders(entity.slice(0, end)), body: entity.slice(end + 4) };
}

export function parseMail(raw: string): { subject: string; text: string; html: string } {
  const top = splitHead(raw);
  const result = { subject: top.headers.subject ?? "", text: "", html: "" };
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers["content-type"] ?? "")?.[1];
  const parts = boundary
    ? top.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((part) => splitHead(part.replace(/^\r\n/, "")))
    : [top];
  for (const part of parts) {
    const type = (part.headers["content-type"] ?? "text/plain").toLowerCase();
    const content = decodeBody(part.body, part.headers["content-transfer-encoding"]);
    if (type.startsWith("text/html")) result.html = content;
    else if (type.startsWith("text/plain")) result.text = content;
  }
  return result;
}

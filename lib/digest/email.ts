import { formatDay } from "@/lib/format";

// The weekly digest e-mail: plain text plus a simple HTML part. Everything from the database
// (names, companies, reasons) is user input: escaped in HTML, and kept on one line in text.

export const DIGEST_SUBJECT = "Your Runner-Up follow-ups this week";

export type DigestItem = {
  id: string;
  dueOn: string;
  reason: string;
  contactId: string;
  contactName: string;
  companyName: string | null;
};

export type DigestEmailInput = {
  recipientName: string | null;
  items: readonly DigestItem[];
  /** All due follow-ups, which can be more than `items` lists. */
  total: number;
  today: string;
  appUrl: string;
};

export type DigestEmail = { subject: string; text: string; html: string };

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/** Collapses newlines and runs of spaces: one item per line in the text part. */
function oneLine(value: string): string {
  return value.replace(/\s+/g, " ").trim();
}

function when(dueOn: string, today: string): string {
  if (dueOn < today) return `Overdue since ${formatDay(dueOn)}`;
  if (dueOn === today) return `Today, ${formatDay(dueOn)}`;
  return formatDay(dueOn);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function renderDigestEmail(input: DigestEmailInput): DigestEmail {
  const base = input.appUrl.replace(/\/+$/, "");
  const contactUrl = (item: DigestItem) => `${base}/contacts/${encodeURIComponent(item.contactId)}`;
  const firstName = input.recipientName ? oneLine(input.recipientName).split(" ")[0] : "";
  const greeting = firstName ? `Hi ${firstName},` : "Hi,";
  const overdue = input.items.filter((item) => item.dueOn < input.today).length;
  const intro = `You have ${plural(input.total, "follow-up", "follow-ups")} due this week${
    overdue > 0 ? ` (${overdue} overdue)` : ""
  }. A short, warm message keeps the door open.`;
  const more = input.total - input.items.length;
  const moreText = more > 0 ? `…and ${more} more in Runner-Up.` : null;
  const footer =
    "You get this e-mail at most once a week, when follow-ups are due. Mark a follow-up done in Runner-Up and it leaves the digest.";

  const text = [
    greeting,
    "",
    intro,
    "",
    ...input.items.flatMap((item) => [
      `- ${when(item.dueOn, input.today)}: ${oneLine(item.contactName)}${
        item.companyName ? ` (${oneLine(item.companyName)})` : ""
      }`,
      `  ${oneLine(item.reason)}`,
      `  ${contactUrl(item)}`,
      "",
    ]),
    ...(moreText ? [moreText, ""] : []),
    `All your follow-ups: ${base}/dashboard`,
    "",
    "--",
    footer,
    "",
  ].join("\n");

  const rows = input.items
    .map((item) => {
      const company = item.companyName
        ? ` <span style="color:#57534e">(${escapeHtml(item.companyName)})</span>`
        : "";
      return `<li style="margin:0 0 16px">
<div style="font-size:13px;color:${item.dueOn < input.today ? "#b91c1c" : "#57534e"}">${escapeHtml(when(item.dueOn, input.today))}</div>
<div><a href="${escapeHtml(contactUrl(item))}" style="color:#1d4ed8;font-weight:600">${escapeHtml(item.contactName)}</a>${company}</div>
<div style="color:#44403c">${escapeHtml(item.reason)}</div>
</li>`;
    })
    .join("\n");

  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(DIGEST_SUBJECT)}</title></head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1c1917;background:#fafaf9">
<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:12px;padding:24px">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<ul style="list-style:none;padding:0;margin:24px 0">
${rows}
</ul>
${moreText ? `<p>${escapeHtml(moreText)}</p>` : ""}
<p><a href="${escapeHtml(`${base}/dashboard`)}" style="color:#1d4ed8">See all your follow-ups</a></p>
<p style="font-size:12px;color:#78716c;margin-top:32px">${escapeHtml(footer)}</p>
</div>
</body>
</html>
`;

  return { subject: DIGEST_SUBJECT, text, html };
}

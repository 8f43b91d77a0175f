import type { Channel, Draft } from "./types";

// Models wrap notes in chatter: "Sure! Here's your note:", code fences, Markdown bold, quotes.
// These pure functions reduce the output to the note itself.

const preamble =
  /^(sure|certainly|of course|absolutely|here('s| is| are)|below is|okay|ok)\b[^\n]*:\s*$/i;

export function cleanModelOutput(raw: string, channel: Channel): Draft {
  const lines = raw.replace(/\r\n?/g, "\n").split("\n");
  const skippable = (line: string) =>
    preamble.test(line) || line === "" || /^```[a-z]*$/i.test(line);
  while (lines.length && skippable(lines[0]!.trim())) lines.shift();
  while (lines.length && (lines.at(-1)!.trim() === "" || /^```$/.test(lines.at(-1)!.trim())))
    lines.pop();
  let text = lines.join("\n").trim();
  text = text.replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/__([^_\n]+)__/g, "$1");

  let subject: string | null = null;
  const subjectLine = text.match(/^\s*subject\s*:\s*(.+)\n/i);
  if (subjectLine) {
    subject = subjectLine[1]!.trim().replace(/^["“]|["”]$/g, "");
    text = text.slice(subjectLine[0].length);
  }
  text = text
    .trim()
    .replace(/^["“]([\s\S]*)["”]$/, "$1")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (channel === "linkedin") return { subject: null, body: text.replace(/\n{2,}/g, "\n") };
  return { subject, body: text };
}

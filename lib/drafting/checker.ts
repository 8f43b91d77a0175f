import { firstName } from "./names";
import {
  type Channel,
  type Draft,
  EMAIL_MAX_WORDS,
  LINKEDIN_MAX_CHARS,
  type NoteContext,
  SUBJECT_MAX_CHARS,
} from "./types";

// The note checker: which of the six elements (shared/PRODUCT.md) a text covers, and what is
// wrong with it. Pure and synchronous, so the editor runs it on every keystroke in the browser
// and the server runs the same code on model output before accepting it.

export const ELEMENTS = [
  { id: "thanksForNews", label: "Thanks them for letting you know the outcome" },
  { id: "thanksForTime", label: "Thanks them for their time and consideration" },
  { id: "disappointment", label: "A brief, graceful word of disappointment" },
  {
    id: "appreciation",
    label: "Appreciation for meeting the people and learning about the organization",
  },
  { id: "continuedInterest", label: "Your continued interest in working there" },
  { id: "keepInTouch", label: "Asks them to get in touch if things change or a role opens" },
] as const;

export type ElementId = (typeof ELEMENTS)[number]["id"];

export type WarningKind =
  | "empty"
  | "placeholder"
  | "invented"
  | "tooLong"
  | "reconsider"
  | "negative"
  | "missingName";

export type Warning = { kind: WarningKind; message: string };

export type CheckResult = {
  elements: Record<ElementId, boolean>;
  warnings: Warning[];
  /** All six elements present and no warnings. */
  passes: boolean;
  words: number;
  characters: number;
};

/** The facts a note may mention: what is in the record, nothing else. */
export type NoteFacts = Pick<
  NoteContext,
  "recipient" | "companyName" | "jobTitle" | "sender" | "channel"
>;

const thanks = String.raw`\b(thank(s| you)|grateful|appreciate[ds]?|appreciation|appreciative)\b`;
const sentence = String.raw`[^.!?\n]`;

function elementPatterns(companyName: string): Record<ElementId, RegExp[]> {
  const company = escapeRegExp(companyName.trim()) || "the company";
  return {
    thanksForNews: [
      new RegExp(
        String.raw`${thanks}${sentence}{0,90}\b(let(ting)? me know|update|news|decision|outcome|getting back|got back|telling me|told me|informing me|reach(ing)? out|keeping me (informed|posted|updated)|personally|(the|your) (call|email|message|note) (about|with))`,
        "i",
      ),
    ],
    thanksForTime: [
      new RegExp(
        String.raw`${thanks}${sentence}{0,110}\b(time|courtesy|consideration|considering me|hospitality|kindness|attention|generosity)\b`,
        "i",
      ),
    ],
    disappointment: [
      /\b(disappoint(ed|ing|ment)?|sorry (not )?to|sad (not )?to|had (really |so )?hoped|was (really |so )?hoping|would have (loved|liked|enjoyed)|wish(ed)? (it|things) had|a shame|a pity)\b/i,
    ],
    appreciation: [
      new RegExp(
        String.raw`\b(learn(ed|ing|t)?|getting to know|get to know|meet(ing)?|met|insight|glimpse|hear(ing)? about|seeing how|see how|understand(ing)? how)\b${sentence}{0,120}\b(team|teams|organi[sz]ation|company|people|colleagues|you|culture|work|mission|product|products|${company})`,
        "i",
      ),
    ],
    continuedInterest: [
      /\b(remain|still|continue[ds]?|very much|genuinely|truly|keen(ly)?|strongly|really)\b[^.!?\n]{0,60}\b(interest(ed)?|keen|excited|enthusiastic|love to (work|join|be part))\b/i,
      /\binterest(ed)? in (working|joining|future|other|any)\b/i,
    ],
    keepInTouch: [
      /\b(keep me in mind|think of me|consider me|reach out|get in touch|let me know|contact me|hear from you|hesitate|stay in touch|keep in touch|happy to (talk|chat|hear)|i'?d love to hear)\b[^.!?\n]{0,120}\b(change|changes|changed|open|opens|opening|openings|opportunit(y|ies)|role|roles|position|positions|future|come up|comes up|arise|arises)\b/i,
      /\b(if|should|whenever|when)\b[^.!?\n]{0,100}\b(change|changes|open|opens|opening|opportunit(y|ies)|role|position|come up|comes up|arise|arises)\b[^.!?\n]{0,100}\b(keep me in mind|think of me|consider me|reach out|get in touch|let me know|contact me|hear from you|hesitate|love to hear|glad to hear|happy to hear)/i,
    ],
  };
}

const placeholderPattern =
  /\[[^\]\n]{1,40}\]|\{\{?[^}\n]{1,40}\}?\}|<[A-Za-z][^>\n]{0,30}>|\b(XXX|TBD|TODO|INSERT|PLACEHOLDER)\b/;

const reconsiderPattern =
  /\b(reconsider|re-consider|change (your|the|their) (mind|decision)|revisit (your|the|this) decision|overturn|still be considered for (this|the) (role|position|job)|why (i was|i wasn'?t|wasn'?t i|was i not) (selected|chosen|picked|hired)|what went wrong|explain (why|the decision|your decision)|reasons? (for|behind) (the|your) decision)\b/i;

const negativePattern =
  /\b(unfair|unjust|a mistake|wrong decision|regret (your|this|that) decision|waste of (my )?time|frustrat(ed|ing)|angry|upset|bitter|ridiculous|insulting|shocked)\b/i;

/**
 * Words that may start with a capital letter without naming anyone: greetings, sign-offs,
 * pronouns, days and months. Anything else capitalised must come from the record.
 */
const ordinaryCapitalised = new Set(
  `i i'm i've i'd i'll dear hi hello hey thank thanks best warm warmest kind kindest regards sincerely
  cheers yours all with many again please it it's the this that these those your you you're we we're
  our my if and but although while though even should would could whatever whether as for of in on at
  to from by so also once still really truly good luck congratulations wishing hope hoping meeting
  learning hearing speaking working talking getting having being thanking looking re subject p.s ps
  linkedin email monday tuesday wednesday thursday friday saturday sunday january february march april
  may june july august september october november december team what how why when where who which
  there here they their them he she his her one whoever everyone everybody anyone anything nothing
  now then after before until since because during yes no not do does did don't didn't a an or nor
  appreciate grateful sorry disappointed while`.split(/\s+/),
);

function wordsOf(text: string | null | undefined): string[] {
  return (text ?? "").toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? [];
}

function knownWords(facts: NoteFacts): Set<string> {
  const known = new Set<string>();
  const sources = [
    facts.recipient.fullName,
    facts.recipient.title,
    facts.recipient.discussed,
    facts.companyName,
    facts.jobTitle,
    facts.sender.name,
    facts.sender.signature,
  ];
  for (const source of sources) {
    for (const word of wordsOf(source)) {
      known.add(word);
      known.add(word.replace(/['’]s$/, ""));
    }
  }
  return known;
}

/**
 * Capitalised words that name someone or something the record does not mention.
 * A capitalised word that starts a sentence is only suspect when another capitalised word
 * follows it ("Michael Brown said…"): ordinary sentence openers are not names.
 */
export function inventedNames(text: string, facts: NoteFacts): string[] {
  const known = knownWords(facts);
  const isKnown = (plain: string) => ordinaryCapitalised.has(plain) || known.has(plain);
  const found = new Set<string>();
  const tokenPattern = /[\p{L}][\p{L}\p{N}'’-]*/gu;
  for (const line of text.split(/\n/)) {
    const tokens = [...line.matchAll(tokenPattern)];
    tokens.forEach((match, index) => {
      const word = match[0];
      if (!/^\p{Lu}/u.test(word)) return;
      const plain = word.toLowerCase().replace(/['’]s$/, "");
      if (isKnown(plain) || known.has(word.toLowerCase())) return;
      const before = line.slice(0, match.index).trimEnd();
      const startsSentence = before === "" || /[.!?:;"“(—–-]$/.test(before);
      if (startsSentence) {
        // "Michael Brown said": suspect. "Discussing API design": the next word is known, so not.
        const next = tokens[index + 1]?.[0];
        const adjacent =
          next && line.slice(match.index + word.length, tokens[index + 1]!.index).trim() === "";
        const nextIsUnknownName =
          next && /^\p{Lu}/u.test(next) && !isKnown(next.toLowerCase().replace(/['’]s$/, ""));
        if (!(adjacent && nextIsUnknownName)) return;
      }
      found.add(word.replace(/['’]s$/, ""));
    });
  }
  return [...found];
}

export function countWords(text: string): number {
  return text.trim() ? text.trim().split(/\s+/).length : 0;
}

export function checkNote(draft: Draft, facts: NoteFacts): CheckResult {
  const body = draft.body.trim();
  const subject = draft.subject?.trim() ?? "";
  const text = facts.channel === "email" ? `${subject}\n${body}` : body;
  const patterns = elementPatterns(facts.companyName);
  const elements = Object.fromEntries(
    ELEMENTS.map(({ id }) => [id, patterns[id].some((pattern) => pattern.test(body))]),
  ) as Record<ElementId, boolean>;

  const warnings: Warning[] = [];
  const words = countWords(body);
  const characters = body.length;
  if (!body) warnings.push({ kind: "empty", message: "The note is empty." });

  const placeholder = text.match(placeholderPattern);
  if (placeholder) {
    warnings.push({
      kind: "placeholder",
      message: `Replace the placeholder “${placeholder[0]}” with real words.`,
    });
  }
  const invented = inventedNames(text, facts);
  if (invented.length > 0) {
    warnings.push({
      kind: "invented",
      message: `Mentions ${invented.map((name) => `“${name}”`).join(", ")}, which ${invented.length === 1 ? "is" : "are"} not in your record. Check ${invented.length === 1 ? "it is" : "they are"} right.`,
    });
  }
  warnings.push(...lengthWarnings(facts.channel, body, subject, words));
  if (reconsiderPattern.test(body)) {
    warnings.push({
      kind: "reconsider",
      message:
        "Do not ask them to reconsider or to explain the decision: it closes the door you want open.",
    });
  }
  if (negativePattern.test(body)) {
    warnings.push({
      kind: "negative",
      message: "Keep it positive: a hint of bitterness undoes the note.",
    });
  }
  const name = firstName(facts.recipient.fullName).toLowerCase();
  if (body && name && !wordsOf(body).includes(name)) {
    warnings.push({
      kind: "missingName",
      message: `Address ${firstName(facts.recipient.fullName)} by name: it makes the note personal.`,
    });
  }
  const passes = warnings.length === 0 && Object.values(elements).every(Boolean);
  return { elements, warnings, passes, words, characters };
}

function lengthWarnings(channel: Channel, body: string, subject: string, words: number): Warning[] {
  if (channel === "linkedin") {
    return body.length > LINKEDIN_MAX_CHARS
      ? [
          {
            kind: "tooLong",
            message: `LinkedIn allows ${LINKEDIN_MAX_CHARS} characters in a connection note; this has ${body.length}.`,
          },
        ]
      : [];
  }
  const warnings: Warning[] = [];
  if (words > EMAIL_MAX_WORDS) {
    warnings.push({
      kind: "tooLong",
      message: `Keep it short: ${words} words, aim for under ${EMAIL_MAX_WORDS}.`,
    });
  }
  if (subject.length > SUBJECT_MAX_CHARS) {
    warnings.push({
      kind: "tooLong",
      message: `Shorten the subject to under ${SUBJECT_MAX_CHARS} characters.`,
    });
  }
  return warnings;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

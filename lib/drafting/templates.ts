import type { ParticipantRole, Tone } from "@/lib/db/schema";
import { checkNote } from "./checker";
import { firstName, topicPhrase } from "./names";
import { type Draft, LINKEDIN_MAX_CHARS, type NoteContext, SUBJECT_MAX_CHARS } from "./types";

// The template engine: real notes, written from the record, used whenever the model is not
// configured or not trusted. Each note is assembled from alternative phrasings of the six
// elements; the note's position in its batch picks the phrasings, so colleagues who compare
// notes read different sentences, each with their own name and conversation.

type Facts = {
  first: string;
  fullName: string;
  company: string;
  job: string;
  topic: string | null;
  role: ParticipantRole;
  tone: Tone;
  senderName: string;
  senderFirst: string;
  signature: string;
};

type Phrase = (facts: Facts) => string;

/** Picks the variant-th phrasing, offset per slot so two notes never share a combination. */
function pick<T>(options: readonly T[], variant: number, slot: number): T {
  const round = Math.floor(variant / options.length);
  return options[(variant + slot + round * (slot + 1)) % options.length]!;
}

const newsAndDisappointment: Phrase[] = [
  (f) =>
    `Thank you for letting me know about your decision on the ${f.job} role. I was disappointed to hear it, of course, but I appreciate you telling me directly.`,
  (f) =>
    `Thanks for getting back to me about the ${f.job} position. I had hoped for a different outcome, but I'm grateful for the update.`,
  (f) =>
    `Thank you for taking the time to tell me the outcome for the ${f.job} role. I won't pretend I'm not disappointed, but I really appreciate hearing it from you.`,
  (f) =>
    `I appreciate you keeping me informed about the ${f.job} role and letting me know where things landed. I'm sorry not to be joining you, but I understand.`,
];

const timeAndConsideration: Phrase[] = [
  () => "Thank you, too, for your time and consideration throughout the process.",
  () => "I'm grateful for the time and courtesy you showed me during the interviews.",
  () => "Thank you for the time you gave me and for considering me so carefully.",
  () => "I really appreciate the time and consideration you put into the process.",
];

const appreciation: Phrase[] = [
  (f) => `I learned a lot about ${f.company} and enjoyed meeting the team.`,
  (f) => `Getting to know the people at ${f.company} was a real pleasure.`,
  (f) => `It was a pleasure to meet you and to learn how ${f.company} works.`,
  (f) => `I valued the chance to learn about ${f.company} and the people who make it what it is.`,
];

/** The personal sentence: what this person and the user talked about, in words fit for their role. */
const personalWithTopic: Record<ParticipantRole, Phrase[]> = {
  hiring_manager: [
    (f) => `Our conversation about ${f.topic} gave me a real sense of where your team is heading.`,
    (f) => `I especially enjoyed talking with you about ${f.topic}.`,
    (f) => `What you shared about ${f.topic} has stayed with me since.`,
    (f) => `I keep coming back to our discussion of ${f.topic}.`,
  ],
  recruiter: [
    (f) =>
      `I also enjoyed our chat about ${f.topic}, and you guided me clearly through every step.`,
    (f) =>
      `Thank you as well for guiding me through each stage; our talk about ${f.topic} was genuinely helpful.`,
    (f) =>
      `Our conversation about ${f.topic} made the process feel personal, and I appreciated that.`,
    (f) =>
      `I appreciated how openly you spoke about ${f.topic}, and how smoothly you ran every step.`,
  ],
  interviewer: [
    (f) => `Our conversation about ${f.topic} was a highlight of the process for me.`,
    (f) => `I especially enjoyed digging into ${f.topic} with you.`,
    (f) => `I'm still thinking about our exchange on ${f.topic}.`,
    (f) => `Talking through ${f.topic} with you was one of the best parts of the interviews.`,
  ],
  panel: [
    (f) => `The panel discussion about ${f.topic} was a highlight of the process for me.`,
    (f) => `I especially enjoyed our exchange on ${f.topic} during the panel.`,
    (f) => `I'm still thinking about the questions you raised on ${f.topic}.`,
    (f) =>
      `Discussing ${f.topic} with you and the panel was one of the best parts of the interviews.`,
  ],
  referrer: [
    (f) => `Thank you again for putting my name forward, and for our talk about ${f.topic}.`,
    (f) => `Your referral meant a lot, as did our conversation about ${f.topic}.`,
    (f) => `I'm grateful you recommended me, and I enjoyed our talk about ${f.topic}.`,
    (f) => `Thank you for vouching for me; our chat about ${f.topic} helped me prepare.`,
  ],
  other: [
    (f) => `I especially enjoyed our conversation about ${f.topic}.`,
    (f) => `What you said about ${f.topic} has stayed with me.`,
    (f) => `Our talk about ${f.topic} was a highlight of the process.`,
    (f) => `I enjoyed hearing your view on ${f.topic}.`,
  ],
};

const personalWithoutTopic: Record<ParticipantRole, Phrase[]> = {
  hiring_manager: [
    () => "I enjoyed hearing how you think about the team and its work.",
    () => "Our conversation gave me a real sense of where your team is heading.",
    () => "I came away from our conversation with a clear picture of the team you are building.",
    () => "Hearing about the team's plans from you made the role come alive.",
  ],
  recruiter: [
    () => "Thank you as well for guiding me so clearly through each step.",
    () => "You made every stage of the process clear and easy to follow.",
    () => "I appreciated how smoothly and openly you ran the whole process.",
    () => "Your updates at every step made the process a pleasure.",
  ],
  interviewer: [
    () => "I enjoyed our conversation and the thoughtful questions you asked.",
    () => "Our interview was one I genuinely enjoyed.",
    () => "I appreciated the care you took with your questions.",
    () => "Our conversation was a highlight of the process for me.",
  ],
  panel: [
    () => "I enjoyed the panel discussion and the thoughtful questions you asked.",
    () => "The panel conversation was one I genuinely enjoyed.",
    () => "I appreciated the care the panel took with every question.",
    () => "The panel interview was a highlight of the process for me.",
  ],
  referrer: [
    () => "Thank you again for putting my name forward; it meant a lot.",
    () => "Your referral meant a great deal to me.",
    () => "I'm grateful you recommended me in the first place.",
    () => "Thank you for vouching for me; it opened the door.",
  ],
  other: [
    () => "I enjoyed our conversation.",
    () => "Our conversation was a highlight of the process.",
    () => "I appreciated the time we spent talking.",
    () => "Speaking with you made the process a pleasure.",
  ],
};

const continuedInterest: Phrase[] = [
  (f) => `I remain very interested in working at ${f.company}.`,
  (f) => `I'm still keen to work with ${f.company}, and that hasn't changed.`,
  (f) => `My interest in joining ${f.company} is as strong as ever.`,
  (f) => `I would still love to be part of what you're building at ${f.company}.`,
];

const keepInTouch: Phrase[] = [
  () => "If anything changes, or if another role opens up, I would love to hear from you.",
  () =>
    "Please keep me in mind for future openings, and don't hesitate to get in touch if the situation changes.",
  () => "Should the situation change or a new position come up, please reach out.",
  () => "If a similar role opens in the future, I'd be glad if you would think of me.",
];

const closings: Record<Tone, Phrase[]> = {
  warm: [
    () => "Congratulations on filling the role, and thank you again.",
    () => "Wishing you and the team all the best.",
    () => "Thank you again for everything.",
    () => "I hope our paths cross again soon.",
  ],
  formal: [
    () => "Thank you again for your consideration.",
    () => "With my best wishes to you and the team.",
    () => "Congratulations on filling the position.",
    () => "I wish you and the team every success.",
  ],
  brief: [() => "", () => "", () => "", () => ""],
};

const signOffs: Record<Tone, string[]> = {
  warm: ["Warm regards", "All the best", "With thanks", "Warmly"],
  formal: ["Kind regards", "Sincerely", "Best regards", "With appreciation"],
  brief: ["Best", "Thanks again", "All the best", "Cheers"],
};

const subjects: Phrase[] = [
  (f) => `Thank you, ${f.first}`,
  (f) => `Thank you – ${f.job} at ${f.company}`,
  (f) => `With thanks for the ${f.job} process`,
  (f) => `Thank you for your time, ${f.first}`,
];

function factsOf(context: NoteContext): Facts {
  const senderName = context.sender.name.trim() || "Me";
  return {
    first: firstName(context.recipient.fullName) || context.recipient.fullName.trim(),
    fullName: context.recipient.fullName.trim(),
    company: context.companyName.trim(),
    job: context.jobTitle.trim(),
    topic: topicPhrase(context.recipient.discussed),
    role: context.recipient.role,
    tone: context.tone,
    senderName,
    senderFirst: firstName(senderName) || senderName,
    signature: context.sender.signature?.trim() || senderName,
  };
}

function emailDraft(f: Facts, variant: number): Draft {
  const greeting = f.tone === "formal" ? `Dear ${f.fullName},` : `Hi ${f.first},`;
  const personal = f.topic ? personalWithTopic[f.role] : personalWithoutTopic[f.role];
  const paragraphs = [
    greeting,
    pick(newsAndDisappointment, variant, 0)(f),
    [
      pick(timeAndConsideration, variant, 1)(f),
      pick(appreciation, variant, 2)(f),
      pick(personal, variant, 3)(f),
    ].join(" "),
    [pick(continuedInterest, variant, 4)(f), pick(keepInTouch, variant, 5)(f)].join(" "),
    pick(closings[f.tone], variant, 6)(f),
    `${pick(signOffs[f.tone], variant, 7)},\n${f.signature}`,
  ].filter(Boolean);
  let subject = pick(subjects, variant, 8)(f);
  if (subject.length > SUBJECT_MAX_CHARS) subject = `Thank you, ${f.first}`;
  return { subject, body: paragraphs.join("\n\n") };
}

/** LinkedIn notes: all six elements in under 300 characters; the detail goes first if space runs out. */
const linkedinVariants: ((f: Facts, detail: string, job: string) => string)[] = [
  (f, detail, job) =>
    `Hi ${f.first}, thank you for your time and consideration, and for letting me know about ${job}. I'm disappointed, but I really enjoyed meeting you and learning about ${f.company}${detail}. I'm still very interested; if anything changes or a role opens, please get in touch. ${f.senderFirst}`,
  (f, detail, job) =>
    `Hi ${f.first}, thanks for the time you gave me and for the update on ${job}. I had hoped for a different outcome, but meeting the ${f.company} team was a pleasure${detail}. I remain keen on ${f.company}; if another role opens, I'd love to hear from you. ${f.senderFirst}`,
  (f, detail, job) =>
    `Hi ${f.first}, I appreciate your time and consideration, and you letting me know about ${job}. Sorry not to be joining, but I valued getting to know you and ${f.company}${detail}. I'm still very interested, so please keep me in mind if the situation changes. ${f.senderFirst}`,
  (f, detail, job) =>
    `Hi ${f.first}, thank you for your courtesy throughout the process, and for telling me the outcome on ${job}. I was disappointed, but I enjoyed meeting you and learning about ${f.company}${detail}. My interest in joining hasn't changed; if a role opens, please reach out. ${f.senderFirst}`,
];

function linkedinDraft(f: Facts, variant: number): Draft {
  const write = pick(linkedinVariants, variant, 0);
  const details = f.topic ? [` (our talk about ${f.topic} especially)`, ""] : [""];
  const jobs = [`the ${f.job} role`, "the role"];
  for (const job of jobs) {
    for (const detail of details) {
      const body = write(f, detail, job);
      if (body.length <= LINKEDIN_MAX_CHARS) return { subject: null, body };
    }
  }
  // A very long company or name: the shortest form, still complete.
  return { subject: null, body: write(f, "", "the role") };
}

function write(facts: Facts, variant: number, channel: NoteContext["channel"]): Draft {
  return channel === "linkedin" ? linkedinDraft(facts, variant) : emailDraft(facts, variant);
}

/**
 * A complete note for one person, from the record alone. Deterministic for the same input.
 * The discussion note is the user's own text: if quoting it would trip the checks (it asks to
 * reconsider, leaves a placeholder, runs far too long), the note is written without it.
 */
export function templateDraft(context: NoteContext): Draft {
  const facts = factsOf(context);
  const variant = Math.max(0, Math.floor(context.variant));
  const draft = write(facts, variant, context.channel);
  if (!facts.topic || checkNote(draft, context).passes) return draft;
  const without = write({ ...facts, topic: null }, variant, context.channel);
  return checkNote(without, context).passes ? without : draft;
}

/** What the UI shows as the note's source. */
export const TEMPLATE_SOURCE = "Runner-Up template";

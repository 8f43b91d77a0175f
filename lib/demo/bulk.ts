import { randomUUID } from "node:crypto";
import { addDays, format, setHours, setMinutes, subDays } from "date-fns";
import type { ApplicationStage, InteractionKind } from "@/lib/db/schema";
import { createRandom, mixSeed, type Random } from "./random";
import { type DemoRows, emptyRows } from "./types";
import {
  COMPANY_NOTES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  CONTACT_NOTES,
  DISCUSSED_DETAILS,
  DISCUSSED_OPENERS,
  FEEDBACK,
  FIRST_NAMES,
  INTERACTION_SUMMARIES,
  JOB_TITLES,
  LAST_NAMES,
  ROLE_TITLES,
  ROLE_WEIGHTS,
  TAGS,
} from "./words";

// A large, realistic-looking account for benchmarks and demos: about one company per 20
// contacts, one application per 10, three interactions per contact, a few notes and follow-ups.
// Pure functions: the same seed and count give the same rows (ids come from `newId`, which
// tests replace with a counter). Each contact draws from its own stream, mixSeed(seed, index),
// so generating contacts in batches of any size gives the same people.

export type BulkOptions = {
  contacts: number;
  seed?: number;
  /** The moment "today" is; dates are spread over the two years before it. */
  now?: Date;
  /** Flag rows as sample data (removable from the dashboard). Default true. */
  isSample?: boolean;
  newId?: () => string;
  /** Lower-cased company names the account already has: generated names avoid them. */
  takenCompanyNames?: ReadonlySet<string>;
};

type CompanyInfo = { id: string; name: string; domain: string; applications: number[] };
type ApplicationInfo = {
  id: string;
  companyIndex: number;
  stage: ApplicationStage;
  jobTitle: string;
  /** Days before `now` of the first and last stage change. */
  startDaysAgo: number;
  endDaysAgo: number;
  rejectedOn: string | null;
};

export type BulkPlan = {
  userId: string;
  seed: number;
  now: Date;
  isSample: boolean;
  newId: () => string;
  contactCount: number;
  companies: CompanyInfo[];
  applications: ApplicationInfo[];
  /** Companies, applications and their stage history: everything contacts point at. */
  rows: DemoRows;
};

const MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW".split("");
const PROGRESSION: ApplicationStage[] = ["applied", "screening", "interviewing", "final_round"];
const STAGE_WEIGHTS: readonly (readonly [ApplicationStage, number])[] = [
  ["applied", 20],
  ["screening", 12],
  ["interviewing", 14],
  ["final_round", 7],
  ["offer", 2],
  ["rejected", 35],
  ["withdrawn", 7],
  ["hired", 3],
];
// Streams: one per kind of record, so adding a field to one kind never shifts another.
const STREAM = { company: 1, application: 2, contact: 3 } as const;

export const companyCountFor = (contacts: number) =>
  contacts === 0 ? 0 : Math.max(1, Math.round(contacts / 20));
export const applicationCountFor = (contacts: number) =>
  contacts === 0 ? 0 : Math.max(1, Math.round(contacts / 10));

/** "Fernández" → "fernandez", "O'Brien" → "obrien", "de Vries" → "devries" (or "de-vries"). */
export function slug(text: string, separator = ""): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/ø/g, "o")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, separator)
    .replace(/^-+|-+$/g, "");
}

/** A moment during working hours `daysAgo` days before `now`, never after `now`. */
function workingMoment(now: Date, daysAgo: number, random: Random): Date {
  const moment = setMinutes(setHours(subDays(now, daysAgo), random.int(8, 18)), random.int(0, 59));
  return moment > now ? new Date(now.getTime() - random.int(5, 120) * 60_000) : moment;
}

export function planBulk(userId: string, options: BulkOptions): BulkPlan {
  if (!Number.isInteger(options.contacts) || options.contacts < 0) {
    throw new Error("contacts must be a whole number of 0 or more");
  }
  const seed = options.seed ?? 1;
  const now = options.now ?? new Date();
  const isSample = options.isSample ?? true;
  const newId = options.newId ?? randomUUID;
  const rows = emptyRows();
  const moment = (daysAgo: number, random: Random) => workingMoment(now, daysAgo, random);
  const day = (daysAgo: number) => format(subDays(now, daysAgo), "yyyy-MM-dd");

  const companyCount = companyCountFor(options.contacts);
  const combinations = COMPANY_PREFIXES.length * COMPANY_SUFFIXES.length;
  const companies: CompanyInfo[] = [];
  const taken = new Set(options.takenCompanyNames);
  for (let index = 0; index < companyCount; index++) {
    const random = createRandom(mixSeed(seed, STREAM.company, index));
    // A stride coprime with the number of combinations visits every name once before repeating.
    const combination = (index * 157) % combinations;
    const prefix = COMPANY_PREFIXES[combination % COMPANY_PREFIXES.length];
    const suffix = COMPANY_SUFFIXES[Math.floor(combination / COMPANY_PREFIXES.length)];
    const base = `${prefix} ${suffix}`;
    let round = Math.floor(index / combinations) + 1;
    let name = round > 1 ? `${base} ${round}` : base;
    while (taken.has(name.toLowerCase())) name = `${base} ${++round}`;
    taken.add(name.toLowerCase());
    const domain = `${slug(name)}.example`;
    const id = newId();
    const createdAt = moment(random.int(400, 760), random);
    companies.push({ id, name, domain, applications: [] });
    rows.companies.push({
      id,
      userId,
      name,
      website: `https://${domain}`,
      careersUrl: random.chance(0.6) ? `https://${domain}/careers` : null,
      interest: random.chance(0.8)
        ? random.weighted([
            [1, 1],
            [2, 2],
            [3, 4],
            [4, 3],
            [5, 2],
          ])
        : null,
      notes: random.chance(0.3) ? random.pick(COMPANY_NOTES) : null,
      isSample,
      createdAt,
      updatedAt: createdAt,
    });
  }

  const applications: ApplicationInfo[] = [];
  const applicationCount = applicationCountFor(options.contacts);
  for (let index = 0; index < applicationCount; index++) {
    const random = createRandom(mixSeed(seed, STREAM.application, index));
    // The first pass gives every company one application, so every company has people.
    const companyIndex = index < companyCount ? index : random.int(0, companyCount - 1);
    const company = companies[companyIndex] as CompanyInfo;
    const stage = random.weighted(STAGE_WEIGHTS);
    const history = stageHistory(stage, random);
    const jobTitle = random.pick(JOB_TITLES);
    const id = newId();

    let daysAgo = random.int(history.length * 14, 540);
    const changes: { stage: ApplicationStage; daysAgo: number }[] = [];
    for (const step of history) {
      changes.push({ stage: step, daysAgo });
      daysAgo = Math.max(0, daysAgo - random.int(3, 14));
    }
    const first = changes[0] as { daysAgo: number };
    const last = changes[changes.length - 1] as { daysAgo: number };
    const wasFinalist = history.includes("final_round");
    const rejected = stage === "rejected";
    const rejectedOn = rejected ? day(last.daysAgo) : null;
    const createdAt = moment(first.daysAgo, random);
    const lastChange = moment(last.daysAgo, random);

    company.applications.push(index);
    applications.push({
      id,
      companyIndex,
      stage,
      jobTitle,
      startDaysAgo: first.daysAgo,
      endDaysAgo: last.daysAgo,
      rejectedOn,
    });
    rows.applications.push({
      id,
      userId,
      companyId: company.id,
      jobTitle,
      postingUrl: `https://${company.domain}/careers/${slug(jobTitle, "-")}-${index + 1}`,
      stage,
      appliedOn: day(first.daysAgo),
      rejectedOn,
      wasFinalist,
      runnerUpRank:
        rejected && wasFinalist && random.chance(0.5)
          ? random.weighted([
              [2, 4],
              [3, 1],
            ])
          : null,
      feedback: rejected && random.chance(0.4) ? random.pick(FEEDBACK) : null,
      isSample,
      createdAt,
      updatedAt: new Date(Math.max(lastChange.getTime(), createdAt.getTime())),
    });
    for (const change of changes) {
      rows.stageChanges.push({
        id: newId(),
        userId,
        applicationId: id,
        stage: change.stage,
        changedOn: day(change.daysAgo),
      });
    }
  }

  return {
    userId,
    seed,
    now,
    isSample,
    newId,
    contactCount: options.contacts,
    companies,
    applications,
    rows,
  };
}

/** The stages an application went through to reach `stage`, in order. */
function stageHistory(stage: ApplicationStage, random: Random): ApplicationStage[] {
  const reached = PROGRESSION.indexOf(stage);
  if (reached >= 0) return PROGRESSION.slice(0, reached + 1);
  if (stage === "offer") return [...PROGRESSION, "offer"];
  if (stage === "hired") return [...PROGRESSION, "offer", "hired"];
  // Rejected or withdrawn after getting this far.
  const furthest = random.weighted([
    [0, 30],
    [1, 30],
    [2, 25],
    [3, 15],
  ]);
  return [...PROGRESSION.slice(0, furthest + 1), stage];
}

/**
 * Contacts [start, start + count) of the plan, with their participation, interactions, notes
 * and follow-ups. contacts.last_contacted_at is the latest of the generated interactions.
 */
export function generateContacts(plan: BulkPlan, start: number, count: number): DemoRows {
  const { userId, seed, now, isSample, newId } = plan;
  const rows = emptyRows();
  const end = Math.min(plan.contactCount, start + count);
  const at = (daysAgo: number, random: Random) => workingMoment(now, daysAgo, random);
  const day = (date: Date) => format(date, "yyyy-MM-dd");

  for (let index = start; index < end; index++) {
    const random = createRandom(mixSeed(seed, STREAM.contact, index));
    const id = newId();
    const hasCompany = plan.companies.length > 0 && random.chance(0.92);
    const company = hasCompany ? random.pick(plan.companies) : undefined;
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    // A middle initial now and then, as address books have them.
    const middle = random.chance(0.1) ? ` ${random.pick(MIDDLE_INITIALS)}.` : "";
    const fullName = `${first}${middle} ${last}`;

    const application =
      company && company.applications.length > 0 && random.chance(0.85)
        ? plan.applications[random.pick(company.applications)]
        : undefined;
    const role = application ? random.weighted(ROLE_WEIGHTS) : undefined;
    const title = random.pick(ROLE_TITLES[role ?? random.pick(["interviewer", "other"] as const)]);
    if (application && role) {
      rows.participants.push({
        id: newId(),
        userId,
        applicationId: application.id,
        contactId: id,
        role,
        discussed: random.chance(0.75)
          ? `${random.pick(DISCUSSED_OPENERS)}; ${random.pick(DISCUSSED_DETAILS)}.`
          : null,
      });
    }

    // About three interactions per contact; one in twenty never contacted (null recency).
    const interactionCount = random.chance(0.05) ? 0 : random.int(1, 5);
    let latest: Date | null = null;
    let earliest: Date | null = null;
    for (let n = 0; n < interactionCount; n++) {
      let kind: InteractionKind;
      let daysAgo: number;
      if (application) {
        kind = random.weighted([
          ["interview", 35],
          ["email", 30],
          ["call", 20],
          ["meeting", 10],
          ["linkedin_message", 5],
        ]);
        // During the process, or up to a month after it ended (a follow-up, a reply).
        const window = application.startDaysAgo - application.endDaysAgo + 30;
        daysAgo = Math.max(0, application.startDaysAgo - random.int(0, window));
      } else {
        kind = random.weighted([
          ["email", 25],
          ["linkedin_message", 25],
          ["coffee", 20],
          ["call", 15],
          ["meeting", 10],
          ["reply_received", 5],
        ]);
        daysAgo = random.int(1, 720);
      }
      const occurredAt = at(daysAgo, random);
      if (!latest || occurredAt > latest) latest = occurredAt;
      if (!earliest || occurredAt < earliest) earliest = occurredAt;
      rows.interactions.push({
        id: newId(),
        userId,
        contactId: id,
        applicationId: application?.id ?? null,
        kind,
        occurredAt,
        summary: random.pick(INTERACTION_SUMMARIES[kind]),
        isSample,
      });
    }

    const createdAt = earliest ?? at(random.int(1, 720), random);
    const emailName = `${slug(first)}.${slug(last)}`;
    rows.contacts.push({
      id,
      userId,
      companyId: company?.id ?? null,
      fullName,
      title,
      email: random.chance(0.85) ? `${emailName}@${company?.domain ?? "mail.example"}` : null,
      phone: random.chance(0.3) ? `+1 555 01${String(random.int(0, 99)).padStart(2, "0")}` : null,
      linkedinUrl: random.chance(0.6)
        ? `https://www.linkedin.com/in/${slug(first)}-${slug(last)}-${index.toString(36)}`
        : null,
      notes: random.chance(0.15) ? random.pick(CONTACT_NOTES) : null,
      tags: random.sample(TAGS, random.int(0, 3)),
      lastContactedAt: latest,
      connectedOn: random.chance(0.4) ? day(createdAt) : null,
      isSample,
      createdAt,
      updatedAt: latest ?? createdAt,
    });

    if (application?.rejectedOn && random.chance(0.3)) {
      const sent = random.chance(0.7);
      const sentAt = addDays(new Date(`${application.rejectedOn}T09:30:00`), 1);
      const sentInPast = sent && sentAt <= now;
      const outcome = sentInPast
        ? random.weighted([
            ["no_reply", 60],
            ["replied", 30],
            ["interview", 8],
            ["offer", 2],
          ] as const)
        : null;
      rows.notes.push({
        id: newId(),
        userId,
        contactId: id,
        applicationId: application.id,
        channel: random.chance(0.8) ? "email" : "linkedin",
        subject: `Thank you, ${first}`,
        body: `Dear ${first},\n\nThank you for letting me know about the ${application.jobTitle} role, and for your time during the process. I enjoyed meeting the team and would love to stay in touch if anything changes.\n\nBest regards`,
        source: "demo seed",
        sourceKind: "template",
        status: sentInPast ? "sent" : "draft",
        sentAt: sentInPast ? sentAt : null,
        outcome,
        outcomeAt: outcome && outcome !== "no_reply" ? addDays(sentAt, random.int(1, 10)) : null,
      });
    }

    if (random.chance(0.1)) {
      const status = random.weighted([
        ["open", 70],
        ["done", 25],
        ["skipped", 5],
      ] as const);
      const dueDaysAgo = status === "open" ? random.int(-30, 10) : random.int(1, 90);
      rows.followUps.push({
        id: newId(),
        userId,
        contactId: id,
        applicationId: application?.id ?? null,
        dueOn: format(subDays(now, dueDaysAgo), "yyyy-MM-dd"),
        reason: random.pick([
          "Check in after the new hire's first month",
          "Ask about the new opening",
          "Share the article we talked about",
          "Congratulate them on the launch",
        ]),
        origin: random.chance(0.6) ? "cadence" : "manual",
        status,
        completedAt: status === "done" ? at(Math.max(0, dueDaysAgo - 1), random) : null,
      });
    }
  }
  return rows;
}

/** Everything at once: fine for tests and small counts; seedBulk streams batches instead. */
export function generateBulk(userId: string, options: BulkOptions): DemoRows {
  const plan = planBulk(userId, options);
  const people = generateContacts(plan, 0, plan.contactCount);
  return {
    ...people,
    companies: plan.rows.companies,
    applications: plan.rows.applications,
    stageChanges: plan.rows.stageChanges,
  };
}

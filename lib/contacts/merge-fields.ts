// The rules for combining duplicate contacts into one record. Pure functions: the database
// merge (lib/db/queries/contacts.ts mergeContacts) loads the rows, asks these what to write,
// and writes it in one transaction.

/** The contact fields a merge may fill or combine. */
export type MergeableContact = {
  id: string;
  companyId: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  linkedinUrl: string | null;
  notes: string | null;
  tags: string[];
  connectedOn: string | null;
  isSample: boolean;
};

export type ContactMergePatch = Omit<MergeableContact, "id">;

const isBlank = (value: string | null | undefined): value is null | undefined | "" =>
  value === null || value === undefined || value.trim() === "";

const normalized = (value: string) => value.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * `base` followed by `extra` on a new paragraph, unless `extra` adds nothing: blank, or the
 * same words already in `base` (ignoring case and spacing).
 */
export function combineText(base: string | null, extra: string | null): string | null {
  if (isBlank(extra)) return isBlank(base) ? null : base;
  if (isBlank(base)) return extra.trim();
  if (normalized(base).includes(normalized(extra))) return base;
  return `${base.trimEnd()}\n\n${extra.trim()}`;
}

/** Every tag once, in first-seen order (tags are stored lower-cased). */
export function unionTags(...lists: readonly (readonly string[])[]): string[] {
  const seen = new Set<string>();
  for (const list of lists) {
    for (const tag of list) {
      const clean = tag.trim().toLowerCase();
      if (clean) seen.add(clean);
    }
  }
  return [...seen];
}

function firstFilled(kept: string | null, others: readonly (string | null)[]): string | null {
  if (!isBlank(kept)) return kept;
  return others.find((value): value is string => !isBlank(value)) ?? null;
}

/**
 * The kept contact's fields after absorbing `others`: the kept record's own values win; a blank
 * one takes the first filled value from the others (in the order given); notes are appended;
 * tags are united. The result stays "sample" only if every record was sample data.
 */
export function mergeContactFields(
  kept: MergeableContact,
  others: readonly MergeableContact[],
): ContactMergePatch {
  const pick = (field: "companyId" | "title" | "email" | "phone" | "linkedinUrl" | "connectedOn") =>
    firstFilled(
      kept[field],
      others.map((other) => other[field]),
    );
  return {
    companyId: pick("companyId"),
    title: pick("title"),
    email: pick("email"),
    phone: pick("phone"),
    linkedinUrl: pick("linkedinUrl"),
    connectedOn: pick("connectedOn"),
    notes: others.reduce<string | null>(
      (notes, other) => combineText(notes, other.notes),
      kept.notes,
    ),
    tags: unionTags(kept.tags, ...others.map((other) => other.tags)),
    isSample: kept.isSample && others.every((other) => other.isSample),
  };
}

/** A process_participants row as far as a merge cares. */
export type ParticipationRow = {
  id: string;
  applicationId: string;
  contactId: string;
  role: string;
  discussed: string | null;
  createdAt: Date;
};

export type ParticipationPlan = {
  /** Rows that stay, now pointing at the kept contact, with their combined "discussed" text. */
  keep: { id: string; discussed: string | null }[];
  /** Rows removed because the kept contact already has a row for that application. */
  remove: string[];
};

/**
 * One participation per application for the kept contact. Where the kept contact already took
 * part, its row (and role) wins; otherwise the earliest merged row does. The discarded rows'
 * "discussed" text is appended to the surviving row when it says something new.
 */
export function planParticipationMerge(
  keptContactId: string,
  rows: readonly ParticipationRow[],
): ParticipationPlan {
  const byApplication = new Map<string, ParticipationRow[]>();
  for (const row of rows) {
    const group = byApplication.get(row.applicationId);
    if (group) group.push(row);
    else byApplication.set(row.applicationId, [row]);
  }
  const plan: ParticipationPlan = { keep: [], remove: [] };
  for (const group of byApplication.values()) {
    const ordered = [...group].sort((a, b) => {
      const keptFirst =
        Number(b.contactId === keptContactId) - Number(a.contactId === keptContactId);
      return keptFirst || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
    });
    const [winner, ...losers] = ordered as [ParticipationRow, ...ParticipationRow[]];
    plan.keep.push({
      id: winner.id,
      discussed: losers.reduce(
        (text, loser) => combineText(text, loser.discussed),
        winner.discussed,
      ),
    });
    plan.remove.push(...losers.map((loser) => loser.id));
  }
  return plan;
}

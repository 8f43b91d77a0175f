import type {
  applicationStageChanges,
  applications,
  companies,
  contacts,
  followUps,
  interactions,
  notes,
  openings,
  processParticipants,
} from "@/lib/db/schema";

/**
 * Rows ready to insert, ids included, in foreign-key order. Both the hand-written sample set
 * and the bulk generator produce this shape, so one insert routine serves both.
 */
export type DemoRows = {
  companies: (typeof companies.$inferInsert)[];
  contacts: (typeof contacts.$inferInsert)[];
  applications: (typeof applications.$inferInsert)[];
  stageChanges: (typeof applicationStageChanges.$inferInsert)[];
  participants: (typeof processParticipants.$inferInsert)[];
  interactions: (typeof interactions.$inferInsert)[];
  notes: (typeof notes.$inferInsert)[];
  followUps: (typeof followUps.$inferInsert)[];
  openings: (typeof openings.$inferInsert)[];
};

export type DemoCounts = { [K in keyof DemoRows]: number };

export const demoTables = [
  "companies",
  "contacts",
  "applications",
  "stageChanges",
  "participants",
  "interactions",
  "notes",
  "followUps",
  "openings",
] as const satisfies readonly (keyof DemoRows)[];

export function emptyRows(): DemoRows {
  return {
    companies: [],
    contacts: [],
    applications: [],
    stageChanges: [],
    participants: [],
    interactions: [],
    notes: [],
    followUps: [],
    openings: [],
  };
}

export function countRows(rows: DemoRows): DemoCounts {
  return Object.fromEntries(demoTables.map((table) => [table, rows[table].length])) as DemoCounts;
}

export function addCounts(a: DemoCounts, b: DemoCounts): DemoCounts {
  return Object.fromEntries(demoTables.map((table) => [table, a[table] + b[table]])) as DemoCounts;
}

/** The latest interaction per contact: contacts.last_contacted_at must agree with it. */
export function latestInteractionByContact(rows: DemoRows["interactions"]): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const row of rows) {
    const current = latest.get(row.contactId);
    if (!current || row.occurredAt > current) latest.set(row.contactId, row.occurredAt);
  }
  return latest;
}

import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

// One pg-core schema for both drivers (PGlite and postgres.js).
// Conventions: every user-owned table has user_id with ON DELETE CASCADE from users, and lists
// are served by (user_id, <sort column>) indexes. Child rows reference their parent through a
// composite (user_id, id) foreign key, so the database itself refuses to link one user's row
// to another user's record, whatever the application code does.

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** SQL `IN (...)` list for a check constraint, from the same tuple the app validates with. */
function oneOf(column: string, values: readonly string[]) {
  return sql.raw(`${column} in (${values.map((value) => `'${value}'`).join(", ")})`);
}

export const TONES = ["warm", "formal", "brief"] as const;
export const APPLICATION_STAGES = [
  "applied",
  "screening",
  "interviewing",
  "final_round",
  "offer",
  "rejected",
  "withdrawn",
  "hired",
] as const;
export const PARTICIPANT_ROLES = [
  "hiring_manager",
  "recruiter",
  "interviewer",
  "panel",
  "referrer",
  "other",
] as const;
export const INTERACTION_KINDS = [
  "interview",
  "call",
  "email",
  "note_sent",
  "reply_received",
  "coffee",
  "linkedin_message",
  "meeting",
  "other",
] as const;
export const NOTE_CHANNELS = ["email", "linkedin"] as const;
export const NOTE_SOURCE_KINDS = ["model", "template", "manual"] as const;
export const NOTE_STATUSES = ["draft", "sent"] as const;
export const NOTE_OUTCOMES = ["no_reply", "replied", "interview", "offer"] as const;
export const FOLLOW_UP_ORIGINS = ["cadence", "manual"] as const;
export const FOLLOW_UP_STATUSES = ["open", "done", "skipped"] as const;

export type Tone = (typeof TONES)[number];
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];
export type InteractionKind = (typeof INTERACTION_KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Auth.js tables (shape expected by @auth/drizzle-adapter) plus the user's own settings.

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name"),
    email: text("email").notNull(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    passwordHash: text("password_hash"),
    signature: text("signature"),
    tone: text("tone").$type<Tone>().notNull().default("warm"),
    /** Follow-up cadence in months after a rejection; null means the app's default. */
    cadenceMonths: integer("cadence_months").array(),
    /** Secret of the private calendar feed URL; regenerating it revokes the old URL. */
    calendarToken: text("calendar_token"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    // Emails are stored lower-cased by the app; the index makes that the only spelling.
    uniqueIndex("users_email_key").on(sql`lower(${table.email})`),
    uniqueIndex("users_calendar_token_key").on(table.calendarToken),
    check("users_tone_check", oneOf("tone", TONES)),
  ],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (table) => [
    primaryKey({ columns: [table.provider, table.providerAccountId] }),
    index("accounts_user_id_idx").on(table.userId),
  ],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.identifier, table.token] })],
);

/** Fixed-window counters for rate limits (failed sign-ins, drafting), shared by all instances. */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull().default(0),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Domain tables.

const owner = () =>
  uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const companies = pgTable(
  "companies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    name: text("name").notNull(),
    website: text("website"),
    careersUrl: text("careers_url"),
    /** The user's interest in working there, 1 (low) to 5 (dream employer). */
    interest: smallint("interest"),
    notes: text("notes"),
    isSample: boolean("is_sample").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique("companies_user_id_id_key").on(table.userId, table.id),
    index("companies_user_updated_idx").on(table.userId, table.updatedAt.desc()),
    index("companies_user_name_idx").on(table.userId, sql`lower(${table.name})`),
    // "Does this account hold sample data?" on every dashboard view: a few index rows, not a
    // scan of a large account that holds none.
    index("companies_user_sample_idx").on(table.userId).where(sql`is_sample`),
    check("companies_interest_check", sql`${table.interest} between 1 and 5`),
  ],
);

export const contacts = pgTable(
  "contacts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    /** Current employer; a person keeps their history when they move (participants, interactions). */
    companyId: uuid("company_id").references(() => companies.id, { onDelete: "set null" }),
    fullName: text("full_name").notNull(),
    title: text("title"),
    email: text("email"),
    phone: text("phone"),
    linkedinUrl: text("linkedin_url"),
    notes: text("notes"),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    /** Denormalised from interactions so the list can sort by recency with an index. */
    lastContactedAt: timestamp("last_contacted_at", { withTimezone: true }),
    /** When the user connected with them (LinkedIn import keeps it). */
    connectedOn: date("connected_on"),
    /** This person's own follow-up cadence in months; null means the user's setting. */
    cadenceMonths: integer("cadence_months").array(),
    isSample: boolean("is_sample").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique("contacts_user_id_id_key").on(table.userId, table.id),
    index("contacts_user_last_contacted_idx").on(
      table.userId,
      table.lastContactedAt.desc().nullsLast(),
    ),
    index("contacts_user_name_idx").on(table.userId, sql`lower(${table.fullName})`),
    index("contacts_user_email_idx").on(table.userId, sql`lower(${table.email})`),
    index("contacts_company_idx").on(table.companyId),
    index("contacts_user_sample_idx").on(table.userId).where(sql`is_sample`),
  ],
);

/**
 * Every tag in use in an account and how many contacts carry it, for the contacts list's tag
 * filter: reading it costs the same at 100 or 100,000 contacts. Kept by statement-level
 * triggers on contacts (migration 0003), so every write path (forms, imports, merges, sample
 * data, account deletion) updates it in the same transaction without the application's help.
 */
export const contactTags = pgTable(
  "contact_tags",
  {
    userId: owner(),
    tag: text("tag").notNull(),
    contacts: integer("contacts").notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.tag] })],
);

export const applications = pgTable(
  "applications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    companyId: uuid("company_id").notNull(),
    jobTitle: text("job_title").notNull(),
    postingUrl: text("posting_url"),
    stage: text("stage").$type<ApplicationStage>().notNull().default("applied"),
    appliedOn: date("applied_on"),
    rejectedOn: date("rejected_on"),
    wasFinalist: boolean("was_finalist").notNull().default(false),
    /** 2 = "you were our second choice", when the employer says so. */
    runnerUpRank: smallint("runner_up_rank"),
    feedback: text("feedback"),
    notes: text("notes"),
    isSample: boolean("is_sample").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    unique("applications_user_id_id_key").on(table.userId, table.id),
    foreignKey({
      name: "applications_company_fk",
      columns: [table.userId, table.companyId],
      foreignColumns: [companies.userId, companies.id],
    }).onDelete("cascade"),
    index("applications_user_updated_idx").on(table.userId, table.updatedAt.desc()),
    index("applications_user_stage_idx").on(table.userId, table.stage),
    // The dashboard walks recent rejections newest first and stops early (bounded cost).
    index("applications_user_stage_rejected_idx").on(
      table.userId,
      table.stage,
      table.rejectedOn.desc(),
    ),
    index("applications_company_idx").on(table.companyId),
    check("applications_stage_check", oneOf("stage", APPLICATION_STAGES)),
    check("applications_runner_up_rank_check", sql`${table.runnerUpRank} >= 1`),
  ],
);

/** Every stage an application passed through, with its date. */
export const applicationStageChanges = pgTable(
  "application_stage_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    applicationId: uuid("application_id").notNull(),
    stage: text("stage").$type<ApplicationStage>().notNull(),
    changedOn: date("changed_on").notNull(),
    createdAt: createdAt(),
  },
  (table) => [
    foreignKey({
      name: "application_stage_changes_application_fk",
      columns: [table.userId, table.applicationId],
      foreignColumns: [applications.userId, applications.id],
    }).onDelete("cascade"),
    index("application_stage_changes_application_idx").on(table.applicationId, table.changedOn),
    check("application_stage_changes_stage_check", oneOf("stage", APPLICATION_STAGES)),
  ],
);

export const processParticipants = pgTable(
  "process_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    applicationId: uuid("application_id").notNull(),
    contactId: uuid("contact_id").notNull(),
    role: text("role").$type<ParticipantRole>().notNull(),
    /** What the user discussed with this person: the detail that makes a note personal. */
    discussed: text("discussed"),
    createdAt: createdAt(),
  },
  (table) => [
    unique("process_participants_application_contact_key").on(table.applicationId, table.contactId),
    foreignKey({
      name: "process_participants_application_fk",
      columns: [table.userId, table.applicationId],
      foreignColumns: [applications.userId, applications.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "process_participants_contact_fk",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    index("process_participants_contact_idx").on(table.contactId),
    index("process_participants_user_role_idx").on(table.userId, table.role),
    check("process_participants_role_check", oneOf("role", PARTICIPANT_ROLES)),
  ],
);

export const interactions = pgTable(
  "interactions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    contactId: uuid("contact_id").notNull(),
    applicationId: uuid("application_id").references(() => applications.id, {
      onDelete: "set null",
    }),
    kind: text("kind").$type<InteractionKind>().notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    summary: text("summary"),
    isSample: boolean("is_sample").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    foreignKey({
      name: "interactions_contact_fk",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    index("interactions_contact_occurred_idx").on(table.contactId, table.occurredAt.desc()),
    index("interactions_user_occurred_idx").on(table.userId, table.occurredAt.desc()),
    index("interactions_application_idx").on(table.applicationId),
    // Recent replies for the dashboard, without walking every other interaction.
    index("interactions_user_replies_idx")
      .on(table.userId, table.occurredAt.desc())
      .where(sql`kind = 'reply_received'`),
    check("interactions_kind_check", oneOf("kind", INTERACTION_KINDS)),
  ],
);

export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    contactId: uuid("contact_id").notNull(),
    applicationId: uuid("application_id").references(() => applications.id, {
      onDelete: "set null",
    }),
    channel: text("channel").$type<(typeof NOTE_CHANNELS)[number]>().notNull().default("email"),
    subject: text("subject"),
    body: text("body").notNull().default(""),
    /** Which model or which template wrote the draft, shown to the user. */
    source: text("source").notNull(),
    sourceKind: text("source_kind").$type<(typeof NOTE_SOURCE_KINDS)[number]>().notNull(),
    /** The six elements and warnings found by the checker for the current text. */
    checklist: jsonb("checklist"),
    status: text("status").$type<(typeof NOTE_STATUSES)[number]>().notNull().default("draft"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    outcome: text("outcome").$type<(typeof NOTE_OUTCOMES)[number]>(),
    outcomeAt: timestamp("outcome_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (table) => [
    foreignKey({
      name: "notes_contact_fk",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    index("notes_user_status_updated_idx").on(table.userId, table.status, table.updatedAt.desc()),
    index("notes_contact_idx").on(table.contactId),
    index("notes_application_idx").on(table.applicationId),
    // Outcomes by month: the sent notes of the last 12 months, read from the index alone.
    index("notes_user_sent_idx")
      .on(table.userId, table.sentAt, table.outcome, table.applicationId, table.contactId)
      .where(sql`status = 'sent'`),
    check("notes_channel_check", oneOf("channel", NOTE_CHANNELS)),
    check("notes_source_kind_check", oneOf("source_kind", NOTE_SOURCE_KINDS)),
    check("notes_status_check", oneOf("status", NOTE_STATUSES)),
    check("notes_outcome_check", oneOf("outcome", NOTE_OUTCOMES)),
  ],
);

export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    contactId: uuid("contact_id").notNull(),
    applicationId: uuid("application_id").references(() => applications.id, {
      onDelete: "set null",
    }),
    dueOn: date("due_on").notNull(),
    reason: text("reason").notNull(),
    origin: text("origin").$type<(typeof FOLLOW_UP_ORIGINS)[number]>().notNull(),
    status: text("status").$type<(typeof FOLLOW_UP_STATUSES)[number]>().notNull().default("open"),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [
    foreignKey({
      name: "follow_ups_contact_fk",
      columns: [table.userId, table.contactId],
      foreignColumns: [contacts.userId, contacts.id],
    }).onDelete("cascade"),
    index("follow_ups_user_status_due_idx").on(table.userId, table.status, table.dueOn),
    index("follow_ups_contact_idx").on(table.contactId),
    index("follow_ups_application_idx").on(table.applicationId),
    check("follow_ups_origin_check", oneOf("origin", FOLLOW_UP_ORIGINS)),
    check("follow_ups_status_check", oneOf("status", FOLLOW_UP_STATUSES)),
  ],
);

export const openings = pgTable(
  "openings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    companyId: uuid("company_id").notNull(),
    title: text("title").notNull(),
    location: text("location"),
    url: text("url"),
    seenOn: date("seen_on").notNull(),
    notes: text("notes"),
    isSample: boolean("is_sample").notNull().default(false),
    createdAt: createdAt(),
  },
  (table) => [
    foreignKey({
      name: "openings_company_fk",
      columns: [table.userId, table.companyId],
      foreignColumns: [companies.userId, companies.id],
    }).onDelete("cascade"),
    index("openings_user_seen_idx").on(table.userId, table.seenOn.desc()),
    index("openings_company_idx").on(table.companyId),
  ],
);

/** One weekly digest per user and week, whichever instance or retry gets there first. */
export const digestDeliveries = pgTable(
  "digest_deliveries",
  {
    userId: owner(),
    /** Monday of the ISO week the digest covers. */
    weekStart: date("week_start").notNull(),
    status: text("status").$type<"sending" | "sent" | "failed">().notNull().default("sending"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.weekStart] }),
    check("digest_deliveries_status_check", oneOf("status", ["sending", "sent", "failed"])),
  ],
);

/** An uploaded CSV waiting for the user to confirm its mapping and duplicates. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: owner(),
    format: text("format").$type<"linkedin" | "csv">().notNull(),
    fileName: text("file_name").notNull(),
    /** Header names as detected, in file order. */
    columns: jsonb("columns").$type<string[]>().notNull(),
    /** Parsed rows (arrays of cells, with their line numbers), bounded by the import limits. */
    rows: jsonb("rows").$type<{ line: number; cells: string[] }[]>().notNull(),
    /** Chosen column → field mapping, once the user has confirmed it. */
    mapping: jsonb("mapping").$type<Record<string, string>>(),
    createdAt: createdAt(),
  },
  (table) => [
    index("import_batches_user_created_idx").on(table.userId, table.createdAt.desc()),
    check("import_batches_format_check", oneOf("format", ["linkedin", "csv"])),
  ],
);

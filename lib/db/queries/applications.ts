import "server-only";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { type Executor, getDb } from "@/lib/db/client";
import { findOrCreateCompany } from "@/lib/db/queries/companies";
import { assertOwned } from "@/lib/db/queries/ownership";
import {
  APPLICATION_STAGES,
  type ApplicationStage,
  applicationStageChanges,
  applications,
  companies,
  processParticipants,
} from "@/lib/db/schema";
import { todayIso } from "@/lib/format";

export type ApplicationOption = { id: string; label: string };

/** Recent applications for a picker ("Product Designer at Acme"), bounded. */
export async function listApplicationOptions(
  userId: string,
  limit = 200,
): Promise<ApplicationOption[]> {
  const rows = await getDb()
    .select({ id: applications.id, jobTitle: applications.jobTitle, company: companies.name })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(eq(applications.userId, userId))
    .orderBy(desc(applications.updatedAt))
    .limit(limit);
  return rows.map((row) => ({ id: row.id, label: `${row.jobTitle} at ${row.company}` }));
}

// ---------------------------------------------------------------------------------------------
// The list.

export type StageCounts = Record<ApplicationStage, number> & { all: number };

/** How many applications sit in each stage, in one GROUP BY over the (user_id, stage) index. */
export async function countApplicationsByStage(userId: string): Promise<StageCounts> {
  const rows = await getDb()
    .select({ stage: applications.stage, n: count() })
    .from(applications)
    .where(eq(applications.userId, userId))
    .groupBy(applications.stage);
  const counts = Object.fromEntries(APPLICATION_STAGES.map((stage) => [stage, 0])) as StageCounts;
  counts.all = 0;
  for (const row of rows) {
    counts[row.stage] = Number(row.n);
    counts.all += Number(row.n);
  }
  return counts;
}

export type ApplicationListItem = {
  id: string;
  jobTitle: string;
  companyId: string;
  companyName: string;
  stage: ApplicationStage;
  appliedOn: string | null;
  wasFinalist: boolean;
  runnerUpRank: number | null;
  isSample: boolean;
  updatedAt: Date;
  peopleCount: number;
};

export const APPLICATION_PAGE_SIZE = 50;

/** One page of applications, most recently updated first; `hasNext` from one extra row. */
export async function listApplications(
  userId: string,
  options: { stage?: ApplicationStage; page?: number; pageSize?: number } = {},
): Promise<{ items: ApplicationListItem[]; hasNext: boolean }> {
  const pageSize = options.pageSize ?? APPLICATION_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const peopleCount = sql<number>`(
    select count(*) from ${processParticipants}
    where ${processParticipants.applicationId} = ${applications.id}
      and ${processParticipants.userId} = ${userId}
  )`.mapWith(Number);
  const rows = await getDb()
    .select({
      id: applications.id,
      jobTitle: applications.jobTitle,
      companyId: applications.companyId,
      companyName: companies.name,
      stage: applications.stage,
      appliedOn: applications.appliedOn,
      wasFinalist: applications.wasFinalist,
      runnerUpRank: applications.runnerUpRank,
      isSample: applications.isSample,
      updatedAt: applications.updatedAt,
      peopleCount,
    })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(
      and(
        eq(applications.userId, userId),
        options.stage ? eq(applications.stage, options.stage) : undefined,
      ),
    )
    .orderBy(desc(applications.updatedAt), desc(applications.id))
    .limit(pageSize + 1)
    .offset((page - 1) * pageSize);
  return { items: rows.slice(0, pageSize), hasNext: rows.length > pageSize };
}

// ---------------------------------------------------------------------------------------------
// One application.

export type ApplicationDetail = {
  id: string;
  companyId: string;
  companyName: string;
  jobTitle: string;
  postingUrl: string | null;
  stage: ApplicationStage;
  appliedOn: string | null;
  rejectedOn: string | null;
  wasFinalist: boolean;
  runnerUpRank: number | null;
  feedback: string | null;
  notes: string | null;
  isSample: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export async function getApplication(
  userId: string,
  id: string,
  executor: Executor = getDb(),
): Promise<ApplicationDetail | undefined> {
  const [row] = await executor
    .select({
      id: applications.id,
      companyId: applications.companyId,
      companyName: companies.name,
      jobTitle: applications.jobTitle,
      postingUrl: applications.postingUrl,
      stage: applications.stage,
      appliedOn: applications.appliedOn,
      rejectedOn: applications.rejectedOn,
      wasFinalist: applications.wasFinalist,
      runnerUpRank: applications.runnerUpRank,
      feedback: applications.feedback,
      notes: applications.notes,
      isSample: applications.isSample,
      createdAt: applications.createdAt,
      updatedAt: applications.updatedAt,
    })
    .from(applications)
    .innerJoin(companies, eq(companies.id, applications.companyId))
    .where(and(eq(applications.id, id), eq(applications.userId, userId)))
    .limit(1);
  return row;
}

export type StageChange = { id: string; stage: ApplicationStage; changedOn: string };

/** The stages this application went through, oldest first. */
export async function listStageChanges(
  userId: string,
  applicationId: string,
): Promise<StageChange[]> {
  return getDb()
    .select({
      id: applicationStageChanges.id,
      stage: applicationStageChanges.stage,
      changedOn: applicationStageChanges.changedOn,
    })
    .from(applicationStageChanges)
    .where(
      and(
        eq(applicationStageChanges.applicationId, applicationId),
        eq(applicationStageChanges.userId, userId),
      ),
    )
    .orderBy(asc(applicationStageChanges.changedOn), asc(applicationStageChanges.createdAt))
    .limit(200);
}

// ---------------------------------------------------------------------------------------------
// Writes. Each takes the caller's executor so an action can group them in one transaction.

export type NewApplication = {
  /** One of the user's companies… */
  companyId: string | null;
  /** …or the name of a company, found case-insensitively or created. */
  newCompanyName: string | null;
  jobTitle: string;
  postingUrl: string | null;
  stage: ApplicationStage;
  appliedOn: string | null;
  notes: string | null;
};

/**
 * Creates the application and its first stage change. Run it inside a transaction: it writes
 * up to three rows (company, application, stage change).
 */
export async function createApplication(
  executor: Executor,
  userId: string,
  input: NewApplication,
  today = todayIso(),
): Promise<{ id: string; companyId: string }> {
  let companyId: string;
  if (input.companyId) {
    await assertOwned(executor, companies, userId, input.companyId, "The company");
    companyId = input.companyId;
  } else if (input.newCompanyName) {
    companyId = (await findOrCreateCompany(executor, userId, input.newCompanyName)).id;
  } else {
    throw new Error("createApplication needs a company id or a company name");
  }
  // "Applied" happened on the applied date; any later stage is being recorded today.
  const changedOn = input.stage === "applied" ? (input.appliedOn ?? today) : today;
  const [created] = await executor
    .insert(applications)
    .values({
      userId,
      companyId,
      jobTitle: input.jobTitle,
      postingUrl: input.postingUrl,
      stage: input.stage,
      appliedOn: input.appliedOn,
      rejectedOn: input.stage === "rejected" ? changedOn : null,
      notes: input.notes,
    })
    .returning({ id: applications.id });
  if (!created) throw new Error("application insert returned nothing");
  await executor
    .insert(applicationStageChanges)
    .values({ userId, applicationId: created.id, stage: input.stage, changedOn });
  return { id: created.id, companyId };
}

export type ApplicationPatch = {
  jobTitle: string;
  postingUrl: string | null;
  appliedOn: string | null;
  wasFinalist: boolean;
  runnerUpRank: number | null;
  feedback: string | null;
  notes: string | null;
};

/** Returns the id, or undefined when the application is not this user's. */
export async function updateApplication(
  executor: Executor,
  userId: string,
  id: string,
  patch: ApplicationPatch,
): Promise<string | undefined> {
  const [row] = await executor
    .update(applications)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.userId, userId)))
    .returning({ id: applications.id });
  return row?.id;
}

/**
 * Moves the application to `stage` on `changedOn` and records it in the history. Rejected sets
 * rejectedOn (the start of the runner-up window); any other stage clears it. Run it in a
 * transaction. Returns undefined when the application is not this user's.
 */
export async function changeApplicationStage(
  executor: Executor,
  userId: string,
  id: string,
  stage: ApplicationStage,
  changedOn: string,
): Promise<string | undefined> {
  const [row] = await executor
    .update(applications)
    .set({
      stage,
      rejectedOn: stage === "rejected" ? changedOn : null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(applications.id, id), eq(applications.userId, userId)))
    .returning({ id: applications.id });
  if (!row) return undefined;
  await executor
    .insert(applicationStageChanges)
    .values({ userId, applicationId: id, stage, changedOn });
  return row.id;
}

/** Marks the application as just updated (people added), so it rises in the list. */
export async function touchApplication(executor: Executor, userId: string, id: string) {
  await executor
    .update(applications)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(applications.id, id), eq(applications.userId, userId)));
}

/**
 * Deletes the application. The database cascades its stage history and its participants;
 * contacts stay, and their interactions, notes and follow-ups keep existing with the link to
 * this application set to null.
 */
export async function deleteApplication(
  executor: Executor,
  userId: string,
  id: string,
): Promise<string | undefined> {
  const [row] = await executor
    .delete(applications)
    .where(and(eq(applications.id, id), eq(applications.userId, userId)))
    .returning({ id: applications.id });
  return row?.id;
}

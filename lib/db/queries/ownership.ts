import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "@/lib/db/client";
import { notFound } from "@/lib/errors";

type OwnedTable = PgTable & { id: AnyPgColumn; userId: AnyPgColumn };

/**
 * Throws not_found unless every id names a row of `table` owned by `userId`. Used before
 * linking records (an interaction to an application, a person to a process): another user's
 * id and a missing id look the same.
 */
export async function assertOwned(
  executor: Executor,
  table: OwnedTable,
  userId: string,
  ids: string | string[],
  what = "That record",
): Promise<void> {
  const wanted = [...new Set(Array.isArray(ids) ? ids : [ids])];
  if (wanted.length === 0) return;
  const found = await executor
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.userId, userId), inArray(table.id, wanted)));
  if (found.length !== wanted.length) throw notFound(what);
}

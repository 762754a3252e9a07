import { and, gte, lte, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { type TransactionChannel, transactionCounts } from "./tables.js";

export interface CountRow {
  month: string;
  serviceSlug: string;
  online: number;
  other: number;
}

/** The recorded counts (history and agencies' own systems) per month and service, months from `from` to `to` inclusive when given. */
export async function recordedCounts(db: Db, range: { from?: string; to?: string } = {}): Promise<CountRow[]> {
  const rows = await db
    .select({
      month: transactionCounts.month,
      serviceSlug: transactionCounts.serviceSlug,
      online:
        sql<number>`coalesce(sum(${transactionCounts.count}) filter (where ${transactionCounts.channel} = 'online'), 0)`.mapWith(
          Number,
        ),
      other:
        sql<number>`coalesce(sum(${transactionCounts.count}) filter (where ${transactionCounts.channel} = 'other'), 0)`.mapWith(
          Number,
        ),
    })
    .from(transactionCounts)
    .where(
      and(
        range.from ? gte(transactionCounts.month, range.from) : undefined,
        range.to ? lte(transactionCounts.month, range.to) : undefined,
      ),
    )
    .groupBy(transactionCounts.month, transactionCounts.serviceSlug);
  return rows;
}

export interface RecordedCount {
  serviceSlug: string;
  month: string;
  channel: TransactionChannel;
  count: number;
}

/** Records counts, replacing what was recorded for the same service, month and channel. */
export async function recordCounts(db: Db, rows: RecordedCount[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(transactionCounts)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [transactionCounts.serviceSlug, transactionCounts.month, transactionCounts.channel],
        set: { count: sql`excluded.count`, updatedAt: sql`now()` },
      });
  }
}

import { and, desc, gt, gte, max, sql, sum } from "drizzle-orm";
import { BufferedCounter } from "../platform/db/buffered-counter.js";
import type { Db } from "../platform/db/client.js";
import { normalize } from "../platform/text/normalize.js";
import { dohaDate } from "../platform/time/doha.js";
import { searchQueries } from "./tables.js";

/** Longest query text kept in the analytics table. */
const MAX_QUERY = 200;

/** Counts searches and zero-result searches per day, language and normalised query. */
export class SearchAnalytics extends BufferedCounter<{ day: string; locale: string; query: string; zero: boolean }> {
  constructor(db: Db) {
    super(
      (k) => `${k.day}|${k.locale}|${k.zero ? 1 : 0}|${k.query}`,
      async (entries) => {
        const rows = new Map<string, { day: string; locale: string; query: string; searches: number; zeroResults: number }>();
        for (const { key, count } of entries) {
          const id = `${key.day}|${key.locale}|${key.query}`;
          const row = rows.get(id) ?? { day: key.day, locale: key.locale, query: key.query, searches: 0, zeroResults: 0 };
          row.searches += count;
          if (key.zero) row.zeroResults += count;
          rows.set(id, row);
        }
        await db
          .insert(searchQueries)
          .values([...rows.values()])
          .onConflictDoUpdate({
            target: [searchQueries.day, searchQueries.locale, searchQueries.query],
            set: {
              searches: sql`${searchQueries.searches} + excluded.searches`,
              zeroResults: sql`${searchQueries.zeroResults} + excluded.zero_results`,
            },
          });
      },
    );
  }

  record(query: string, locale: string, results: number, at = new Date()): void {
    const q = normalize(query).slice(0, MAX_QUERY);
    if (q) this.add({ day: dohaDate(at), locale, query: q, zero: results === 0 });
  }
}

export interface ZeroResultQuery {
  query: string;
  locale: string;
  searches: number;
}

/** Queries that found nothing, most frequent first, for agencies to fix their content. */
export async function zeroResultQueries(db: Db, limit = 50): Promise<ZeroResultQuery[]> {
  const rows = await db
    .select({
      query: searchQueries.query,
      locale: searchQueries.locale,
      searches: sum(searchQueries.zeroResults).mapWith(Number),
    })
    .from(searchQueries)
    .where(gt(searchQueries.zeroResults, 0))
    .groupBy(searchQueries.query, searchQueries.locale)
    .orderBy(desc(sum(searchQueries.zeroResults)))
    .limit(limit);
  return rows;
}

/** Queries that found nothing on or after `since` (an ISO day), most frequent first, with their last day. */
export async function zeroResultQueriesSince(
  db: Db,
  since: string,
  limit = 5000,
): Promise<(ZeroResultQuery & { lastDay: string })[]> {
  return db
    .select({
      query: searchQueries.query,
      locale: searchQueries.locale,
      searches: sum(searchQueries.zeroResults).mapWith(Number),
      lastDay: max(searchQueries.day).mapWith(String),
    })
    .from(searchQueries)
    .where(and(gt(searchQueries.zeroResults, 0), gte(searchQueries.day, since)))
    .groupBy(searchQueries.query, searchQueries.locale)
    .orderBy(desc(sum(searchQueries.zeroResults)), searchQueries.query)
    .limit(limit);
}

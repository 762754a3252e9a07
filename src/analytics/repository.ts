import { and, gte, lte, sql, sum } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { pageViews } from "./tables.js";

export interface ViewCount {
  path: string;
  locale: string;
  day: string;
  views: number;
}

/** Adds counts to the stored totals; several instances may add to the same row at once. */
export async function addPageViews(db: Db, counts: ViewCount[]): Promise<void> {
  if (counts.length === 0) return;
  await db
    .insert(pageViews)
    .values(counts)
    .onConflictDoUpdate({
      target: [pageViews.path, pageViews.locale, pageViews.day],
      set: { views: sql`${pageViews.views} + excluded.views` },
    });
}

/** Total views between two days (inclusive), both as YYYY-MM-DD; all time when omitted. */
export async function totalPageViews(db: Db, from?: string, to?: string): Promise<number> {
  const conditions = [from ? gte(pageViews.day, from) : undefined, to ? lte(pageViews.day, to) : undefined].filter(
    (c) => c !== undefined,
  );
  const [row] = await db
    .select({ total: sum(pageViews.views) })
    .from(pageViews)
    .where(conditions.length ? and(...conditions) : undefined);
  return Number(row?.total ?? 0);
}

/** Views of one path on each day, newest first. */
export async function viewsOfPath(db: Db, path: string): Promise<ViewCount[]> {
  return db.select().from(pageViews).where(sql`${pageViews.path} = ${path}`).orderBy(sql`${pageViews.day} desc`);
}

/** The first day page views were counted, if any. */
export async function firstCountedDay(db: Db): Promise<Date | undefined> {
  const [row] = await db.select({ day: sql<string | null>`min(${pageViews.day})` }).from(pageViews);
  return row?.day ? new Date(`${row.day}T00:00:00Z`) : undefined;
}

/** Views per month (YYYY-MM) and language, oldest first: for the open data portal's page-view dataset. */
export async function monthlyPageViews(db: Db): Promise<{ month: string; locale: string; views: number }[]> {
  const month = sql<string>`to_char(${pageViews.day}, 'YYYY-MM')`;
  const rows = await db
    .select({ month, locale: pageViews.locale, views: sum(pageViews.views) })
    .from(pageViews)
    .groupBy(month, pageViews.locale)
    .orderBy(month, pageViews.locale);
  return rows.map((r) => ({ month: r.month, locale: r.locale, views: Number(r.views ?? 0) }));
}

import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { datasets } from "./tables.js";

/**
 * What other areas may read of the open data portal. The strategy dashboard
 * computes open data growth (+10%/year) from the datasets published by the
 * end of each year, counted from their `issued` dates.
 */
export async function publishedDatasetsByYear(db: Db): Promise<Array<{ year: number; count: number }>> {
  const rows = await db
    .select({ year: sql<number>`extract(year from ${datasets.issued})::int`, count: sql<number>`count(*)::int` })
    .from(datasets)
    .where(eq(datasets.published, true))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  if (rows.length === 0) return [];
  const first = Number(rows[0]?.year);
  const last = Math.max(Number(rows[rows.length - 1]?.year), new Date().getUTCFullYear());
  const byYear = new Map(rows.map((r) => [Number(r.year), Number(r.count)]));
  const out: Array<{ year: number; count: number }> = [];
  let total = 0;
  for (let year = first; year <= last; year++) {
    total += byYear.get(year) ?? 0;
    out.push({ year, count: total });
  }
  return out;
}

/** The published datasets' pages, for the sitemap. */
export async function publishedDatasetPaths(db: Db): Promise<string[]> {
  const rows = await db
    .select({ slug: datasets.slug })
    .from(datasets)
    .where(eq(datasets.published, true))
    .orderBy(asc(datasets.slug));
  return rows.map((r) => `/opendata/${r.slug}`);
}

/** The published datasets as search indexes them: titles, descriptions, keywords and places in both languages. */
export async function publishedDatasetsForSearch(db: Db): Promise<
  Array<{
    slug: string;
    agency: string;
    title: { ar: string; en: string };
    description: { ar: string; en: string };
    keywords: string;
  }>
> {
  const rows = await db.select().from(datasets).where(eq(datasets.published, true)).orderBy(asc(datasets.slug));
  return rows.map((r) => ({
    slug: r.slug,
    agency: r.agency,
    title: { ar: r.titleAr, en: r.titleEn },
    description: { ar: r.descriptionAr, en: r.descriptionEn },
    keywords: [r.keywordsAr, r.keywordsEn, r.spatialAr, r.spatialEn].join(" | "),
  }));
}

import { and, asc, eq, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { agencies, services } from "../tables.js";

/**
 * Services by their review date: the day they were last reviewed plus a
 * review interval in months. The date is computed here, never stored, so
 * the interval can change without touching a row.
 */

type Bilingual = { ar: string; en: string };

/** The review date of a service, as SQL: last reviewed + `months` (a date). */
function dueOnOf(months: number): SQL<string> {
  return sql<string>`(${services.lastReviewed} + make_interval(months => ${months}))::date`;
}

/** The same, as an ISO day for reading (YYYY-MM-DD, whatever the driver does with dates). */
function dueOnText(months: number): SQL<string> {
  return sql<string>`to_char(${dueOnOf(months)}, 'YYYY-MM-DD')`;
}

export interface ServiceDue {
  id: number;
  slug: string;
  title: Bilingual;
  /** ISO day. */
  lastReviewed: string;
  /** ISO day: last reviewed + the review interval. */
  dueOn: string;
  agency: { slug: string; name: Bilingual };
}

/**
 * The published services of these agencies whose review date is on or
 * before `dueBy` (an ISO day), in one query: by agency, most overdue first.
 */
export async function servicesDueForReview(
  db: Db,
  o: { agencies: string[]; months: number; dueBy: string },
): Promise<ServiceDue[]> {
  if (o.agencies.length === 0) return [];
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      titleAr: services.titleAr,
      titleEn: services.titleEn,
      lastReviewed: services.lastReviewed,
      dueOn: dueOnText(o.months),
      agency: agencies.slug,
      agencyAr: agencies.nameAr,
      agencyEn: agencies.nameEn,
    })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(and(inArray(agencies.slug, o.agencies), eq(services.published, true), lte(dueOnOf(o.months), sql`${o.dueBy}::date`)))
    .orderBy(asc(agencies.slug), asc(dueOnOf(o.months)), asc(services.slug));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: { ar: r.titleAr, en: r.titleEn },
    lastReviewed: r.lastReviewed,
    dueOn: r.dueOn,
    agency: { slug: r.agency, name: { ar: r.agencyAr, en: r.agencyEn } },
  }));
}

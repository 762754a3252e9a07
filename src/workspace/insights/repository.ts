import { and, asc, eq, exists, lt, lte, notExists, type SQL, sql } from "drizzle-orm";
import type { User } from "../../accounts/service.js";
import { userRoles, users } from "../../accounts/tables.js";
import { agencies, services } from "../../catalogue/tables.js";
import type { Db } from "../../platform/db/client.js";
import { contentReviewReminders } from "./tables.js";

/**
 * The workspace reads the catalogue it looks after: services with their
 * review dates, and the words an agency's content is known by. The review
 * date is computed, never stored: last reviewed + the review interval.
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

export interface ReviewItem {
  id: number;
  slug: string;
  title: Bilingual;
  /** ISO day. */
  lastReviewed: string;
  /** ISO day: last reviewed + the review interval. */
  dueOn: string;
}

/** An agency's published services whose review date is on or before `until`, most overdue first. */
export async function servicesDueForReview(db: Db, o: { agency: string; months: number; until: string }): Promise<ReviewItem[]> {
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      titleAr: services.titleAr,
      titleEn: services.titleEn,
      lastReviewed: services.lastReviewed,
      dueOn: dueOnText(o.months),
    })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(and(eq(agencies.slug, o.agency), eq(services.published, true), lte(dueOnOf(o.months), sql`${o.until}::date`)))
    .orderBy(asc(dueOnOf(o.months)), asc(services.slug));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: { ar: r.titleAr, en: r.titleEn },
    lastReviewed: r.lastReviewed,
    dueOn: r.dueOn,
  }));
}

export interface OverdueService extends ReviewItem {
  agency: { slug: string; name: Bilingual };
}

/**
 * Published services past their review date (before `today`) that no
 * reminder has been sent about for that date, of agencies that have at
 * least one editor to tell; by agency, most overdue first.
 */
export async function overdueNotReminded(db: Db, months: number, today: string): Promise<OverdueService[]> {
  const rows = await db
    .select({
      id: services.id,
      slug: services.slug,
      titleAr: services.titleAr,
      titleEn: services.titleEn,
      lastReviewed: services.lastReviewed,
      dueOn: dueOnText(months),
      agency: agencies.slug,
      agencyAr: agencies.nameAr,
      agencyEn: agencies.nameEn,
    })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(
      and(
        eq(services.published, true),
        lt(dueOnOf(months), sql`${today}::date`),
        exists(
          db
            .select({ one: sql`1` })
            .from(userRoles)
            .where(and(eq(userRoles.role, "editor"), eq(userRoles.agency, agencies.slug))),
        ),
        notExists(
          db
            .select({ one: sql`1` })
            .from(contentReviewReminders)
            .where(and(eq(contentReviewReminders.serviceId, services.id), eq(contentReviewReminders.dueOn, dueOnOf(months)))),
        ),
      ),
    )
    .orderBy(asc(agencies.slug), asc(dueOnOf(months)), asc(services.slug));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: { ar: r.titleAr, en: r.titleEn },
    lastReviewed: r.lastReviewed,
    dueOn: r.dueOn,
    agency: { slug: r.agency, name: { ar: r.agencyAr, en: r.agencyEn } },
  }));
}

/**
 * Records the reminders about to be sent; returns the services this call
 * recorded. A row already there (an earlier pass, or another instance at
 * the same moment: the key waits for its transaction) is left out, so
 * nobody is told twice about the same review date.
 */
export async function claimReminders(tx: Db, agency: string, items: { id: number; dueOn: string }[]): Promise<Set<number>> {
  if (items.length === 0) return new Set();
  const rows = await tx
    .insert(contentReviewReminders)
    .values(items.map((i) => ({ serviceId: i.id, dueOn: i.dueOn, agency })))
    .onConflictDoNothing()
    .returning({ serviceId: contentReviewReminders.serviceId });
  return new Set(rows.map((r) => r.serviceId));
}

/** The people holding a role for an agency: its editors are told of reviews due, its approvers of drafts to review. */
export async function staffOf(db: Db, agency: string, role: "editor" | "approver"): Promise<User[]> {
  const rows = await db
    .selectDistinct({ user: users })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(userRoles.agency, agency)));
  return rows.map((r) => r.user);
}

/** The slugs of every service of an agency, published or not (their pages gather feedback while public). */
export async function serviceSlugsOf(db: Db, agency: string): Promise<{ slug: string; title: Bilingual }[]> {
  const rows = await db
    .select({ slug: services.slug, titleAr: services.titleAr, titleEn: services.titleEn })
    .from(services)
    .innerJoin(agencies, eq(services.agencyId, agencies.id))
    .where(eq(agencies.slug, agency))
    .orderBy(asc(services.slug));
  return rows.map((r) => ({ slug: r.slug, title: { ar: r.titleAr, en: r.titleEn } }));
}

/** Each agency's own words: its names, and the titles and keywords of its published services. */
export async function agencyVocabularies(db: Db): Promise<Map<string, string[]>> {
  const [agencyRows, serviceRows] = await Promise.all([
    db
      .select({
        slug: agencies.slug,
        nameAr: agencies.nameAr,
        nameEn: agencies.nameEn,
        shortAr: agencies.shortNameAr,
        shortEn: agencies.shortNameEn,
      })
      .from(agencies),
    db
      .select({
        agency: agencies.slug,
        titleAr: services.titleAr,
        titleEn: services.titleEn,
        keywordsAr: services.keywordsAr,
        keywordsEn: services.keywordsEn,
      })
      .from(services)
      .innerJoin(agencies, eq(services.agencyId, agencies.id))
      .where(eq(services.published, true)),
  ]);
  const texts = new Map<string, string[]>();
  for (const a of agencyRows) texts.set(a.slug, [a.nameAr, a.nameEn, a.shortAr, a.shortEn]);
  for (const s of serviceRows) texts.get(s.agency)?.push(s.titleAr, s.titleEn, s.keywordsAr, s.keywordsEn);
  return texts;
}

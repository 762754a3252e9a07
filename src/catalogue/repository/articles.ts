import { asc, count, desc, eq, gte } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { agencies, events, initiatives, news } from "../tables.js";
import type { Article, EventItem, Initiative, NewsItem, Page } from "../types.js";

type ArticleRow = {
  slug: string;
  titleAr: string;
  titleEn: string;
  summaryAr: string;
  summaryEn: string;
  bodyAr: string;
  bodyEn: string;
};

function toArticle(row: ArticleRow, agency: { slug: string; nameAr: string; nameEn: string } | null): Article {
  return {
    slug: row.slug,
    title: { ar: row.titleAr, en: row.titleEn },
    summary: { ar: row.summaryAr, en: row.summaryEn },
    body: { ar: row.bodyAr, en: row.bodyEn },
    agency: agency ? { slug: agency.slug, name: { ar: agency.nameAr, en: agency.nameEn } } : undefined,
  };
}

const agencyColumns = { slug: agencies.slug, nameAr: agencies.nameAr, nameEn: agencies.nameEn };

/** News, newest first. */
export async function listNews(db: Db, page: number, pageSize: number): Promise<Page<NewsItem>> {
  const [rows, [total]] = await Promise.all([
    db
      .select({ item: news, agency: agencyColumns })
      .from(news)
      .leftJoin(agencies, eq(news.agencyId, agencies.id))
      .orderBy(desc(news.publishedAt), desc(news.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(news),
  ]);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({ ...toArticle(r.item, r.agency), publishedAt: r.item.publishedAt })),
  };
}

export async function findNews(db: Db, slug: string): Promise<NewsItem | undefined> {
  const [r] = await db
    .select({ item: news, agency: agencyColumns })
    .from(news)
    .leftJoin(agencies, eq(news.agencyId, agencies.id))
    .where(eq(news.slug, slug));
  return r ? { ...toArticle(r.item, r.agency), publishedAt: r.item.publishedAt } : undefined;
}

function toEvent(r: {
  item: typeof events.$inferSelect;
  agency: { slug: string; nameAr: string; nameEn: string } | null;
}): EventItem {
  return {
    ...toArticle(r.item, r.agency),
    place: { ar: r.item.placeAr, en: r.item.placeEn },
    startsAt: r.item.startsAt,
    endsAt: r.item.endsAt,
  };
}

/** Events that have not ended yet, soonest first (all events when `includePast`). */
export async function listEvents(db: Db, includePast = false): Promise<EventItem[]> {
  const rows = await db
    .select({ item: events, agency: agencyColumns })
    .from(events)
    .leftJoin(agencies, eq(events.agencyId, agencies.id))
    .where(includePast ? undefined : gte(events.endsAt, new Date()))
    .orderBy(asc(events.startsAt));
  return rows.map(toEvent);
}

export async function findEvent(db: Db, slug: string): Promise<EventItem | undefined> {
  const [r] = await db
    .select({ item: events, agency: agencyColumns })
    .from(events)
    .leftJoin(agencies, eq(events.agencyId, agencies.id))
    .where(eq(events.slug, slug));
  return r ? toEvent(r) : undefined;
}

export async function listInitiatives(db: Db): Promise<Initiative[]> {
  const rows = await db
    .select({ item: initiatives, agency: agencyColumns })
    .from(initiatives)
    .leftJoin(agencies, eq(initiatives.agencyId, agencies.id))
    .orderBy(desc(initiatives.since), asc(initiatives.id));
  return rows.map((r) => ({ ...toArticle(r.item, r.agency), since: r.item.since }));
}

export async function findInitiative(db: Db, slug: string): Promise<Initiative | undefined> {
  const [r] = await db
    .select({ item: initiatives, agency: agencyColumns })
    .from(initiatives)
    .leftJoin(agencies, eq(initiatives.agencyId, agencies.id))
    .where(eq(initiatives.slug, slug));
  return r ? { ...toArticle(r.item, r.agency), since: r.item.since } : undefined;
}

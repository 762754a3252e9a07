/**
 * Completed e-transactions per catalogue service and month: the counts
 * recorded in transaction_counts (history, agencies' own systems) plus the
 * cases decided on the portal, counted live. What other areas may read
 * (the facts page, the strategy dashboard, the open data catalogue).
 */
import { servicesBySlugs } from "../catalogue/service.js";
import { completedCasesByMonth } from "../eservices/service.js";
import type { Db } from "../platform/db/client.js";
import { addMonths, completeMonthsBefore, monthStart } from "./months.js";
import { recordedCounts } from "./repository.js";

export interface ServiceMonth {
  /** YYYY-MM */
  month: string;
  serviceSlug: string;
  titleAr: string;
  titleEn: string;
  /** Completed online: on the portal, or recorded by the agency as online. */
  online: number;
  /** Completed through another channel (a service centre, a counter, the phone). */
  other: number;
}

export interface MonthRange {
  /** The first month (YYYY-MM), inclusive. */
  from?: string | undefined;
  /** The last month (YYYY-MM), inclusive. */
  to?: string | undefined;
}

const EARLIEST = new Date(Date.UTC(1900, 0, 1));
const LATEST = new Date(Date.UTC(9999, 0, 1));

/** Completed e-transactions per month and service, oldest month first, most used service first within a month. */
export async function monthlyTransactionsByService(db: Db, range: MonthRange = {}): Promise<ServiceMonth[]> {
  const [recorded, live] = await Promise.all([
    recordedCounts(db, range),
    completedCasesByMonth(
      db,
      range.from ? monthStart(range.from) : EARLIEST,
      range.to ? monthStart(addMonths(range.to, 1)) : LATEST,
    ),
  ]);
  const key = (month: string, slug: string) => `${month} ${slug}`;
  const rows = new Map<string, { month: string; serviceSlug: string; online: number; other: number }>();
  for (const r of recorded) rows.set(key(r.month, r.serviceSlug), { ...r });
  for (const c of live) {
    const k = key(c.month, c.service);
    const row = rows.get(k) ?? { month: c.month, serviceSlug: c.service, online: 0, other: 0 };
    row.online += c.completed;
    rows.set(k, row);
  }
  const slugs = [...new Set([...rows.values()].map((r) => r.serviceSlug))];
  const titles = new Map((await servicesBySlugs(db, slugs)).map((s) => [s.slug, s.title]));
  return [...rows.values()]
    .map((r) => {
      const title = titles.get(r.serviceSlug);
      return { ...r, titleAr: title?.ar ?? r.serviceSlug, titleEn: title?.en ?? r.serviceSlug };
    })
    .sort(
      (a, b) =>
        a.month.localeCompare(b.month) || b.online + b.other - (a.online + a.other) || a.serviceSlug.localeCompare(b.serviceSlug),
    );
}

export interface ServiceTotal {
  serviceSlug: string;
  titleAr: string;
  titleEn: string;
  online: number;
  other: number;
  total: number;
}

/** The services most used in a month, most used first (ties by slug): the one ranking the facts page and the home page show. */
export function rankServices(rows: ServiceMonth[], month: string, count: number): ServiceTotal[] {
  return rows
    .filter((r) => r.month === month)
    .map((r) => ({
      serviceSlug: r.serviceSlug,
      titleAr: r.titleAr,
      titleEn: r.titleEn,
      online: r.online,
      other: r.other,
      total: r.online + r.other,
    }))
    .filter((r) => r.total > 0)
    .sort((a, b) => b.total - a.total || a.serviceSlug.localeCompare(b.serviceSlug))
    .slice(0, count);
}

/** The most used services of the last complete month (the facts page's "top services"), most used first. */
export async function mostUsedServices(db: Db, count: number, now = new Date()): Promise<ServiceTotal[]> {
  const month = completeMonthsBefore(now, 1)[0] ?? "";
  return rankServices(await monthlyTransactionsByService(db, { from: month, to: month }), month, count);
}

/** The change from one figure to the next, as a share (the strategy dashboard's growth measures). */
export { change } from "./months.js";

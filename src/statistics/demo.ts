import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { completeMonthsBefore } from "./months.js";
import { type RecordedCount, recordCounts } from "./repository.js";

/**
 * The demo's transaction history: a year of completed e-transactions per
 * service up to last month, about 375,000 a month in all. Each service has
 * a usual monthly volume, a share done online that grows a little over the
 * year, a season (travel permits peak in the summer holidays) and some
 * noise from a fixed seed, so every demo database holds the same figures.
 */
interface DemoService {
  slug: string;
  /** Completed transactions in an ordinary month. */
  monthly: number;
  /** Share done online at the start of the year; it grows by `gain` over the year. */
  online: number;
  gain: number;
  /** Busier in the summer months (June to August) by this fraction. */
  summer?: number;
}

const SERVICES: DemoService[] = [
  { slug: "apply-for-exit-permit", monthly: 96_000, online: 0.9, gain: 0.04, summer: 0.35 },
  { slug: "renew-residence-permit", monthly: 64_000, online: 0.78, gain: 0.06 },
  { slug: "customs-duty-calculation", monthly: 43_000, online: 1, gain: 0 },
  { slug: "medical-commission-registration", monthly: 35_000, online: 0.7, gain: 0.08 },
  { slug: "apply-for-visitor-visa", monthly: 24_000, online: 0.82, gain: 0.05, summer: 0.2 },
  { slug: "apply-for-citizen-passport", monthly: 17_000, online: 0.45, gain: 0.08, summer: 0.15 },
  { slug: "submit-customs-declaration", monthly: 15_000, online: 1, gain: 0 },
  { slug: "commercial-registration", monthly: 13_000, online: 0.55, gain: 0.07 },
  { slug: "attest-commercial-documents", monthly: 12_000, online: 0.3, gain: 0.05 },
  { slug: "clear-personal-shipment", monthly: 10_000, online: 0.4, gain: 0.06 },
  { slug: "cancel-residence-permit", monthly: 9_000, online: 0.5, gain: 0.05 },
  { slug: "request-travel-movements-certificate", monthly: 8_000, online: 0, gain: 0 },
  { slug: "add-newborn-to-residence", monthly: 6_500, online: 0.6, gain: 0.1 },
  { slug: "get-statement-of-contributions", monthly: 6_000, online: 0.85, gain: 0.05 },
  { slug: "labour-complaint", monthly: 5_500, online: 0.35, gain: 0.1 },
  { slug: "apply-for-fire-safety-certificate", monthly: 4_500, online: 0.35, gain: 0.05 },
  { slug: "request-credit-report", monthly: 4_000, online: 0.7, gain: 0.05 },
  { slug: "pay-zakat-online", monthly: 3_500, online: 0.75, gain: 0.05 },
  { slug: "object-to-tax-assessment", monthly: 1_500, online: 0, gain: 0 },
];

/** A small seeded generator (mulberry32): the same numbers for the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The demo's counts for the twelve months before `now`'s month. */
export function demoTransactionCounts(now: Date): RecordedCount[] {
  const random = seeded(20_260_101);
  const months = completeMonthsBefore(now, 12);
  const rows: RecordedCount[] = [];
  for (const [i, month] of months.entries()) {
    const calendarMonth = Number(month.slice(5, 7));
    const progress = i / (months.length - 1);
    for (const s of SERVICES) {
      const season = s.summer && calendarMonth >= 6 && calendarMonth <= 8 ? 1 + s.summer : 1;
      const trend = 0.94 + 0.08 * progress;
      const noise = 0.95 + 0.1 * random();
      const total = Math.round(s.monthly * season * trend * noise);
      const share = Math.min(1, s.online + s.gain * progress);
      const online = Math.round(total * share);
      if (online > 0) rows.push({ serviceSlug: s.slug, month, channel: "online", count: online });
      if (total > online) rows.push({ serviceSlug: s.slug, month, channel: "other", count: total - online });
    }
  }
  return rows;
}

/** Loads the demo transaction history into a database, once (even with several instances starting together). */
export function loadDemoTransactions(db: Db, now = new Date()): Promise<boolean> {
  return runOnce(db, "demo-transactions", (tx) => recordCounts(tx, demoTransactionCounts(now)));
}

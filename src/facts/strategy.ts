/**
 * The strategy dashboard: each measure the digital government strategy sets,
 * computed from the live data, against its target.
 */
import { countServices } from "../catalogue/service.js";
import { publishedDatasetsByYear } from "../opendata/service.js";
import { participationFigures } from "../participation/figures.js";
import type { Db } from "../platform/db/client.js";
import { transactionFigures } from "../statistics/figures.js";
import { change } from "../statistics/service.js";

export const STRATEGY_TARGETS = {
  servicesOnline: 1,
  fullyOnline: 0.5,
  transactionsOnline: 0.8,
  participationGrowth: 0.2,
  openDataGrowth: 0.1,
} as const;

export type MeasureId = keyof typeof STRATEGY_TARGETS;

export interface StrategyMeasure {
  id: MeasureId;
  /** share: a part of a whole (target: at least this share); growth: a change over a year (target: at least this growth). */
  kind: "share" | "growth";
  /** undefined when there is not enough data to compute it (no services, no year before). */
  value: number | undefined;
  target: number;
  met: boolean | undefined;
  /** What the value was computed from: the part and the whole, or this year's and the year before's figures. */
  part: number;
  whole: number;
}

function measure(id: MeasureId, kind: StrategyMeasure["kind"], part: number, whole: number): StrategyMeasure {
  const target = STRATEGY_TARGETS[id];
  const value = kind === "share" ? (whole > 0 ? part / whole : undefined) : change(whole, part);
  return { id, kind, value, target, met: value === undefined ? undefined : value >= target - 1e-9, part, whole };
}

/** Published datasets now against the end of the year before (from the open data catalogue's yearly counts). */
function openDataYears(byYear: { year: number; count: number }[], now: Date): { current: number; before: number } {
  const year = now.getUTCFullYear();
  const upTo = (y: number) => byYear.filter((r) => r.year <= y).at(-1)?.count ?? 0;
  return { current: upTo(year), before: upTo(year - 1) };
}

/** Every measure of the dashboard, in the strategy's order. */
export async function strategyMeasures(db: Db, now = new Date()): Promise<StrategyMeasure[]> {
  const [services, transactions, participation, datasets] = await Promise.all([
    countServices(db),
    transactionFigures(db, now),
    participationFigures(db, now),
    publishedDatasetsByYear(db),
  ]);
  const openData = openDataYears(datasets, now);
  return [
    measure("servicesOnline", "share", services.online, services.total),
    measure("fullyOnline", "share", services.fullyOnline, services.total),
    measure("transactionsOnline", "share", transactions.year.online, transactions.year.total),
    measure("participationGrowth", "growth", participation.lastYear, participation.yearBefore),
    measure("openDataGrowth", "growth", openData.current, openData.before),
  ];
}

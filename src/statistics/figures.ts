import type { Db } from "../platform/db/client.js";
import { addMonths, change, completeMonthsBefore } from "./months.js";
import { monthlyTransactionsByService, rankServices, type ServiceTotal } from "./service.js";

export type { ServiceTotal };

export interface MonthTotal {
  /** YYYY-MM */
  month: string;
  online: number;
  other: number;
  total: number;
  /** The month before's total. */
  previous: number;
  /** The change from the month before, as a fraction; undefined when the month before had none. */
  change: number | undefined;
}

export interface TransactionFigures {
  /** The last twelve complete months, oldest first. */
  months: MonthTotal[];
  /** The latest complete month. */
  latest: MonthTotal | undefined;
  /** The most used services of the latest month, most used first. */
  top: ServiceTotal[];
  /** The twelve months together. */
  year: { online: number; other: number; total: number };
  /** Share of the twelve months' transactions done online; undefined without any. */
  onlineShare: number | undefined;
}

/** Completed e-transactions for the facts page and the strategy dashboard: the twelve months before `now`'s month. */
export async function transactionFigures(db: Db, now = new Date(), topCount = 5): Promise<TransactionFigures> {
  const months = completeMonthsBefore(now, 12);
  const first = months[0] ?? "";
  const last = months[months.length - 1] ?? "";
  const rows = await monthlyTransactionsByService(db, { from: addMonths(first, -1), to: last });
  const totals = new Map<string, { online: number; other: number }>();
  for (const r of rows) {
    const t = totals.get(r.month) ?? { online: 0, other: 0 };
    t.online += r.online;
    t.other += r.other;
    totals.set(r.month, t);
  }
  const totalOf = (month: string) => {
    const t = totals.get(month);
    return t ? t.online + t.other : 0;
  };
  const series: MonthTotal[] = months.map((month) => {
    const t = totals.get(month) ?? { online: 0, other: 0 };
    const previous = totalOf(addMonths(month, -1));
    const total = t.online + t.other;
    return { month, online: t.online, other: t.other, total, previous, change: change(previous, total) };
  });
  const top = rankServices(rows, last, topCount);
  const year = series.reduce((y, m) => ({ online: y.online + m.online, other: y.other + m.other, total: y.total + m.total }), {
    online: 0,
    other: 0,
    total: 0,
  });
  return {
    months: series,
    latest: series[series.length - 1],
    top,
    year,
    onlineShare: year.total > 0 ? year.online / year.total : undefined,
  };
}

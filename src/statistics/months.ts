/** Months as YYYY-MM strings (UTC), and the change from one month to the next. */

export const monthOf = (d: Date): string => d.toISOString().slice(0, 7);

/** The first instant of a YYYY-MM month (UTC). */
export function monthStart(month: string): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1));
}

/** The month `offset` months from `month` (negative: earlier). */
export function addMonths(month: string, offset: number): string {
  const d = monthStart(month);
  return monthOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1)));
}

/** The `count` complete months before `now`'s month, oldest first. */
export function completeMonthsBefore(now: Date, count: number): string[] {
  const current = monthOf(now);
  const out: string[] = [];
  for (let i = count; i >= 1; i--) out.push(addMonths(current, -i));
  return out;
}

/**
 * The change from `before` to `after` as a fraction (0.1 is 10% more);
 * undefined when there was nothing before (a change from zero has no
 * percentage).
 */
export function change(before: number, after: number): number | undefined {
  if (before === 0) return undefined;
  return (after - before) / before;
}

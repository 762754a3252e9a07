/** Friday and Saturday are the weekend (getUTCDay 5 and 6). */
const WEEKEND = new Set([5, 6]);
/** Qatar keeps UTC+3 all year (no daylight saving), so weekdays are counted in its time. */
const OFFSET_MS = 3 * 60 * 60 * 1000;

/**
 * The moment `days` working days after `from` (Sunday to Thursday), at the
 * same time of day. Public holidays are not counted out: agencies set
 * their targets with that margin.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const local = new Date(from.getTime() + OFFSET_MS);
  let left = days;
  while (left > 0) {
    local.setUTCDate(local.getUTCDate() + 1);
    if (!WEEKEND.has(local.getUTCDay())) left--;
  }
  return new Date(local.getTime() - OFFSET_MS);
}

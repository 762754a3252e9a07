import { dohaWallClock, fromDohaWallClock } from "./doha.js";

/** Friday and Saturday are the weekend (getUTCDay 5 and 6 of Doha's wall clock). */
const WEEKEND = new Set([5, 6]);

/**
 * The moment `days` working days after `from` (Sunday to Thursday, counted in
 * Doha), at the same time of day. Public holidays are not counted out:
 * agencies set their targets with that margin.
 */
export function addWorkingDays(from: Date, days: number): Date {
  const local = dohaWallClock(from);
  let left = days;
  while (left > 0) {
    local.setUTCDate(local.getUTCDate() + 1);
    if (!WEEKEND.has(local.getUTCDay())) left--;
  }
  return fromDohaWallClock(local);
}

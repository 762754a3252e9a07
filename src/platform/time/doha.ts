/**
 * Time in Doha: the one module for Qatar's calendar days and moments.
 *
 * Qatar keeps UTC+3 all year (no daylight saving), so a Doha day is a fixed
 * 24-hour window: 2026-11-23 in Doha runs from 2026-11-22T21:00Z to
 * 2026-11-23T21:00Z. A "day" here is always an ISO calendar day
 * (YYYY-MM-DD) as people in Qatar count it; "today" is never the UTC date
 * (between 00:00 and 03:00 in Doha the two differ by a day).
 */

/** Doha's offset from UTC, all year. */
export const DOHA_OFFSET_MS = 3 * 3_600_000;
/** The IANA name of Doha's time zone, for Intl formatters. */
export const DOHA_TIME_ZONE = "Asia/Qatar";

const DAY_MS = 86_400_000;

/**
 * Doha's wall clock at a moment, as a Date whose UTC fields read as the
 * clock in Doha (getUTCDay, getUTCHours…): for weekday and hour arithmetic.
 * `fromDohaWallClock` turns such a Date back into the moment.
 */
export function dohaWallClock(at: Date): Date {
  return new Date(at.getTime() + DOHA_OFFSET_MS);
}

/** The moment a Doha wall-clock Date (see `dohaWallClock`) stands for. */
export function fromDohaWallClock(wall: Date): Date {
  return new Date(wall.getTime() - DOHA_OFFSET_MS);
}

/** The Doha calendar day (YYYY-MM-DD) a moment falls on. */
export function dohaDate(at: Date): string {
  return dohaWallClock(at).toISOString().slice(0, 10);
}

/** Today in Doha, as YYYY-MM-DD. */
export function dohaToday(now: Date = new Date()): string {
  return dohaDate(now);
}

/** A YYYY-MM-DD day moved by whole days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (YYYY-MM-DD both): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The moment a Doha day starts (00:00 in Doha), or that of the day `plusDays` later. */
export function dohaDayStart(day: string, plusDays = 0): Date {
  const start = dohaMoment(day, "00:00");
  start.setUTCDate(start.getUTCDate() + plusDays);
  return start;
}

/**
 * The moment of a Doha day at a Doha time of day (HH:MM, 00:00 when not
 * given). An invalid day or time gives an invalid Date (check with
 * `Number.isNaN(d.getTime())`).
 */
export function dohaMoment(day: string, time = "00:00"): Date {
  return new Date(`${day}T${time}:00+03:00`);
}

/** A moment inside a Doha day (noon), for showing the day as a date in any time zone's formatter. */
export function dohaNoon(day: string): Date {
  return dohaMoment(day, "12:00");
}

/** A moment as a Doha date and time the way a datetime-local field holds it: "YYYY-MM-DDTHH:MM". */
export function dohaDateTimeLocal(at: Date): string {
  return dohaWallClock(at).toISOString().slice(0, 16);
}

/** The moment of a Doha "YYYY-MM-DDTHH:MM" (see `dohaDateTimeLocal`); an invalid Date when it is not one. */
export function fromDohaDateTimeLocal(value: string): Date {
  return new Date(`${value}:00+03:00`);
}

/** A moment in Doha as "YYYY-MM-DD HH:MM", which spreadsheets read as a date and time. */
export function formatDohaMinute(at: Date): string {
  return dohaDateTimeLocal(at).replace("T", " ");
}

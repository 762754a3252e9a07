import { addDays, dohaMoment, dohaToday, dohaWallClock } from "../platform/time/doha.js";
import type { WeekHours } from "./tables.js";

/**
 * A centre's calendar: which days it is open and the slots of a service's
 * day. Pure functions over the centre's hours and closures; every time is a
 * Doha wall-clock time, every day a Doha calendar day.
 */

/** "07:30-12:00" → minutes after midnight; undefined when it is not a period that ends after it starts. */
export function readPeriod(text: string): { from: number; to: number } | undefined {
  const m = /^\s*([01]\d|2[0-3]):([0-5]\d)\s*-\s*([01]\d|2[0-4]):([0-5]\d)\s*$/.exec(text);
  if (!m) return undefined;
  const from = Number(m[1]) * 60 + Number(m[2]);
  const to = Number(m[3]) * 60 + Number(m[4]);
  if (to > 24 * 60 || to <= from) return undefined;
  return { from, to };
}

/** A weekday's periods as one line ("07:30-12:00, 16:00-20:00"); undefined when any part is not a period or periods overlap. */
export function readDayHours(line: string): string[] | undefined {
  const parts = line
    .split(/[,،;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const periods = parts.map(readPeriod);
  if (periods.some((p) => !p)) return undefined;
  const sorted = (periods as { from: number; to: number }[])
    .map((p, i) => ({ ...p, text: parts[i] as string }))
    .sort((a, b) => a.from - b.from);
  for (let i = 1; i < sorted.length; i++)
    if ((sorted[i] as { from: number }).from < (sorted[i - 1] as { to: number }).to) return undefined;
  return sorted.map((p) => `${hhmm(p.from)}-${hhmm(p.to)}`);
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/** The weekday (0 Sunday … 6 Saturday) of a Doha day. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T12:00:00Z`).getUTCDay();
}

export interface CentreCalendar {
  hours: WeekHours;
  /** Days it is closed (YYYY-MM-DD). */
  closed: ReadonlySet<string>;
  bookAheadDays: number;
}

/** The days people may book now: today to today + bookAheadDays, open and not closed. */
export function bookableDays(cal: CentreCalendar, now: Date = new Date()): string[] {
  const today = dohaToday(now);
  const days: string[] = [];
  for (let i = 0; i <= cal.bookAheadDays; i++) {
    const day = addDays(today, i);
    if (isOpenDay(cal, day)) days.push(day);
  }
  return days;
}

export function isOpenDay(cal: CentreCalendar, day: string): boolean {
  if (cal.closed.has(day)) return false;
  const periods = cal.hours[String(weekdayOf(day)) as keyof WeekHours] ?? [];
  return periods.length > 0;
}

/**
 * The start times of a service's slots on a day: from each opening period's
 * start, every `minutes`, while a whole visit fits before the period ends.
 * Only times still ahead of `now` are given. Empty on a closed day.
 */
export function slotStarts(cal: CentreCalendar, day: string, minutes: number, now: Date = new Date()): Date[] {
  if (!isOpenDay(cal, day)) return [];
  const periods = cal.hours[String(weekdayOf(day)) as keyof WeekHours] ?? [];
  const starts: Date[] = [];
  for (const text of periods) {
    const p = readPeriod(text);
    if (!p) continue;
    for (let t = p.from; t + minutes <= p.to; t += minutes) {
      const at = dohaMoment(day, hhmm(t));
      if (at.getTime() > now.getTime()) starts.push(at);
    }
  }
  return starts;
}

/** True when `at` is the start of one of the service's slots on its day, within the days people may book now. */
export function isSlotStart(cal: CentreCalendar, at: Date, minutes: number, now: Date = new Date()): boolean {
  const day = dohaWallClock(at).toISOString().slice(0, 10);
  if (!bookableDays(cal, now).includes(day)) return false;
  return slotStarts(cal, day, minutes, now).some((s) => s.getTime() === at.getTime());
}

import { intlLocale, type Locale, timeZone } from "../platform/i18n/locales.js";
import type { Translator } from "../platform/i18n/messages.js";
import { addDays, dohaMoment, dohaNoon } from "../platform/time/doha.js";
import { readPeriod } from "./calendar.js";
import type { WeekHours } from "./tables.js";

/** Dates and times of appointments in words, in Doha time, in the portal's way of writing them. */

/** A Sunday (2026-01-04): the week's days follow it, and periods' clock times are read on it. */
const A_SUNDAY = "2026-01-04";

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale[locale], { timeZone, ...options });
    formats.set(key, f);
  }
  return f;
}

/** "07:15" / "7:15 ص": the time of day in Doha. */
export function timeOfDay(at: Date, locale: Locale): string {
  return format(locale, { hour: "2-digit", minute: "2-digit" }).format(at);
}

/** "Sunday" / "الأحد": the weekday of a Doha day. */
export function weekdayName(day: string, locale: Locale): string {
  return format(locale, { weekday: "long" }).format(dohaNoon(day));
}

/** "Sunday, 13 December 2026" / "الأحد، 13 ديسمبر 2026". */
export function dayInWords(day: string, locale: Locale): string {
  return format(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(dohaNoon(day));
}

/** A time of a Doha day as the radios and addresses carry it: "07:15". */
export function clockOf(at: Date): string {
  return new Date(at.getTime() + 3 * 3_600_000).toISOString().slice(11, 16);
}

/** A day's opening periods in words: "07:00 to 13:00 and 16:00 to 20:00", or "Closed". */
export function periodsInWords(periods: readonly string[], tr: Translator): string {
  const parts = periods.flatMap((text) => {
    const p = readPeriod(text);
    if (!p) return [];
    const [from, to] = text.split("-").map((t) => dohaMoment(A_SUNDAY, t.trim())) as [Date, Date];
    return [tr.t("booking.centres.period", { from: timeOfDay(from, tr.locale), to: timeOfDay(to, tr.locale) })];
  });
  if (parts.length === 0) return tr.t("booking.centres.closed");
  return new Intl.ListFormat(intlLocale[tr.locale], { type: "conjunction" }).format(parts);
}

/** The week's hours, Sunday first (Qatar's working week), each weekday named. */
export function weekInWords(hours: WeekHours, tr: Translator): { day: string; hours: string }[] {
  return (["0", "1", "2", "3", "4", "5", "6"] as const).map((d, i) => ({
    day: weekdayName(addDays(A_SUNDAY, i), tr.locale),
    hours: periodsInWords(hours[d] ?? [], tr),
  }));
}

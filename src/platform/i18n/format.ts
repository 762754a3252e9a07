import { intlLocale, type Locale, timeZone } from "./locales.js";

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions, calendar?: string): Intl.DateTimeFormat {
  const key = `d|${locale}|${calendar ?? ""}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(calendarTag(locale, calendar) ?? intlLocale[locale], { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

/** The Intl tag of a language with a calendar added to its Unicode extension. */
function calendarTag(locale: Locale, calendar?: string): string | undefined {
  if (!calendar) return undefined;
  const tag = intlLocale[locale];
  return tag.includes("-u-") ? tag.replace("-u-", `-u-ca-${calendar}-`) : `${tag}-u-ca-${calendar}`;
}

/** "22 November 2026" / "22 نوفمبر 2026". */
export function formatDate(date: Date, locale: Locale): string {
  return dateFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** "November 2026" / "نوفمبر 2026". */
export function formatMonth(date: Date, locale: Locale): string {
  return dateFormat(locale, { month: "long", year: "numeric" }).format(date);
}

/** "22 November 2026, 14:05". */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateFormat(locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** The same day in the Hijri (Umm al-Qura) calendar: "2 Jumada II 1448 AH". */
export function formatHijri(date: Date, locale: Locale): string {
  return dateFormat(locale, { day: "numeric", month: "long", year: "numeric" }, "islamic-umalqura").format(date);
}

export function formatNumber(value: number, locale: Locale, options: Intl.NumberFormatOptions = {}): string {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(intlLocale[locale], options);
    cache.set(key, f);
  }
  return f.format(value);
}

/** A day with its weekday, in Doha: "Sunday, 20 December 2026" / "الأحد، 20 ديسمبر 2026". */
export function formatWeekdayDate(date: Date, locale: Locale): string {
  return dateFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(date);
}

/** A time of day in Doha as each language writes it: "08:15" / "8:15 ص". */
export function formatTime(date: Date, locale: Locale): string {
  return dateFormat(locale, { hour: locale === "ar" ? "numeric" : "2-digit", minute: "2-digit", hour12: locale === "ar" }).format(
    date,
  );
}

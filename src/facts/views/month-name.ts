import { formatMonth } from "../../platform/i18n/format.js";
import type { Locale } from "../../platform/i18n/locales.js";

/** A month (YYYY-MM) by name in the page's language ("October 2026", "أكتوبر 2026"). */
export function monthName(month: string, locale: Locale): string {
  // The middle of the month: the same month in any time zone.
  return formatMonth(new Date(`${month}-15T00:00:00Z`), locale);
}

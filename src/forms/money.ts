import { formatNumber } from "../platform/i18n/format.js";
import type { Locale } from "../platform/i18n/locales.js";
import { type Translator, translator } from "../platform/i18n/messages.js";

/** An amount in Qatari riyals, in the language's digits. */
export function money(amount: number, locale: Locale, tr: Translator): string {
  return tr.t("forms.money", {
    amount: formatNumber(amount, locale, { minimumFractionDigits: 0, maximumFractionDigits: 2 }),
  });
}

/** An amount as each language writes it, for messages read in either. */
export function moneyBoth(amount: number | string): { ar: string; en: string } {
  return { ar: money(Number(amount), "ar", translator("ar")), en: money(Number(amount), "en", translator("en")) };
}

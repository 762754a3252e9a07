/** The portal's languages: Arabic first (served at /), English under /en. */
export const locales = ["ar", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ar";

export const direction: Record<Locale, "rtl" | "ltr"> = { ar: "rtl", en: "ltr" };

/** BCP 47 tags handed to Intl: Qatar's conventions, Western digits in both languages. */
export const intlLocale: Record<Locale, string> = { ar: "ar-QA-u-nu-latn", en: "en-GB" };

/** The portal's time zone: dates are shown as a person in the country sees them. */
export const timeZone = "Asia/Qatar";

export function isLocale(value: unknown): value is Locale {
  return value === "ar" || value === "en";
}

export function otherLocale(locale: Locale): Locale {
  return locale === "ar" ? "en" : "ar";
}

/** URL prefix of a language: "" for Arabic, "/en" for English. */
export function localePrefix(locale: Locale): string {
  return locale === defaultLocale ? "" : `/${locale}`;
}

/** The language a URL path is in, from its prefix. */
export function localeOfPath(path: string): Locale {
  return /^\/en(?:[/?#]|$)/.test(path) ? "en" : "ar";
}

/** The path without its language prefix, always starting with "/". */
export function stripLocale(path: string): string {
  if (localeOfPath(path) === "en") {
    const rest = path.slice(3);
    return rest.startsWith("/") ? rest : `/${rest}`;
  }
  return path;
}

/** A language-neutral path ("/about") as an address in the given language ("/en/about"). */
export function localizePath(locale: Locale, path: string): string {
  const prefix = localePrefix(locale);
  if (!prefix) return path;
  return path === "/" ? prefix : path.startsWith("/?") ? `${prefix}${path.slice(1)}` : `${prefix}${path}`;
}

/** The same page in another language: keeps the path and the query. */
export function switchLocale(url: string, to: Locale): string {
  return localizePath(to, stripLocale(url));
}

import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { formatDate, formatHijri, formatNumber } from "../i18n/format.js";
import { direction, type Locale, localizePath, otherLocale, switchLocale } from "../i18n/locales.js";
import type { MessageValues, RichValues, Translator } from "../i18n/messages.js";

/** A link of the main navigation; `path` is language-neutral ("/about"). */
export interface NavItem {
  path: string;
  labelKey: string;
}

/** What every component may know about the request it renders for. */
export interface PageContextValue {
  locale: Locale;
  dir: "rtl" | "ltr";
  tr: Translator;
  /** The request's address as the visitor typed it (with language prefix and query). */
  url: string;
  /** The anti-forgery token to put in every state-changing form. */
  csrfToken: string;
  navigation: NavItem[];
  /** The fingerprinted address of a static asset ("css/hukoomi.css"). */
  asset(name: string): string;
  /** The signed-in person's name in the page's language, when someone is signed in. */
  viewerName?: string | undefined;
  /**
   * Dates in a language other than the portal's two (the workers' portal's forms): the page's
   * own way of writing a day, in place of the locale's.
   */
  formatDay?: ((d: Date) => string) | undefined;
}

export const PageContext = createContext<PageContextValue | null>(null);

/** Everything a view needs to speak the visitor's language. */
export function usePage() {
  const ctx = useContext(PageContext);
  if (!ctx) throw new Error("usePage() outside a page render");
  return helpersFor(ctx);
}

export function helpersFor(ctx: PageContextValue) {
  const { tr, locale } = ctx;
  return {
    ...ctx,
    // Read when a view asks: the token (and its cookie) is made only for a page with a form.
    get csrfToken() {
      return ctx.csrfToken;
    },
    t: (key: string, values?: MessageValues) => tr.t(key, values),
    rich: <T>(key: string, values: RichValues<T>) => tr.rich<T>(key, values),
    /** A language-neutral path in the visitor's language. */
    href: (path: string) => localizePath(locale, path),
    /** The current page in the other language. */
    otherLocale: otherLocale(locale),
    alternateUrl: switchLocale(ctx.url, otherLocale(locale)),
    date: ctx.formatDay ?? ((d: Date) => formatDate(d, locale)),
    hijri: (d: Date) => formatHijri(d, locale),
    number: (n: number, options?: Intl.NumberFormatOptions) => formatNumber(n, locale, options),
    dir: ctx.dir ?? direction[locale],
  };
}

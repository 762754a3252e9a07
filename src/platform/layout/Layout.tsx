import type { ComponentChildren, ComponentType } from "preact";
import { Breadcrumbs, type Crumb } from "../design/Breadcrumbs.js";
import { locales, localizePath, stripLocale } from "../i18n/locales.js";
import { Footer } from "./Footer.js";
import { Header } from "./Header.js";
import { usePage } from "./page-context.js";
import { breadcrumbList, type SchemaNode, structuredData } from "./structured-data.js";

/** What a route hands to `reply.page()`: the page's own part; the layout adds the rest. */
export interface PageSpec {
  /** The page title, already translated; "— Hukoomi" is added. */
  title: string;
  description?: string;
  /** The trail after "Home"; omit on the home page. */
  breadcrumbs?: Crumb[];
  body: ComponentChildren;
  status?: number;
  /** A "Back" link to the previous step, on pages of a journey (in place of breadcrumbs). */
  backLink?: string | undefined;
  /** Hide the "Is this page easy to understand?" question (error pages, forms in progress). */
  hideFeedback?: boolean;
  /** The page's own schema.org nodes for search engines; the layout adds the BreadcrumbList of `breadcrumbs`. */
  jsonLd?: SchemaNode | SchemaNode[];
  /** Keep the page out of search engines (error pages, personal pages). */
  noindex?: boolean;
  /**
   * Go on to this local address at once (a meta refresh). Used to leave a
   * form's redirect chain before crossing to another site, which the
   * Content-Security-Policy's form-action would block.
   */
  continueTo?: string;
  /** Stylesheets of the page's own parts, after the portal's (public/ names: "css/documents.css"). */
  stylesheets?: string[];
}

export interface LayoutSlots {
  /** Shown after the main content on every page: the page-feedback question. */
  afterMain?: ComponentType;
  /** Shown in the header beside the language switch: the account links. */
  headerAccount?: ComponentType;
  /** Shown in the header before the account links: the link to the accessibility tools. */
  headerTools?: ComponentType;
}

function jsonForScript(value: object): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/** The regular weight of the web font's subset each language's text is in (the addresses public/css/hukoomi.css uses). */
const REGULAR_FACE = {
  ar: "/assets/fonts/ibm-plex-sans-arabic-arabic-400-normal.woff2",
  en: "/assets/fonts/ibm-plex-sans-arabic-latin-400-normal.woff2",
} as const;

export function Layout({
  spec,
  slots,
  baseUrl,
  htmlAttributes,
}: {
  spec: PageSpec;
  slots: LayoutSlots;
  baseUrl: string;
  /** The visitor's display settings on <html> (text size, contrast, …), from RenderOptions.htmlAttributes. */
  htmlAttributes?: Record<string, string> | undefined;
}) {
  const { t, locale, dir, url, asset } = usePage();
  const neutral = stripLocale(url);
  const AfterMain = slots.afterMain;
  const pageUrl = `${baseUrl}${url.split("?")[0]}`;
  const trail = spec.breadcrumbs?.length
    ? [breadcrumbList(spec.breadcrumbs, t("components.breadcrumbs.home"), pageUrl, (p) => `${baseUrl}${localizePath(locale, p)}`)]
    : [];
  // Pages kept out of search engines (errors, personal pages) carry none.
  const jsonLd = spec.noindex ? undefined : structuredData([...[spec.jsonLd ?? []].flat(), ...trail]);
  return (
    <html {...htmlAttributes} lang={locale} dir={dir}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{t("layout.documentTitle", { page: spec.title })}</title>
        {spec.description ? <meta name="description" content={spec.description} /> : null}
        {spec.noindex ? <meta name="robots" content="noindex" /> : null}
        {spec.continueTo ? <meta httpEquiv="refresh" content={`0; url=${spec.continueTo}`} /> : null}
        <meta name="theme-color" content="#8A1538" />
        <link rel="manifest" href={localizePath(locale, "/manifest.webmanifest")} />
        {/* The page's regular face arrives with the stylesheet; with font-display: optional nothing moves if it is late. */}
        <link rel="preload" href={REGULAR_FACE[locale]} as="font" type="font/woff2" crossOrigin="anonymous" />
        <link rel="stylesheet" href={asset("css/hukoomi.css")} />
        <link rel="stylesheet" href={asset("css/print.css")} media="print" />
        {(spec.stylesheets ?? []).map((name) => (
          <link rel="stylesheet" href={asset(name)} key={name} />
        ))}
        <link rel="icon" href={asset("images/favicon.svg")} type="image/svg+xml" />
        {locales.map((l) => (
          <link rel="alternate" hrefLang={l} href={`${baseUrl}${localizePath(l, neutral)}`} key={l} />
        ))}
        <link rel="alternate" hrefLang="x-default" href={`${baseUrl}${neutral}`} />
        {jsonLd ? <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(jsonLd) }} /> : null}
        <script type="module" src={asset("js/enhance.js")} />
      </head>
      <body>
        <a class="skip-link" href="#main-content">
          {t("layout.skipLink")}
        </a>
        <Header account={slots.headerAccount} tools={slots.headerTools} />
        <div class="container page">
          {spec.backLink ? (
            <a class="back-link" href={spec.backLink}>
              {t("components.backLink.label")}
            </a>
          ) : spec.breadcrumbs?.length ? (
            <Breadcrumbs trail={spec.breadcrumbs} />
          ) : null}
          <main class="main" id="main-content" tabindex={-1}>
            {spec.body}
          </main>
          {!spec.hideFeedback && AfterMain ? <AfterMain /> : null}
        </div>
        <Footer />
      </body>
    </html>
  );
}

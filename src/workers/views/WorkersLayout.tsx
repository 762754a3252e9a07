import type { ComponentChildren } from "preact";
import { EmblemIcon } from "../../platform/design/icons.js";
import { assetUrl } from "../../platform/http/assets.js";
import { translator } from "../../platform/i18n/messages.js";
import type { WorkerInterface } from "../content.js";
import { directionOf, type WorkerLanguage } from "../languages.js";

export interface WorkersNavItem {
  href: string;
  label: string;
  current: boolean;
}

export interface WorkersLayoutProps {
  language: WorkerLanguage;
  words: WorkerInterface;
  title: string;
  description?: string | undefined;
  /** The portal's pages in this language. */
  nav: WorkersNavItem[];
  /** The same page in the other languages it exists in (full addresses), for search engines. */
  alternates: { language: WorkerLanguage; href: string }[];
  noindex?: boolean;
  /** The visitor's display settings (text size, contrast…), as on the portal's other pages. */
  htmlAttributes?: Record<string, string> | undefined;
  children: ComponentChildren;
}

/**
 * The workers' portal's own frame: the portal's design and stylesheet, with
 * every word of the header, navigation and footer in the page's language
 * (which may be neither Arabic nor English), and `lang` and `dir` to match.
 */
export function WorkersLayout({
  language,
  words,
  title,
  description,
  nav,
  alternates,
  noindex,
  htmlAttributes,
  children,
}: WorkersLayoutProps) {
  return (
    <html {...htmlAttributes} lang={language} dir={directionOf(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${words.portalName}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {noindex ? <meta name="robots" content="noindex" /> : null}
        <meta name="theme-color" content="#8A1538" />
        <link rel="stylesheet" href={assetUrl("css/hukoomi.css")} />
        <link rel="stylesheet" href={assetUrl("css/workers.css")} />
        <link rel="stylesheet" href={assetUrl("css/print.css")} media="print" />
        <link rel="icon" href={assetUrl("images/favicon.svg")} type="image/svg+xml" />
        {alternates.map((a) => (
          <link rel="alternate" hrefLang={a.language} href={a.href} key={a.language} />
        ))}
      </head>
      <body class="workers">
        <a class="skip-link" href="#main-content">
          {words.skipLink}
        </a>
        <header class="header">
          <div class="container header__bar">
            <a class="header__brand" href={`/workers/${language}`}>
              <EmblemIcon />
              <span class="header__name">{words.portalName}</span>
            </a>
            <div class="header__actions">
              <a class="language-switch" href={language === "ar" ? "/workers" : "/en/workers"}>
                {words.chooseLanguage}
              </a>
            </div>
          </div>
          <nav class="main-nav" aria-label={words.pagesLabel}>
            <ul class="container main-nav__list">
              {nav.map((item) => (
                <li class="main-nav__item" key={item.href}>
                  <a class="main-nav__link" href={item.href} aria-current={item.current ? "page" : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <div class="container page">
          <main class="main" id="main-content" tabindex={-1}>
            {children}
          </main>
        </div>
        <footer class="footer">
          <div class="container">
            <h2 class="visually-hidden">{words.footerHeading}</h2>
            <p class="workers-portal-links">
              {words.mainPortal}{" "}
              <a class="footer__link" href="/" lang="ar" hrefLang="ar" dir="rtl">
                {translator("ar").t("layout.portalName")}
              </a>
              {" · "}
              <a class="footer__link" href="/en" lang="en" hrefLang="en" dir="ltr">
                {translator("en").t("layout.portalName")}
              </a>
            </p>
            <p class="footer__meta">{words.footerNote}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

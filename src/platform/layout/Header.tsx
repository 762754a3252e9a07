import type { ComponentType } from "preact";
import { EmblemIcon, MenuIcon, SearchIcon } from "../design/icons.js";
import { stripLocale } from "../i18n/locales.js";
import { translator } from "../i18n/messages.js";
import { usePage } from "./page-context.js";

/** The other language's name, written in that language and marked with its `lang`. */
function LanguageSwitch() {
  const { otherLocale, alternateUrl } = usePage();
  return (
    <a class="language-switch" href={alternateUrl} hrefLang={otherLocale} lang={otherLocale}>
      {translator(otherLocale).t("layout.languageName")}
    </a>
  );
}

function SearchBox() {
  const { t, href } = usePage();
  return (
    <form class="site-search" role="search" action={href("/search")} method="get" data-autocomplete>
      <label class="visually-hidden" for="site-search-q">
        {t("layout.search.label")}
      </label>
      <input
        class="site-search__input"
        id="site-search-q"
        name="q"
        type="search"
        autocomplete="off"
        placeholder={t("layout.search.placeholder")}
        spellcheck={false}
        data-suggest-hint={t("layout.search.suggestHint")}
      />
      <button class="site-search__button" type="submit">
        <SearchIcon />
        <span class="visually-hidden">{t("layout.search.submit")}</span>
      </button>
    </form>
  );
}

function isCurrent(current: string, path: string): boolean {
  const bare = current.split("?")[0] ?? "/";
  return path === "/" ? bare === "/" : bare === path || bare.startsWith(`${path}/`);
}

/**
 * The header. On a phone it is one short row: the name, the language switch
 * and two buttons, Search and Menu, each a <details> so that they open without
 * JavaScript; the menu holds the accessibility tools, the account links and the
 * main navigation. On wider screens the stylesheet shows what the two hold in
 * place (their ::details-content laid out as part of the header's grid) and
 * hides the buttons.
 */
export function Header({
  account: Account,
  tools: Tools,
}: {
  account?: ComponentType | undefined;
  /** The link to the accessibility tools, first in the header's actions. */
  tools?: ComponentType | undefined;
}) {
  const { t, href, navigation, url } = usePage();
  const here = stripLocale(url);
  return (
    <header class="header">
      <div class="container header__bar">
        <a class="header__brand" href={href("/")}>
          <EmblemIcon />
          <span class="header__name">{t("layout.portalName")}</span>
          <span class="header__tagline">{t("layout.tagline")}</span>
        </a>
        <LanguageSwitch />
        <details class="header__disclosure header__disclosure--search">
          <summary class="header__toggle">
            <SearchIcon />
            <span class="header__toggle-text">{t("layout.search.toggle")}</span>
          </summary>
          <div class="header__tools">
            <SearchBox />
          </div>
        </details>
        <details class="header__disclosure header__disclosure--menu">
          <summary class="header__toggle">
            <MenuIcon />
            <span class="header__toggle-text">{t("layout.nav.toggle")}</span>
          </summary>
          <div class="header__actions">
            {Tools ? <Tools /> : null}
            {Account ? <Account /> : null}
          </div>
          <nav class="main-nav" aria-label={t("layout.nav.label")}>
            <ul class="main-nav__list">
              {navigation.map((item) => (
                <li class="main-nav__item" key={item.path}>
                  <a class="main-nav__link" href={href(item.path)} aria-current={isCurrent(here, item.path) ? "page" : undefined}>
                    {t(item.labelKey)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </details>
      </div>
    </header>
  );
}

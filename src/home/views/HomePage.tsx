import type { ComponentChildren } from "preact";
import type { HomeHighlight } from "../../admin/highlights.js";
import { PersonaChooser, ServiceList } from "../../catalogue/components.js";
import type { NewsItem, ServiceSummary, Term } from "../../catalogue/service.js";
import { DateDisplay } from "../../platform/design/DateDisplay.js";
import { SearchIcon } from "../../platform/design/icons.js";
import { usePage } from "../../platform/layout/page-context.js";

export interface HomeData {
  personas: Term[];
  mostUsed: ServiceSummary[];
  topics: Term[];
  lifeEvents: Term[];
  news: NewsItem[];
  /** What administrators chose to put first (Administration → Home page highlights); the most used services when empty. */
  highlights?: HomeHighlight[];
  /** What the participation area shows on the home page, once it exists. */
  participation?: ComponentChildren;
}

function TermLinks({ terms, base }: { terms: Term[]; base: string }) {
  const { href, locale } = usePage();
  return (
    <ul class="link-grid">
      {terms.map((t) => (
        <li class="link-grid__item" key={t.slug}>
          <a class="link-grid__link" href={href(`${base}/${t.slug}`)}>
            {t.name[locale]}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The front door: search, who you are, what most people come for, topics, life events and news. */
export function HomePage({ data }: { data: HomeData }) {
  const { t, href, locale } = usePage();
  return (
    <div>
      <section class="hero" aria-labelledby="home-title">
        <h1 class="heading-xl hero__title" id="home-title">
          {t("home.title")}
        </h1>
        <p class="lead hero__lead">{t("home.lead")}</p>
        <form class="hero-search" role="search" method="get" action={href("/search")}>
          <label class="label hero-search__label" for="home-search-q">
            {t("home.searchLabel")}
          </label>
          <div class="hero-search__row">
            <input class="input hero-search__input" id="home-search-q" name="q" type="search" autocomplete="off" />
            <button class="button hero-search__button" type="submit">
              <SearchIcon />
              <span>{t("home.searchButton")}</span>
            </button>
          </div>
        </form>
      </section>

      <section class="section" aria-labelledby="home-personas">
        <h2 class="heading-l" id="home-personas">
          {t("home.whoAreYou")}
        </h2>
        <PersonaChooser personas={data.personas} />
      </section>

      <section class="section" aria-labelledby="home-most-used">
        <h2 class="heading-l" id="home-most-used">
          {data.highlights?.length ? t("admin.highlights.homeHeading") : t("home.mostUsed")}
        </h2>
        {data.highlights?.length ? (
          <ul class="link-grid">
            {data.highlights.map((h) => (
              <li class="link-grid__item" key={h.path}>
                <a class="link-grid__link" href={href(h.path)}>
                  {h.title[locale]}
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <ServiceList services={data.mostUsed} />
        )}
        <p>
          <a href={href("/services")}>{t("home.allServices")}</a>
        </p>
      </section>

      <div class="two-columns">
        <section class="section" aria-labelledby="home-topics">
          <h2 class="heading-l" id="home-topics">
            {t("home.topics")}
          </h2>
          <TermLinks terms={data.topics} base="/topics" />
        </section>
        <section class="section" aria-labelledby="home-life-events">
          <h2 class="heading-l" id="home-life-events">
            {t("home.lifeEvents")}
          </h2>
          <TermLinks terms={data.lifeEvents} base="/life-events" />
        </section>
      </div>

      {data.participation ? (
        <section class="section participation-slot" aria-labelledby="home-participation">
          <h2 class="heading-l" id="home-participation">
            {t("home.participation")}
          </h2>
          {data.participation}
        </section>
      ) : null}

      {data.news.length ? (
        <section class="section" aria-labelledby="home-news">
          <h2 class="heading-l" id="home-news">
            {t("home.latestNews")}
          </h2>
          <ul class="news-teasers">
            {data.news.map((n) => (
              <li class="news-teasers__item" key={n.slug}>
                <p class="news-teasers__date">
                  <DateDisplay date={n.publishedAt} />
                </p>
                <h3 class="heading-s">
                  <a href={href(`/news/${n.slug}`)}>{n.title[locale]}</a>
                </h3>
                <p>{n.summary[locale]}</p>
              </li>
            ))}
          </ul>
          <p>
            <a href={href("/news")}>{t("home.allNews")}</a>
          </p>
        </section>
      ) : null}
    </div>
  );
}

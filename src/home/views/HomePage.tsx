import { Card, CardGrid } from "../../platform/design/Card.js";
import { SearchIcon } from "../../platform/design/icons.js";
import { usePage } from "../../platform/layout/page-context.js";

export interface HomeLink {
  path: string;
  title: string;
  description: string;
}

/** The front door: what the portal is, the search box, and where to go next. */
export function HomePage({ aboutLinks }: { aboutLinks: HomeLink[] }) {
  const { t, href } = usePage();
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
      <section class="section" aria-labelledby="home-about">
        <h2 class="heading-l" id="home-about">
          {t("home.aboutHeading")}
        </h2>
        <CardGrid>
          {aboutLinks.map((l) => (
            <Card key={l.path} title={l.title} description={l.description} href={href(l.path)} />
          ))}
        </CardGrid>
      </section>
    </div>
  );
}

import type { AgencyName } from "../../catalogue/service.js";
import { Button } from "../../platform/design/Button.js";
import { Pagination } from "../../platform/design/Pagination.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import { formats, themes } from "../model.js";
import type { DatasetWithResources } from "../repository.js";
import type { CatalogueQuery } from "../schemas.js";
import { themeKey } from "./labels.js";

export interface CataloguePageProps {
  query: CatalogueQuery;
  items: DatasetWithResources[];
  total: number;
  pageCount: number;
  agencies: { slug: string; name: string; count: number }[];
  agencyNames: Map<string, AgencyName>;
}

/** The catalogue's query string for a page, keeping the search and filters. */
export function catalogueQueryString(q: CatalogueQuery, page: number): string {
  const s = new URLSearchParams();
  if (q.q) s.set("q", q.q);
  if (q.agency) s.set("agency", q.agency);
  if (q.theme) s.set("theme", q.theme);
  if (q.format) s.set("format", q.format);
  if (page > 1) s.set("page", String(page));
  const out = s.toString();
  return out ? `?${out}` : "";
}

/** /opendata: the datasets with a text search and filters by agency, theme and format (a GET form). */
export function CataloguePage({ query, items, total, pageCount, agencies, agencyNames }: CataloguePageProps) {
  const { t, href, locale } = usePage();
  const action = href("/opendata");
  const filtered = Boolean(query.q || query.agency || query.theme || query.format);
  return (
    <div>
      <h1 class="heading-xl">{t("opendata.catalogue.title")}</h1>
      <p class="lead">{t("opendata.catalogue.lead")}</p>
      <div class="listing">
        <div class="listing__filters">
          <form class="filters" method="get" action={action} role="search" aria-labelledby="opendata-filters-title">
            <h2 class="heading-s" id="opendata-filters-title">
              {t("opendata.catalogue.filtersTitle")}
            </h2>
            <div class="form-group">
              <label class="label" for="opendata-q">
                {t("opendata.catalogue.search")}
              </label>
              <input class="input" type="search" id="opendata-q" name="q" value={query.q} />
            </div>
            <div class="form-group">
              <label class="label" for="opendata-agency">
                {t("opendata.catalogue.agency")}
              </label>
              <select class="select filters__select" id="opendata-agency" name="agency">
                <option value="">{t("opendata.catalogue.allAgencies")}</option>
                {agencies.map((a) => (
                  <option value={a.slug} selected={a.slug === query.agency} key={a.slug}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for="opendata-theme">
                {t("opendata.catalogue.theme")}
              </label>
              <select class="select filters__select" id="opendata-theme" name="theme">
                <option value="">{t("opendata.catalogue.allThemes")}</option>
                {[...themes]
                  .sort((a, b) => t(themeKey(a)).localeCompare(t(themeKey(b)), locale))
                  .map((code) => (
                    <option value={code} selected={code === query.theme} key={code}>
                      {t(themeKey(code))}
                    </option>
                  ))}
              </select>
            </div>
            <div class="form-group">
              <label class="label" for="opendata-format">
                {t("opendata.catalogue.format")}
              </label>
              <select class="select filters__select" id="opendata-format" name="format">
                <option value="">{t("opendata.catalogue.allFormats")}</option>
                {formats.map((f) => (
                  <option value={f} selected={f === query.format} key={f}>
                    {f}
                  </option>
                ))}
              </select>
            </div>
            <Button variant="secondary">{t("opendata.catalogue.apply")}</Button>
            {filtered ? (
              <p>
                <a href={action}>{t("opendata.catalogue.clear")}</a>
              </p>
            ) : null}
          </form>
          <p>
            <a href="/opendata/catalog.jsonld">{t("opendata.catalogue.dcatLink")}</a>
          </p>
        </div>
        <div class="listing__results">
          <h2 class="heading-m" id="results-count">
            {t("opendata.catalogue.count", { count: total })}
          </h2>
          {items.length ? (
            <ul class="service-list">
              {items.map((d) => (
                <li class="service-list__item" key={d.slug}>
                  <h3 class="service-list__title">
                    <a href={href(`/opendata/${d.slug}`)}>{locale === "ar" ? d.titleAr : d.titleEn}</a>
                  </h3>
                  <p class="service-list__summary">{locale === "ar" ? d.descriptionAr : d.descriptionEn}</p>
                  <p class="service-list__meta">
                    <Tag colour="blue">{t(themeKey(d.theme))}</Tag>{" "}
                    {d.resources.map((r) => (
                      <span key={r.id}>
                        <Tag colour="grey">{r.format}</Tag>{" "}
                      </span>
                    ))}
                    <span class="service-list__agency">{agencyNames.get(d.agency)?.[locale] ?? d.agency}</span>
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("opendata.catalogue.none")}</p>
          )}
          <Pagination page={query.page} pageCount={pageCount} hrefFor={(p) => `${action}${catalogueQueryString(query, p)}`} />
        </div>
      </div>
    </div>
  );
}

import { Button } from "../../platform/design/Button.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { AgencyType } from "../model.js";
import { agencyTypes } from "../model.js";
import type { Agency, AgencySummary } from "../types.js";
import { agencyTypeKey } from "./labels.js";
import { type ListingProps, ServiceListing } from "./ServiceListing.js";

export interface DirectoryState {
  type?: AgencyType | undefined;
  q: string;
}

/** The first letter agencies are filed under (the article "ال" and hamza forms set aside in Arabic). */
export function initialOf(name: string): string {
  const bare = name.replace(/^ال/, "").replace(/^[أإآ]/, "ا");
  return bare.charAt(0).toLocaleUpperCase();
}

/** The agency directory: A–Z, filter by type, search within. */
export function AgencyDirectory({ agencies, state }: { agencies: AgencySummary[]; state: DirectoryState }) {
  const { t, href, locale } = usePage();
  const groups = new Map<string, AgencySummary[]>();
  for (const a of [...agencies].sort((x, y) => x.name[locale].localeCompare(y.name[locale], locale))) {
    const letter = initialOf(a.name[locale]);
    groups.set(letter, [...(groups.get(letter) ?? []), a]);
  }
  return (
    <div>
      <h1 class="heading-xl">{t("catalogue.agencies.title")}</h1>
      <p class="lead">{t("catalogue.agencies.lead")}</p>
      <form class="filters filters--inline" method="get" action={href("/agencies")}>
        <div class="form-group">
          <label class="label" for="agency-q">
            {t("catalogue.agencies.searchLabel")}
          </label>
          <input class="input" id="agency-q" name="q" type="search" value={state.q} />
        </div>
        <div class="form-group">
          <label class="label" for="agency-type">
            {t("catalogue.agencies.typeLabel")}
          </label>
          <select class="select" id="agency-type" name="type">
            <option value="">{t("catalogue.agencies.allTypes")}</option>
            {agencyTypes.map((type) => (
              <option value={type} selected={type === state.type} key={type}>
                {t(agencyTypeKey(type))}
              </option>
            ))}
          </select>
        </div>
        <Button variant="secondary">{t("catalogue.agencies.apply")}</Button>
      </form>
      <h2 class="heading-m" aria-live="polite">
        {t("catalogue.agencies.count", { count: agencies.length })}
      </h2>
      {groups.size > 1 ? (
        <nav class="az" aria-label={t("catalogue.agencies.azLabel")}>
          <ul class="az__list">
            {[...groups.keys()].map((letter) => (
              <li key={letter}>
                <a class="az__link" href={`#letter-${encodeURIComponent(letter)}`}>
                  {letter}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {[...groups.entries()].map(([letter, list]) => (
        <section class="az-group" key={letter} aria-labelledby={`letter-${encodeURIComponent(letter)}`}>
          <h2 class="heading-l az-group__letter" id={`letter-${encodeURIComponent(letter)}`}>
            {letter}
          </h2>
          <ul class="agency-list">
            {list.map((a) => (
              <li class="agency-list__item" key={a.slug}>
                <a class="agency-list__name" href={href(`/agencies/${a.slug}`)}>
                  {a.name[locale]}
                </a>
                <span class="agency-list__meta">
                  {t(agencyTypeKey(a.type))} · {t("catalogue.agencies.serviceCount", { count: a.serviceCount })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

/** An agency: who it is, how to reach it, where it is, and its services. */
export function AgencyPage({ agency, listing }: { agency: Agency; listing: ListingProps }) {
  const { t, href, locale, number } = usePage();
  const coordinate = (n: number) => number(n, { maximumFractionDigits: 4, minimumFractionDigits: 4 });
  const { lat, lng } = agency.location;
  return (
    <div>
      <p class="caption">{t(agencyTypeKey(agency.type))}</p>
      <h1 class="heading-xl">{agency.name[locale]}</h1>
      <p class="lead">{agency.description[locale]}</p>
      {agency.parent ? (
        <p>
          {t("catalogue.agency.partOf")} <a href={href(`/agencies/${agency.parent.slug}`)}>{agency.parent.name[locale]}</a>
        </p>
      ) : null}
      <section class="contact-card" aria-labelledby="agency-contact">
        <h2 class="heading-m" id="agency-contact">
          {t("catalogue.agency.contact")}
        </h2>
        <dl class="summary-list">
          <div class="summary-list__row">
            <dt>{t("catalogue.agency.website")}</dt>
            <dd>
              <a href={agency.website} rel="external">
                <bdi dir="ltr">{agency.website.replace(/^https:\/\//, "")}</bdi>
              </a>
            </dd>
          </div>
          <div class="summary-list__row">
            <dt>{t("catalogue.agency.phone")}</dt>
            <dd>
              <a href={`tel:${agency.phone.replace(/\s/g, "")}`}>
                <bdi dir="ltr">{agency.phone}</bdi>
              </a>
            </dd>
          </div>
          <div class="summary-list__row">
            <dt>{t("catalogue.agency.email")}</dt>
            <dd>
              <a href={`mailto:${agency.email}`}>
                <bdi dir="ltr">{agency.email}</bdi>
              </a>
            </dd>
          </div>
          <div class="summary-list__row">
            <dt>{t("catalogue.agency.address")}</dt>
            <dd>{agency.address[locale]}</dd>
          </div>
          <div class="summary-list__row">
            <dt>{t("catalogue.agency.openingHours")}</dt>
            <dd>{agency.openingHours[locale]}</dd>
          </div>
          <div class="summary-list__row">
            <dt>{t("catalogue.agency.location")}</dt>
            <dd>
              <bdi dir="ltr">{`${coordinate(lat)}, ${coordinate(lng)}`}</bdi>
              <br />
              <a href={`geo:${lat},${lng}`}>{t("catalogue.agency.openInMaps")}</a>
              {" · "}
              <a href={`https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`} rel="external">
                {t("catalogue.agency.openStreetMap")}
              </a>
            </dd>
          </div>
        </dl>
      </section>
      {agency.children.length ? (
        <section aria-labelledby="agency-children">
          <h2 class="heading-m" id="agency-children">
            {t("catalogue.agency.departments")}
          </h2>
          <ul class="list list--bullet">
            {agency.children.map((c) => (
              <li key={c.slug}>
                <a href={href(`/agencies/${c.slug}`)}>{c.name[locale]}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h2 class="heading-l">{t("catalogue.agency.services", { agency: agency.shortName[locale] })}</h2>
      <ServiceListing {...listing} />
    </div>
  );
}

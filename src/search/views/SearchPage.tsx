import { maturityColour, maturityKey, ServiceList } from "../../catalogue/components.js";
import type { AgencySummary, ServiceSummary, Term } from "../../catalogue/service.js";
import { Button } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { SearchIcon } from "../../platform/design/icons.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { Pagination } from "../../platform/design/Pagination.js";
import { Tag } from "../../platform/design/Tag.js";
import { usePage } from "../../platform/layout/page-context.js";
import { type DocType, docTypes } from "../documents.js";
import type { Hit, Relaxation } from "../engine.js";
import { Highlighted } from "./Highlighted.js";

export interface SearchState {
  q: string;
  type?: DocType | undefined;
  persona?: string | undefined;
  agency?: string | undefined;
  online: boolean;
  page: number;
}

export interface SearchPageProps {
  state: SearchState;
  errors: FieldError[];
  total: number;
  hits: Hit[];
  pageSize: number;
  layoutSwitchedTo?: string | undefined;
  didYouMean?: string | undefined;
  /** Nothing matched every word exactly: the results match words a typo away or some of the words. */
  relaxed?: Relaxation | undefined;
  personas: Term[];
  agencies: AgencySummary[];
  /** Shown when nothing matched. */
  popular: ServiceSummary[];
}

/** The search address with the same filters and another query or page. */
export function searchHref(base: string, state: SearchState, changes: Partial<SearchState> = {}): string {
  const s = { ...state, ...changes };
  const q = new URLSearchParams();
  q.set("q", s.q);
  if (s.type) q.set("type", s.type);
  if (s.persona) q.set("persona", s.persona);
  if (s.agency) q.set("agency", s.agency);
  if (s.online) q.set("online", "1");
  if (s.page > 1) q.set("page", String(s.page));
  return `${base}?${q.toString()}`;
}

/** The search box, enhanced into a combobox with suggestions when JavaScript runs. */
export function SearchBox({
  id,
  value,
  label,
  visibleLabel,
}: {
  id: string;
  value: string;
  label: string;
  visibleLabel: boolean;
}) {
  const { t } = usePage();
  return (
    <div class="search-box" data-autocomplete>
      <label class={visibleLabel ? "label" : "visually-hidden"} for={id}>
        {label}
      </label>
      <div class="search-box__row">
        <input
          class="input search-box__input"
          id={id}
          name="q"
          type="search"
          value={value}
          autocomplete="off"
          spellcheck={false}
          data-suggest-hint={t("layout.search.suggestHint")}
        />
        <button class="button search-box__button" type="submit">
          <SearchIcon />
          <span>{t("search.submit")}</span>
        </button>
      </div>
    </div>
  );
}

/** How many filters narrow the results (named on the folded filters' button). */
function activeFilters(state: SearchState): number {
  return [state.type, state.persona, state.agency, state.online || undefined].filter(Boolean).length;
}

function Filters({ state, personas, agencies }: Pick<SearchPageProps, "state" | "personas" | "agencies">) {
  const { t, href, locale } = usePage();
  const sortedAgencies = [...agencies].sort((a, b) => a.name[locale].localeCompare(b.name[locale], locale));
  return (
    <form class="filters" method="get" action={href("/search")} aria-labelledby="search-filters-title">
      <h2 class="heading-s filters__title" id="search-filters-title">
        {t("search.filters.title")}
      </h2>
      <input type="hidden" name="q" value={state.q} />
      <div class="form-group">
        <label class="label" for="filter-type">
          {t("search.filters.type")}
        </label>
        <select class="select filters__select" id="filter-type" name="type">
          <option value="">{t("search.filters.allTypes")}</option>
          {docTypes.map((type) => (
            <option value={type} selected={state.type === type} key={type}>
              {t(`search.types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="filter-persona">
          {t("search.filters.persona")}
        </label>
        <select class="select filters__select" id="filter-persona" name="persona">
          <option value="">{t("search.filters.everyone")}</option>
          {personas.map((p) => (
            <option value={p.slug} selected={state.persona === p.slug} key={p.slug}>
              {p.parentName
                ? t("catalogue.persona.childLabel", { persona: p.parentName[locale], child: p.name[locale] })
                : p.name[locale]}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label class="label" for="filter-agency">
          {t("search.filters.agency")}
        </label>
        <select class="select filters__select" id="filter-agency" name="agency">
          <option value="">{t("catalogue.filters.allAgencies")}</option>
          {sortedAgencies.map((a) => (
            <option value={a.slug} selected={state.agency === a.slug} key={a.slug}>
              {a.name[locale]}
            </option>
          ))}
        </select>
      </div>
      <div class="choices__item">
        <input class="choices__input" type="checkbox" id="filter-online" name="online" value="1" checked={state.online} />
        <label class="choices__label" for="filter-online">
          {t("catalogue.filters.fullyOnline")}
        </label>
      </div>
      <Button variant="secondary">{t("catalogue.filters.apply")}</Button>
    </form>
  );
}

function Result({ hit }: { hit: Hit }) {
  const { t, href, locale } = usePage();
  const d = hit.doc;
  const terms = new Set(hit.terms);
  /** A page in a language other than the portal's (a workers' page in Hindi) says so, for screen readers. */
  const own = d.language && d.language !== locale ? d.language : undefined;
  return (
    <li class="search-result">
      <p class="search-result__type">
        {hit.bestBet ? <Tag colour="maroon">{t("search.recommended")}</Tag> : null} <span>{t(`search.types.${d.type}`)}</span>
      </p>
      <h3 class="search-result__title" lang={own} dir={own ? "auto" : undefined}>
        <a href={href(d.path)}>
          <Highlighted text={d.title[locale]} terms={terms} />
        </a>
      </h3>
      <p class="search-result__summary" lang={own} dir={own ? "auto" : undefined}>
        <Highlighted text={d.summary[locale]} terms={terms} />
      </p>
      {d.type === "service" && d.maturity ? (
        <p class="service-list__meta">
          <Tag colour={maturityColour(d.maturity)}>{t(maturityKey(d.maturity))}</Tag>{" "}
          {d.agency ? <span>{d.agency.name[locale]}</span> : null}
        </p>
      ) : null}
    </li>
  );
}

export function SearchPage(props: SearchPageProps) {
  const { t, href } = usePage();
  const { state, errors, total, hits, pageSize } = props;
  const base = href("/search");
  return (
    <div>
      <ErrorSummary errors={errors} />
      <h1 class="heading-xl">{t("search.title")}</h1>
      <form class="search-form" method="get" action={base} role="search">
        <SearchBox id="q" value={state.q} label={t("search.label")} visibleLabel />
        {errors[0] ? (
          <p id="q-error" class="error-message">
            {errors[0].message}
          </p>
        ) : null}
      </form>
      {props.layoutSwitchedTo ? (
        <NotificationBanner variant="info" title={t("search.layout.title")}>
          <p>{t("search.layout.message", { typed: state.q, meant: props.layoutSwitchedTo })}</p>
        </NotificationBanner>
      ) : null}
      {props.relaxed && !props.layoutSwitchedTo ? <p class="did-you-mean">{t(`search.relaxed.${props.relaxed}`)}</p> : null}
      {props.didYouMean ? (
        <p class="did-you-mean">
          {t("search.didYouMean")}{" "}
          <a href={searchHref(base, state, { q: props.didYouMean, page: 1 })}>
            <strong>{props.didYouMean}</strong>
          </a>
        </p>
      ) : null}
      {state.q && errors.length === 0 ? (
        <section class="listing listing--search" aria-labelledby="search-results-heading">
          <h2 class="heading-m listing__count" id="search-results-heading">
            {t("search.resultCount", { count: total, query: props.layoutSwitchedTo ?? state.q })}
          </h2>
          {/* On a phone the filters fold away under the count, so the results come first; from 52em they stand open beside them (CSS). */}
          <details class="listing__filters filter-disclosure">
            <summary class="filter-disclosure__summary">{t("search.filters.toggle", { count: activeFilters(state) })}</summary>
            <Filters state={state} personas={props.personas} agencies={props.agencies} />
          </details>
          <div class="listing__results">
            {hits.length ? (
              <ol class="search-results">
                {hits.map((h) => (
                  <Result hit={h} key={h.doc.id} />
                ))}
              </ol>
            ) : (
              <div class="zero-results">
                <p>{t("search.noResults")}</p>
                <ul class="list list--bullet">
                  <li>{t("search.tips.spelling")}</li>
                  <li>{t("search.tips.fewerWords")}</li>
                  <li>{t("search.tips.otherLanguage")}</li>
                  <li>
                    <a href={href("/services")}>{t("search.tips.browse")}</a>
                  </li>
                </ul>
                <h3 class="heading-s">{t("search.popular")}</h3>
                <ServiceList services={props.popular} />
              </div>
            )}
            <Pagination
              page={state.page}
              pageCount={Math.min(50, Math.ceil(total / pageSize))}
              hrefFor={(p) => searchHref(base, state, { page: p })}
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}

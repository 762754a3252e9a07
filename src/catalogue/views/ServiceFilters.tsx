import { Button } from "../../platform/design/Button.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { AgencyRef } from "../types.js";

export interface FilterState {
  fullyOnline: boolean;
  agency?: string | undefined;
}

/** Filters for a list of services, as a plain GET form: they work without JavaScript. */
export function ServiceFilters({ action, state, agencies }: { action: string; state: FilterState; agencies: AgencyRef[] }) {
  const { t, locale } = usePage();
  const sorted = [...agencies].sort((a, b) => a.name[locale].localeCompare(b.name[locale], locale));
  return (
    <form class="filters" method="get" action={action} aria-labelledby="filters-title">
      <h2 class="heading-s" id="filters-title">
        {t("catalogue.filters.title")}
      </h2>
      <div class="choices__item">
        <input class="choices__input" type="checkbox" id="filter-online" name="online" value="1" checked={state.fullyOnline} />
        <label class="choices__label" for="filter-online">
          {t("catalogue.filters.fullyOnline")}
        </label>
      </div>
      {sorted.length > 1 ? (
        <div class="form-group">
          <label class="label" for="filter-agency">
            {t("catalogue.filters.agency")}
          </label>
          <select class="select filters__select" id="filter-agency" name="agency">
            <option value="">{t("catalogue.filters.allAgencies")}</option>
            {sorted.map((a) => (
              <option value={a.slug} selected={a.slug === state.agency} key={a.slug}>
                {a.name[locale]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <Button variant="secondary">{t("catalogue.filters.apply")}</Button>
      {state.fullyOnline || state.agency ? (
        <p>
          <a href={action}>{t("catalogue.filters.clear")}</a>
        </p>
      ) : null}
    </form>
  );
}

import { Pagination } from "../../platform/design/Pagination.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { AgencyRef, Page, ServiceSummary } from "../types.js";
import { type FilterState, ServiceFilters } from "./ServiceFilters.js";
import { ServiceList } from "./ServiceList.js";

export interface ListingProps {
  /** The language-neutral address of the page the list is on. */
  path: string;
  result: Page<ServiceSummary>;
  page: number;
  pageSize: number;
  filters: FilterState;
  agencies: AgencyRef[];
}

/** The query string of a list page, keeping the filters. */
export function listQuery(filters: FilterState, page: number): string {
  const q = new URLSearchParams();
  if (filters.fullyOnline) q.set("online", "1");
  if (filters.agency) q.set("agency", filters.agency);
  if (page > 1) q.set("page", String(page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A filterable, paginated list of services with its count: used by persona, topic, life-event and agency pages. */
export function ServiceListing({ path, result, page, pageSize, filters, agencies }: ListingProps) {
  const { t, href } = usePage();
  const pageCount = Math.max(1, Math.ceil(result.total / pageSize));
  return (
    <div class="listing">
      <div class="listing__filters">
        <ServiceFilters action={href(path)} state={filters} agencies={agencies} />
      </div>
      <div class="listing__results">
        <h2 class="heading-m" id="results-count" aria-live="polite">
          {t("catalogue.list.resultCount", { count: result.total })}
        </h2>
        {result.items.length ? <ServiceList services={result.items} /> : <p>{t("catalogue.list.noServices")}</p>}
        <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `${href(path)}${listQuery(filters, p)}`} />
      </div>
    </div>
  );
}

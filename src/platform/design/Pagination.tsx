import { usePage } from "../layout/page-context.js";
import { ArrowIcon } from "./icons.js";

/** Which page numbers to show: first, last, and the neighbours of the current page, with gaps. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const p of sorted) {
    const last = out[out.length - 1];
    if (typeof last === "number" && p - last > 1) out.push("gap");
    out.push(p);
  }
  return out;
}

/** Previous / numbered / next links for a long list. `hrefFor` builds a page's address. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const { t, number } = usePage();
  if (pageCount <= 1) return null;
  return (
    <nav class="pagination" aria-label={t("components.pagination.label")}>
      {page > 1 ? (
        <a class="pagination__prev" href={hrefFor(page - 1)} rel="prev">
          <span class="pagination__arrow pagination__arrow--prev">
            <ArrowIcon />
          </span>
          {t("components.pagination.previous")}
        </a>
      ) : null}
      <ul class="pagination__list">
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li class="pagination__item pagination__item--gap" key={`gap-${i}`}>
              …
            </li>
          ) : (
            <li class={p === page ? "pagination__item pagination__item--current" : "pagination__item"} key={p}>
              <a
                class="pagination__link"
                href={hrefFor(p)}
                aria-current={p === page ? "page" : undefined}
                aria-label={t("components.pagination.pageLabel", { page: p })}
              >
                {number(p)}
              </a>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <a class="pagination__next" href={hrefFor(page + 1)} rel="next">
          {t("components.pagination.next")}
          <span class="pagination__arrow">
            <ArrowIcon />
          </span>
        </a>
      ) : null}
    </nav>
  );
}

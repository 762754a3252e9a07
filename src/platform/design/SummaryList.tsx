import type { ComponentChildren } from "preact";

export interface SummaryRow {
  key: string;
  value: ComponentChildren;
  /** A change link: where to go, and the words a screen reader hears after "Change". */
  change?: { href: string; label: string; hiddenText: string } | undefined;
}

/** Questions and answers (or names and values) as a description list, with an optional change link per row. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  const withActions = rows.some((r) => r.change);
  return (
    <dl class={`summary-list${withActions ? " summary-list--actions" : ""}`}>
      {rows.map((row, i) => (
        <div class="summary-list__row" key={`${row.key}-${i}`}>
          <dt>{row.key}</dt>
          <dd>{row.value}</dd>
          {withActions ? (
            <dd class="summary-list__actions">
              {row.change ? (
                <a href={row.change.href}>
                  {row.change.label}
                  <span class="visually-hidden"> {row.change.hiddenText}</span>
                </a>
              ) : null}
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

import { Table } from "../../../platform/design/Table.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { PollOption, PollResults } from "../repository.js";

/** Height of one option's row in the chart: its label, then its bar. */
const ROW = 60;
const BAR_TOP = 30;
const BAR_HEIGHT = 20;

/** One option's share of the voters (in a multiple-choice poll the shares can add up to more than one). */
function share(votes: number, voters: number): number {
  return voters ? votes / voters : 0;
}

/**
 * A poll's results: a horizontal bar chart drawn on the server (an SVG
 * image with a title and a description that give every figure), and the
 * same figures as a table. Bars grow from the start of the line: from the
 * right in Arabic, from the left in English.
 */
export function Results({
  options,
  results,
  multiple,
  id = "results",
}: {
  options: PollOption[];
  results: PollResults;
  multiple: boolean;
  id?: string;
}) {
  const { t, locale, dir, number } = usePage();
  const rtl = dir === "rtl";
  const percent = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1 });
  const rows = options.map((o) => {
    const votes = results.counts.get(o.id) ?? 0;
    const part = share(votes, results.voters);
    return { id: o.id, label: locale === "ar" ? o.labelAr : o.labelEn, votes, part };
  });
  const line = (r: (typeof rows)[number]) =>
    t("participation.polls.results.line", { option: r.label, votes: r.votes, percent: percent(r.part) });
  const height = rows.length * ROW;
  return (
    <section class="poll-results" aria-labelledby={`${id}-title`}>
      <h2 class="heading-l" id={`${id}-title`}>
        {t("participation.polls.results.title")}
      </h2>
      <p class="poll-results__total">{t("participation.polls.results.total", { count: results.voters })}</p>
      <svg
        class="poll-chart"
        role="img"
        aria-labelledby={`${id}-chart-title ${id}-chart-desc`}
        width="100%"
        height={height}
        direction={dir}
        focusable="false"
      >
        <title id={`${id}-chart-title`}>{t("participation.polls.results.chart")}</title>
        <desc id={`${id}-chart-desc`}>{rows.map(line).join(locale === "ar" ? "؛ " : "; ")}</desc>
        {rows.map((r, i) => {
          const y = i * ROW;
          const width = `${(r.part * 100).toFixed(2)}%`;
          const start = rtl ? "100%" : "0";
          return (
            <g key={r.id}>
              <text class="poll-chart__label" x={start} y={y + 20} text-anchor="start">
                {t("participation.polls.results.label", { option: r.label, percent: percent(r.part) })}
              </text>
              <rect class="poll-chart__track" x="0" y={y + BAR_TOP} width="100%" height={BAR_HEIGHT} />
              <rect
                class="poll-chart__bar"
                x={rtl ? `${(100 - r.part * 100).toFixed(2)}%` : "0"}
                y={y + BAR_TOP}
                width={width}
                height={BAR_HEIGHT}
              />
            </g>
          );
        })}
      </svg>
      <Table
        caption={t("participation.polls.results.caption")}
        columns={[
          { label: t("participation.polls.results.option") },
          { label: t("participation.polls.results.votes"), numeric: true },
          { label: t("participation.polls.results.percent"), numeric: true },
        ]}
        firstCellIsHeader
        rows={rows.map((r) => [r.label, number(r.votes), percent(r.part)])}
      />
      {multiple ? <p class="hint">{t("participation.polls.results.note")}</p> : null}
    </section>
  );
}

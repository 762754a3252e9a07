import { Chart } from "../../../platform/design/Chart.js";
import { Table } from "../../../platform/design/Table.js";
import { usePage } from "../../../platform/layout/page-context.js";
import type { PollOption, PollResults } from "../repository.js";

/** One option's share of the voters (in a multiple-choice poll the shares can add up to more than one). */
function share(votes: number, voters: number): number {
  return voters ? votes / voters : 0;
}

/**
 * A poll's results: the portal's bar chart of each answer's share of the
 * voters (bars grow from the start of the line), and the same figures,
 * with the votes, as a table.
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
  const { t, locale, number } = usePage();
  const percent = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1 });
  const rows = options.map((o) => {
    const votes = results.counts.get(o.id) ?? 0;
    const part = share(votes, results.voters);
    return { id: o.id, label: locale === "ar" ? o.labelAr : o.labelEn, votes, part };
  });
  return (
    <section class="poll-results" aria-labelledby={`${id}-title`}>
      <h2 class="heading-l" id={`${id}-title`}>
        {t("participation.polls.results.title")}
      </h2>
      <p class="poll-results__total">{t("participation.polls.results.total", { count: results.voters })}</p>
      <Chart
        id={`${id}-chart`}
        kind="bar"
        title={t("participation.polls.results.chart")}
        categories={rows.map((r) => r.label)}
        categoryHeading={t("participation.polls.results.option")}
        series={[{ name: t("participation.polls.results.percent"), values: rows.map((r) => r.part) }]}
        labels={rows.map((r) =>
          t("participation.polls.results.line", { option: r.label, votes: r.votes, percent: percent(r.part) }),
        )}
        format={percent}
        max={1}
        table="none"
      />
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

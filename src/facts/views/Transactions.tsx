import { Chart } from "../../platform/design/Chart.js";
import { Table } from "../../platform/design/Table.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { MonthTotal, TransactionFigures } from "../../statistics/figures.js";
import { monthName } from "./month-name.js";

/** The change from the month before in words ("up 3.2%", "down 1%", "no transactions the month before"). */
export function useChangeWords() {
  const { t, number } = usePage();
  const percent = (v: number) => number(Math.abs(v), { style: "percent", maximumFractionDigits: 1 });
  return (m: MonthTotal) => {
    if (m.change === undefined) return t("statistics.change.none");
    if (m.change > 0) return t("statistics.change.up", { percent: percent(m.change) });
    if (m.change < 0) return t("statistics.change.down", { percent: percent(m.change) });
    return t("statistics.change.same");
  };
}

/** Completed e-transactions per month and the most used services of the latest month: charts, tables and the CSV. */
export function Transactions({ figures }: { figures: TransactionFigures }) {
  const { t, number, locale, href } = usePage();
  const changeWords = useChangeWords();
  const latest = figures.latest;
  const percent = (v: number) => number(v, { style: "percent", maximumFractionDigits: 1 });
  const title = (s: { titleAr: string; titleEn: string }) => (locale === "ar" ? s.titleAr : s.titleEn);
  const hasAny = figures.year.total > 0;
  return (
    <section aria-labelledby="transactions-title">
      <h2 class="heading-l" id="transactions-title">
        {t("statistics.transactions.title")}
      </h2>
      {latest && hasAny ? (
        <p>
          {t("statistics.transactions.latest", {
            month: monthName(latest.month, locale),
            count: number(latest.total),
            change: changeWords(latest),
          })}
        </p>
      ) : (
        <p>{t("statistics.transactions.none")}</p>
      )}
      {hasAny ? (
        <>
          <h3 class="heading-m">{t("statistics.transactions.monthly")}</h3>
          <Chart
            id="transactions-chart"
            kind="line"
            title={t("statistics.transactions.chartTitle")}
            categories={figures.months.map((m) => monthName(m.month, locale))}
            categoryHeading={t("statistics.transactions.month")}
            series={[
              { name: t("statistics.transactions.completed"), values: figures.months.map((m) => m.total) },
              { name: t("statistics.transactions.online"), values: figures.months.map((m) => m.online) },
            ]}
            table="none"
          />
          <Table
            caption={t("statistics.transactions.caption", { total: number(figures.year.total) })}
            columns={[
              { label: t("statistics.transactions.month") },
              { label: t("statistics.transactions.completed"), numeric: true },
              { label: t("statistics.transactions.online"), numeric: true },
              { label: t("statistics.transactions.other"), numeric: true },
              { label: t("statistics.transactions.change") },
            ]}
            firstCellIsHeader
            rows={figures.months.map((m) => [
              monthName(m.month, locale),
              <bdi key="n">{number(m.total)}</bdi>,
              <bdi key="o">{number(m.online)}</bdi>,
              <bdi key="x">{number(m.other)}</bdi>,
              changeWords(m),
            ])}
          />
          {figures.onlineShare !== undefined ? (
            <p>{t("statistics.transactions.onlineShare", { share: percent(figures.onlineShare) })}</p>
          ) : null}
        </>
      ) : null}
      {latest && figures.top.length ? (
        <>
          <h3 class="heading-m">{t("statistics.top.title", { month: monthName(latest.month, locale) })}</h3>
          <Chart
            id="top-services-chart"
            kind="bar"
            title={t("statistics.top.chartTitle", { month: monthName(latest.month, locale) })}
            categories={figures.top.map(title)}
            categoryHeading={t("statistics.top.service")}
            series={[{ name: t("statistics.transactions.completed"), values: figures.top.map((s) => s.total) }]}
            table="none"
          />
          <Table
            caption={t("statistics.top.caption", { month: monthName(latest.month, locale) })}
            columns={[
              { label: t("statistics.top.service") },
              { label: t("statistics.transactions.completed"), numeric: true },
              { label: t("statistics.top.onlineShare"), numeric: true },
            ]}
            firstCellIsHeader
            rows={figures.top.map((s) => [
              s.titleEn === s.serviceSlug ? (
                title(s)
              ) : (
                <a key="a" href={href(`/services/${s.serviceSlug}`)}>
                  {title(s)}
                </a>
              ),
              <bdi key="n">{number(s.total)}</bdi>,
              <bdi key="p">{percent(s.total ? s.online / s.total : 0)}</bdi>,
            ])}
          />
        </>
      ) : null}
      <p>
        <a href={href("/facts/transactions.csv")} download>
          {t("statistics.transactions.download")}
        </a>
      </p>
      <p class="hint">{t("statistics.transactions.how")}</p>
    </section>
  );
}

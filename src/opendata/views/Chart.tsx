import { Chart, MAX_SERIES } from "../../platform/design/Chart.js";
import { formatMonth } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import { type ChartChoice, type ColumnLabel, columnLabel, type DataTable } from "../model.js";
import { CHART_ROWS } from "../schemas.js";

/** What a chart shows: periods along the time axis (years, months) and the numeric columns over them. */
export interface DatasetSeries {
  labelColumn: string;
  periods: string[];
  columns: { name: string; values: number[] }[];
}

/** A cell that is a period: a year, a month (2024-03) or a span of years (2024-2025). */
export const PERIOD = /^\d{4}(?:-\d{2}|-\d{4})?$/;
/** A cell that is a plain number. */
export const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** Whether every row of the table has a period in this column. */
export const isPeriodColumn = (table: DataTable, i: number) => i >= 0 && table.rows.every((r) => PERIOD.test(r[i] ?? ""));
/** Whether every row of the table has a plain number in this column. */
export const isNumericColumn = (table: DataTable, i: number) => i >= 0 && table.rows.every((r) => NUMBER.test(r[i] ?? ""));

/**
 * The series a table allows: a column of periods (2024, 2024-03,
 * 2024-2025) against numeric columns, when every row has them and each
 * period appears once, oldest first. The publisher's choice comes first
 * (its period column and its columns, those the file still has); without
 * one, the first column of periods against the numeric columns of a like
 * size (at most as many as a chart tells apart). Undefined when the table
 * does not fit a chart.
 */
export function chartSeries(table: DataTable, choice?: ChartChoice | null): DatasetSeries | undefined {
  const { columns, rows } = table;
  if (rows.length < 2 || rows.length > CHART_ROWS) return undefined;
  const chosenPeriod = choice?.period ? columns.indexOf(choice.period) : -1;
  const labelIndex = isPeriodColumn(table, chosenPeriod) ? chosenPeriod : columns.findIndex((_, i) => isPeriodColumn(table, i));
  if (labelIndex < 0) return undefined;
  const sorted = [...rows].sort((a, b) => (a[labelIndex] ?? "").localeCompare(b[labelIndex] ?? ""));
  const periods = sorted.map((r) => r[labelIndex] ?? "");
  if (new Set(periods).size !== periods.length) return undefined;
  const numeric = columns
    .map((name, i) => ({ name, values: sorted.map((r) => Number(r[i])), i }))
    .filter(({ i }) => i !== labelIndex && isNumericColumn(table, i));
  const chosen = (choice?.values ?? []).flatMap((name) => numeric.filter((c) => c.name === name));
  const first = numeric[0];
  if (!first) return undefined;
  // Only columns of the first one's size share its axis (39 million m³ and 512,000 customers do not).
  const size = (values: number[]) => Math.max(...values.map(Math.abs)) || 1;
  const alike = numeric.filter((c) => size(c.values) / size(first.values) <= 10 && size(first.values) / size(c.values) <= 10);
  return {
    labelColumn: columns[labelIndex] ?? "",
    periods,
    columns: (chosen.length ? chosen : alike).slice(0, MAX_SERIES).map(({ name, values }) => ({ name, values })),
  };
}

/**
 * A dataset's figures over time on the portal's line chart: a month
 * (2024-03) by name in the page's language, years and year ranges as they
 * are; its columns by the names the publisher gave them in the page's
 * language; the figures as a table under it.
 */
export function DatasetChart({ id, series, labels }: { id: string; series: DatasetSeries; labels: ColumnLabel[] }) {
  const { t, locale } = usePage();
  const label = (name: string) => columnLabel(labels, name, locale);
  // In English a label inside the title's sentence starts in lower case ("Private vehicles and commercial vehicles by year").
  const inSentence = (name: string) =>
    locale === "en" ? label(name).replace(/^\p{Lu}(?!\p{Lu})/u, (c) => c.toLowerCase()) : label(name);
  const period = (p: string) => (/^\d{4}-\d{2}$/.test(p) ? formatMonth(new Date(`${p}-15T00:00:00Z`), locale) : p);
  return (
    <Chart
      id={id}
      kind="line"
      title={t("opendata.chart.title", {
        value: series.columns.map((c, i) => (i === 0 ? label(c.name) : inSentence(c.name))).join(t("opendata.chart.and")),
        label: inSentence(series.labelColumn),
      })}
      categories={series.periods.map(period)}
      categoryHeading={label(series.labelColumn)}
      series={series.columns.map((c) => ({ name: label(c.name), values: c.values }))}
    />
  );
}

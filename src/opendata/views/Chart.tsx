import { Chart, MAX_SERIES } from "../../platform/design/Chart.js";
import { formatMonth } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { DataTable } from "../model.js";
import { CHART_ROWS } from "../schemas.js";

/** What a chart shows: periods along the time axis (years, months) and the numeric columns over them. */
export interface DatasetSeries {
  labelColumn: string;
  periods: string[];
  columns: { name: string; values: number[] }[];
}

const PERIOD = /^\d{4}(?:-\d{2}|-\d{4})?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * The series a table allows: its first column of periods (2024, 2024-03,
 * 2024-2025) against its numeric columns of a like size (at most as many
 * as a chart tells apart), when every row has them and each period appears
 * once, oldest first. Undefined when the table does not fit a chart.
 */
export function chartSeries(table: DataTable): DatasetSeries | undefined {
  const { columns, rows } = table;
  if (rows.length < 2 || rows.length > CHART_ROWS) return undefined;
  const labelIndex = columns.findIndex((_, i) => rows.every((r) => PERIOD.test(r[i] ?? "")));
  if (labelIndex < 0) return undefined;
  const sorted = [...rows].sort((a, b) => (a[labelIndex] ?? "").localeCompare(b[labelIndex] ?? ""));
  const periods = sorted.map((r) => r[labelIndex] ?? "");
  if (new Set(periods).size !== periods.length) return undefined;
  const numeric = columns
    .map((name, i) => ({ name, values: sorted.map((r) => Number(r[i])), i }))
    .filter(({ i }) => i !== labelIndex && rows.every((r) => NUMBER.test(r[i] ?? "")));
  const first = numeric[0];
  if (!first) return undefined;
  // Only columns of the first one's size share its axis (39 million m³ and 512,000 customers do not).
  const size = (values: number[]) => Math.max(...values.map(Math.abs)) || 1;
  const alike = numeric.filter((c) => size(c.values) / size(first.values) <= 10 && size(first.values) / size(c.values) <= 10);
  return {
    labelColumn: columns[labelIndex] ?? "",
    periods,
    columns: alike.slice(0, MAX_SERIES).map(({ name, values }) => ({ name, values })),
  };
}

/**
 * A dataset's figures over time on the portal's line chart: a month
 * (2024-03) by name in the page's language, years and year ranges as they
 * are; the figures as a table under it.
 */
export function DatasetChart({ id, series }: { id: string; series: DatasetSeries }) {
  const { t, locale } = usePage();
  const period = (p: string) => (/^\d{4}-\d{2}$/.test(p) ? formatMonth(new Date(`${p}-15T00:00:00Z`), locale) : p);
  return (
    <Chart
      id={id}
      kind="line"
      title={t("opendata.chart.title", {
        value: series.columns.map((c) => c.name).join(t("opendata.chart.and")),
        label: series.labelColumn,
      })}
      categories={series.periods.map(period)}
      categoryHeading={series.labelColumn}
      series={series.columns}
    />
  );
}

import { Table } from "../../platform/design/Table.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { DataTable } from "../model.js";
import { CHART_ROWS } from "../schemas.js";

/** What a chart shows: labels along one axis (years, months) and one numeric column. */
export interface ChartSeries {
  labelColumn: string;
  valueColumn: string;
  points: { label: string; value: number }[];
}

const PERIOD = /^\d{4}(?:-\d{2}|-\d{4})?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
const MAX_BARS = CHART_ROWS;

/**
 * The series a table allows: its first column of periods (2024, 2024-03,
 * 2024-2025) against its first numeric column, when every row has both and
 * each period appears once. Undefined when the table does not fit a chart.
 */
export function chartSeries(table: DataTable): ChartSeries | undefined {
  const { columns, rows } = table;
  if (rows.length < 2 || rows.length > MAX_BARS) return undefined;
  const labelIndex = columns.findIndex((_, i) => rows.every((r) => PERIOD.test(r[i] ?? "")));
  if (labelIndex < 0) return undefined;
  const labels = rows.map((r) => r[labelIndex] ?? "");
  if (new Set(labels).size !== labels.length) return undefined;
  const valueIndex = columns.findIndex((_, i) => i !== labelIndex && rows.every((r) => NUMBER.test(r[i] ?? "")));
  if (valueIndex < 0) return undefined;
  return {
    labelColumn: columns[labelIndex] ?? "",
    valueColumn: columns[valueIndex] ?? "",
    points: rows.map((r) => ({ label: r[labelIndex] ?? "", value: Number(r[valueIndex]) })),
  };
}

const WIDTH = 720;
const HEIGHT = 300;
const PAD = { top: 16, bottom: 48, side: 72 };

/**
 * A bar chart drawn on the server (no script): an SVG image with a title and
 * a description, the bars running from the reading start (right to left in
 * Arabic), and the same figures as a table for anyone who cannot see it.
 */
export function BarChart({ id, title, series }: { id: string; title: string; series: ChartSeries }) {
  const { t, number, dir } = usePage();
  const max = Math.max(...series.points.map((p) => p.value), 0) || 1;
  const min = Math.min(...series.points.map((p) => p.value));
  const first = series.points[0];
  const last = series.points[series.points.length - 1];
  const plotWidth = WIDTH - 2 * PAD.side;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / series.points.length;
  const barWidth = Math.max(2, slot * 0.7);
  const labelEvery = Math.ceil(series.points.length / 12);
  const x = (i: number) => {
    const start = PAD.side + i * slot + (slot - barWidth) / 2;
    return dir === "rtl" ? WIDTH - start - barWidth : start;
  };
  const y = (v: number) => PAD.top + plotHeight - (Math.max(v, 0) / max) * plotHeight;
  const axisX = dir === "rtl" ? WIDTH - PAD.side + 8 : PAD.side - 8;
  const anchor = dir === "rtl" ? "start" : "end";
  const description = t("opendata.chart.description", {
    value: series.valueColumn,
    label: series.labelColumn,
    count: series.points.length,
    from: first?.label ?? "",
    to: last?.label ?? "",
    min: number(min),
    max: number(max),
  });
  return (
    <figure class="opendata-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        preserveAspectRatio="xMidYMid meet"
        direction="ltr"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={PAD.side} x2={WIDTH - PAD.side} y1={y(0)} y2={y(0)} stroke="#505a5f" stroke-width="1" />
        {[0, 0.5, 1].map((f) => (
          <text x={axisX} y={y(max * f) + 4} text-anchor={anchor} font-size="12" fill="#0b0c0c" key={f}>
            {number(Math.round(max * f * 10) / 10)}
          </text>
        ))}
        {series.points.map((p, i) => (
          <g key={p.label}>
            <rect x={x(i)} y={y(p.value)} width={barWidth} height={Math.max(0, y(0) - y(p.value))} fill="#8a1538" />
            {i % labelEvery === 0 ? (
              <text x={x(i) + barWidth / 2} y={HEIGHT - PAD.bottom + 18} text-anchor="middle" font-size="12" fill="#0b0c0c">
                {p.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption>
        <details>
          <summary>{t("opendata.chart.asTable")}</summary>
          <Table
            caption={title}
            columns={[{ label: series.labelColumn }, { label: series.valueColumn, numeric: true }]}
            rows={series.points.map((p) => [
              <bdi dir="ltr" key="l">
                {p.label}
              </bdi>,
              <bdi dir="ltr" key="v">
                {number(p.value)}
              </bdi>,
            ])}
            firstCellIsHeader
          />
        </details>
      </figcaption>
    </figure>
  );
}

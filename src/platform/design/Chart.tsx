import type { ComponentChildren } from "preact";
import { usePage } from "../layout/page-context.js";
import { labelIndexes, niceScale, pointX, wrapLabel } from "./chart-scale.js";
import { Table } from "./Table.js";

/**
 * The portal's one chart: bars or lines drawn on the server as SVG, with no
 * script. How it reads in each language (decided once, here):
 *
 * - Bars grow from the start of the line: from the right in Arabic, from the
 *   left in English. Each bar's label (what it is and its figure) sits above
 *   it and wraps, so nothing is cut off on a 320 px phone.
 * - Lines put time along the reading direction: the oldest point at the
 *   right in Arabic, at the left in English. The value axis is on the start
 *   side (right in Arabic), its round ticks printed just above their
 *   gridlines so the plot keeps the whole width.
 * - Every number is in the page's language and numerals (the `format`
 *   given, or the page's own number formatting).
 * - The drawing is one `role="img"` named by its title and described in
 *   words (every bar's figure; each line's first, last, lowest and highest),
 *   and the same figures are a real table (in a disclosure, unless the page
 *   shows them in a table beside the chart).
 * - Series differ by dash pattern and marker shape as well as colour (each
 *   colour at least 3:1 against white); a target is a dark upright mark
 *   across its bar, named in the label.
 * - Widths are percentages and heights pixels: the chart takes the width it
 *   is given and its text never shrinks.
 */
export interface ChartSeries {
  /** The series' name (a legend entry and a table column). */
  name: string;
  /** One value per category, in the categories' order. */
  values: number[];
}

export interface ChartProps {
  id: string;
  /** "bar": categories as horizontal bars; "line": a time series, oldest category first. */
  kind: "bar" | "line";
  /** What the chart shows: the image's name and the table's caption. */
  title: string;
  /** The categories (bars' names, or periods oldest first), already in the page's language. */
  categories: string[];
  /** The heading of the categories' column in the table. */
  categoryHeading: string;
  series: ChartSeries[];
  /** How a value is written (a percentage, a sum of money); the page's number formatting by default. */
  format?: ((value: number) => string) | undefined;
  /** A bar chart's words for each bar (above it and in the description), when "category: value" says too little. */
  labels?: string[] | undefined;
  /** The value a full-width bar stands for (1 for shares of a whole); the largest value or target by default. */
  max?: number | undefined;
  /** A bar chart's targets, one per category (undefined where there is none). */
  targets?: (number | undefined)[] | undefined;
  /** "details": the figures in a disclosure under the chart; "none": the page has them in a table beside it. */
  table?: "details" | "none";
}

const SEPARATOR = { ar: "؛ ", en: "; " };
const MARKERS = ["circle", "square", "triangle", "diamond"] as const;
/** Most series a chart draws apart (each with its own colour, dash and marker). */
export const MAX_SERIES = MARKERS.length;

/** A series' marker, drawn around the point (0, 0). */
function Marker({ shape }: { shape: (typeof MARKERS)[number] }) {
  if (shape === "circle") return <circle r="4.5" />;
  if (shape === "square") return <rect x="-4" y="-4" width="8" height="8" />;
  if (shape === "triangle") return <polygon points="0,-5.5 5,4 -5,4" />;
  return <polygon points="0,-5.5 5.5,0 0,5.5 -5.5,0" />;
}

/** The legend of a chart with more than one series: each name beside its line's colour, dash and marker. */
function Legend({ series }: { series: ChartSeries[] }) {
  return (
    <ul class="chart__legend">
      {series.map((s, i) => (
        <li class="chart__legend-item" key={s.name}>
          <svg class={`chart__key chart__s${i}`} width="36" height="14" aria-hidden="true" focusable="false">
            <line class="chart__line" x1="2" x2="34" y1="7" y2="7" />
            <g class="chart__marker" transform="translate(18 7)">
              <Marker shape={MARKERS[i % MARKERS.length] ?? "circle"} />
            </g>
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

const LINE = { top: 24, height: 170, labels: 26 };

function LineDrawing({
  categories,
  series,
  rtl,
  format,
}: {
  categories: string[];
  series: ChartSeries[];
  rtl: boolean;
  format: (v: number) => string;
}) {
  const scale = niceScale(series.flatMap((s) => s.values));
  const tick = (v: number) => format(Number(v.toFixed(scale.fractionDigits)));
  const y = (v: number) => LINE.top + (1 - (v - scale.min) / (scale.max - scale.min)) * LINE.height;
  const n = categories.length;
  const shown = labelIndexes(n, Math.max(...categories.map((c) => c.length)));
  const edge = rtl ? "100%" : "0";
  return (
    <>
      {scale.ticks.map((v) => (
        <g class="chart__gridline" key={v}>
          <line class={v === 0 ? "chart__axis" : "chart__grid"} x1="0" x2="100%" y1={y(v)} y2={y(v)} />
          <text class="chart__tick" x={edge} y={y(v) - 4} text-anchor="start">
            {tick(v)}
          </text>
        </g>
      ))}
      {series.map((s, si) => (
        <g class={`chart__series chart__s${si}`} key={s.name}>
          {s.values.slice(1).map((v, i) => (
            <line
              class="chart__line"
              key={categories[i + 1]}
              x1={`${pointX(i, n, rtl)}%`}
              y1={y(s.values[i] ?? 0)}
              x2={`${pointX(i + 1, n, rtl)}%`}
              y2={y(v)}
            />
          ))}
          {s.values.map((v, i) => (
            <svg
              class="chart__point"
              aria-hidden="true"
              key={categories[i]}
              x={`${pointX(i, n, rtl)}%`}
              y={y(v)}
              overflow="visible"
            >
              <g class="chart__marker">
                <Marker shape={MARKERS[si % MARKERS.length] ?? "circle"} />
              </g>
            </svg>
          ))}
        </g>
      ))}
      {shown.map((i) => (
        <text
          class="chart__label chart__time"
          key={categories[i]}
          x={`${pointX(i, n, rtl)}%`}
          y={LINE.top + LINE.height + 20}
          text-anchor={i === 0 && n > 1 ? "start" : i === n - 1 && n > 1 ? "end" : "middle"}
        >
          {categories[i]}
        </text>
      ))}
    </>
  );
}

const BAR = { line: 20, gap: 6, height: 18, after: 14 };

/** Rows of horizontal bars: each row's wrapped label, then its bars (one per series), then the next row. */
function barRows(
  props: ChartProps,
  format: (v: number) => string,
  itemWord: (label: string, value: string) => string,
  targetWord: (label: string, value: string, target: string) => string,
) {
  const { categories, series, targets = [] } = props;
  const max = Math.max(1e-9, props.max ?? 0, ...series.flatMap((s) => s.values), ...targets.map((t) => t ?? 0));
  let y = 0;
  return categories.map((category, i) => {
    const target = targets[i];
    const figures = series.map((s) => format(s.values[i] ?? 0)).join(" · ");
    const label =
      props.labels?.[i] ?? (target === undefined ? itemWord(category, figures) : targetWord(category, figures, format(target)));
    const lines = wrapLabel(label);
    const top = y;
    const barsTop = top + lines.length * BAR.line + BAR.gap;
    y = barsTop + series.length * (BAR.height + 4) + BAR.after;
    return {
      key: category,
      lines,
      top,
      barsTop,
      target: target === undefined ? undefined : (target / max) * 100,
      max,
      height: y,
    };
  });
}

/** One of the portal's charts: see the comment above ChartProps for how it reads. */
export function Chart(props: ChartProps) {
  const { id, kind, title, categories, categoryHeading, series: all, targets, table = "details" } = props;
  const { t, dir, locale, number } = usePage();
  const rtl = dir === "rtl";
  const format = props.format ?? ((v: number) => number(v));
  const series = all.slice(0, MAX_SERIES).filter((s) => s.values.length);
  if (!categories.length || !series.length) {
    return (
      <figure class="chart chart--empty">
        <figcaption class="chart__title">{title}</figcaption>
        <p>{t("components.chart.empty")}</p>
      </figure>
    );
  }
  const targetWord = (label: string, value: string, target: string) => t("components.chart.withTarget", { label, value, target });
  let description: string;
  let height: number;
  let drawing: ComponentChildren;
  if (kind === "bar") {
    const itemWord = (label: string, value: string) => t("components.chart.item", { label, value });
    const rows = barRows(props, format, itemWord, targetWord);
    description = rows.map((r) => r.lines.join(" ")).join(SEPARATOR[locale]);
    height = rows[rows.length - 1]?.height ?? 0;
    const edge = rtl ? "100%" : "0";
    drawing = rows.map((r, i) => (
      <g class="chart__row" key={r.key}>
        <text class="chart__label" x={edge} y={r.top + 15} text-anchor="start">
          {r.lines.map((line, l) => (
            <tspan key={line} x={edge} dy={l === 0 ? 0 : BAR.line}>
              {line}
            </tspan>
          ))}
        </text>
        {series.map((s, si) => {
          const part = ((s.values[i] ?? 0) / r.max) * 100;
          const top = r.barsTop + si * (BAR.height + 4);
          return (
            <g class={`chart__s${si}`} key={s.name}>
              <rect class="chart__track" x="0" y={top} width="100%" height={BAR.height} />
              <rect
                class="chart__bar"
                x={rtl ? `${(100 - part).toFixed(2)}%` : "0"}
                y={top}
                width={`${part.toFixed(2)}%`}
                height={BAR.height}
              />
            </g>
          );
        })}
        {r.target === undefined ? null : (
          <svg
            class="chart__mark"
            aria-hidden="true"
            x={`${(rtl ? 100 - r.target : r.target).toFixed(2)}%`}
            y={r.barsTop - 4}
            overflow="visible"
          >
            <rect class="chart__target" x="-1.5" y="0" width="3" height={series.length * (BAR.height + 4) + 4} />
          </svg>
        )}
      </g>
    ));
  } else {
    const range = (s: ChartSeries) => {
      const low = s.values.indexOf(Math.min(...s.values));
      const high = s.values.indexOf(Math.max(...s.values));
      return t("components.chart.line", {
        series: s.name,
        first: format(s.values[0] ?? 0),
        from: categories[0] ?? "",
        last: format(s.values[s.values.length - 1] ?? 0),
        to: categories[categories.length - 1] ?? "",
        min: format(s.values[low] ?? 0),
        minAt: categories[low] ?? "",
        max: format(s.values[high] ?? 0),
        maxAt: categories[high] ?? "",
      });
    };
    description = series.map(range).join(SEPARATOR[locale]);
    height = LINE.top + LINE.height + LINE.labels;
    drawing = <LineDrawing categories={categories} series={series} rtl={rtl} format={format} />;
  }
  return (
    <figure class={`chart chart--${kind}`}>
      {series.length > 1 ? <Legend series={series} /> : null}
      <svg
        id={id}
        class="chart__svg"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        width="100%"
        height={height}
        direction={dir}
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc
          id={`${id}-desc`}
        >{`${description}. ${t(table === "details" ? "components.chart.inTable" : "components.chart.besideTable")}`}</desc>
        {drawing}
      </svg>
      {table === "details" ? (
        <details class="chart__table">
          <summary>{t("components.chart.asTable")}</summary>
          <Table
            caption={title}
            columns={[
              { label: categoryHeading },
              ...series.map((s) => ({ label: s.name, numeric: true })),
              ...(targets?.some((v) => v !== undefined) ? [{ label: t("components.chart.target"), numeric: true }] : []),
            ]}
            firstCellIsHeader
            rows={categories.map((c, i) => [
              c,
              ...series.map((s) => <bdi key={s.name}>{format(s.values[i] ?? 0)}</bdi>),
              ...(targets?.some((v) => v !== undefined)
                ? [<bdi key="target">{targets[i] === undefined ? "" : format(targets[i] ?? 0)}</bdi>]
                : []),
            ])}
          />
        </details>
      ) : null}
    </figure>
  );
}

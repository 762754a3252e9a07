import { formatMonth } from "../../platform/i18n/format.js";
import type { Locale } from "../../platform/i18n/locales.js";
import { usePage } from "../../platform/layout/page-context.js";

/** Height of one bar's row: its label, then its bar. */
const ROW = 52;
const BAR_TOP = 26;
const BAR_HEIGHT = 18;

export interface Bar {
  key: string;
  /** The text above the bar: what it is and its figure. */
  label: string;
  value: number;
}

/** A month (YYYY-MM) by name in the page's language ("October 2026", "أكتوبر 2026"). */
export function monthName(month: string, locale: Locale): string {
  // The middle of the month: the same month in any time zone.
  return formatMonth(new Date(`${month}-15T00:00:00Z`), locale);
}

/**
 * A horizontal bar chart drawn on the server: an SVG image whose title names
 * it and whose description gives every figure, so a screen reader hears the
 * same as the table beside it. Bars grow from the start of the line: from
 * the right in Arabic, from the left in English.
 */
export function BarChart({ id, title, bars }: { id: string; title: string; bars: Bar[] }) {
  const { dir, locale } = usePage();
  const rtl = dir === "rtl";
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <svg
      class="stat-chart"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      width="100%"
      height={bars.length * ROW}
      direction={dir}
      focusable="false"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{bars.map((b) => b.label).join(locale === "ar" ? "؛ " : "; ")}</desc>
      {bars.map((b, i) => {
        const y = i * ROW;
        const part = (b.value / max) * 100;
        return (
          <g key={b.key}>
            <text class="stat-chart__label" x={rtl ? "100%" : "0"} y={y + 18} text-anchor="start">
              {b.label}
            </text>
            <rect class="stat-chart__track" x="0" y={y + BAR_TOP} width="100%" height={BAR_HEIGHT} />
            <rect
              class="stat-chart__bar"
              x={rtl ? `${(100 - part).toFixed(2)}%` : "0"}
              y={y + BAR_TOP}
              width={`${part.toFixed(2)}%`}
              height={BAR_HEIGHT}
            />
          </g>
        );
      })}
    </svg>
  );
}

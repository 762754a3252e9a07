import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../i18n/format.js";
import { direction, type Locale } from "../i18n/locales.js";
import { translator } from "../i18n/messages.js";
import { PageContext } from "../layout/page-context.js";
import { Chart, type ChartProps } from "./Chart.js";
import { labelIndexes, niceScale, pointX, wrapLabel } from "./chart-scale.js";

function render(locale: Locale, props: ChartProps): string {
  const ctx = {
    locale,
    dir: direction[locale],
    tr: translator(locale),
    url: "/",
    csrfToken: "",
    navigation: [],
    asset: (name: string) => `/${name}`,
  };
  return renderToString(
    <PageContext.Provider value={ctx}>
      <Chart {...props} />
    </PageContext.Provider>,
  );
}

const months = (locale: Locale) =>
  ["2026-01", "2026-02", "2026-03", "2026-04"].map((m) =>
    new Intl.DateTimeFormat(locale === "ar" ? "ar-QA-u-nu-latn" : "en-GB", { month: "long", year: "numeric" }).format(
      new Date(`${m}-15T00:00:00Z`),
    ),
  );

const line = (locale: Locale): ChartProps => ({
  id: "t",
  kind: "line",
  title: locale === "ar" ? "المعاملات في كل شهر" : "Transactions each month",
  categories: months(locale),
  categoryHeading: locale === "ar" ? "الشهر" : "Month",
  series: [{ name: locale === "ar" ? "المنجزة" : "Completed", values: [1200, 7029.5, 3400, 5100] }],
});

const bars = (locale: Locale): ChartProps => ({
  id: "b",
  kind: "bar",
  title: "Shares",
  categories: ["Services online", "Transactions online"],
  categoryHeading: "Measure",
  series: [{ name: "Share", values: [0.6, 0.9] }],
  targets: [1, 0.8],
  format: (v) => formatNumber(v, locale, { style: "percent" }),
  max: 1,
});

/** The x (percent) of each point marker, in the data's order (oldest first). */
const pointXs = (html: string) =>
  [...html.matchAll(/class="chart__point" aria-hidden="true" x="([\d.]+)%"/g)].map((m) => Number(m[1]));

describe("chart scale", () => {
  it("ticks at round numbers from zero, never at the data's own odd values", () => {
    expect(niceScale([1200, 7029.5, 3400]).ticks).toEqual([0, 2000, 4000, 6000, 8000]);
    expect(niceScale([0.62, 0.91]).ticks).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceScale([0.62, 0.91]).fractionDigits).toBe(2);
    expect(niceScale([-5, 12]).ticks[0]).toBeLessThan(0);
    expect(niceScale([]).ticks).toEqual([0, 1]);
  });

  it("prints the first and last time labels and few enough between them to stay apart on a phone", () => {
    expect(labelIndexes(12, 11)).toEqual([0, 5, 11]);
    expect(labelIndexes(24, 7)).toEqual([0, 7, 14, 23]);
    // Six month names: only the ends fit a 320 px phone without touching.
    expect(labelIndexes(6, 11)).toEqual([0, 5]);
    expect(labelIndexes(3, 4)).toEqual([0, 1, 2]);
    expect(labelIndexes(1, 4)).toEqual([0]);
    expect(labelIndexes(0, 4)).toEqual([]);
  });

  it("runs time from the right in Arabic and from the left in English", () => {
    expect(pointX(0, 5, false)).toBeLessThan(pointX(4, 5, false));
    expect(pointX(0, 5, true)).toBeGreaterThan(pointX(4, 5, true));
    expect(pointX(0, 5, true)).toBe(100 - pointX(0, 5, false));
  });

  it("wraps a long label at spaces", () => {
    const lines = wrapLabel("Apply for a residence permit for a family member: 12,345", 24);
    expect(lines.every((l) => l.length <= 24)).toBe(true);
    expect(lines.join(" ")).toBe("Apply for a residence permit for a family member: 12,345");
    expect(wrapLabel("الخدمات المنجزة إلكترونياً بالكامل: 44.6% (المستهدف 50%)")).toEqual([
      "الخدمات المنجزة إلكترونياً",
      "بالكامل: 44.6% (المستهدف 50%)",
    ]);
  });
});

describe("Chart", () => {
  it("mirrors a line chart in Arabic: the oldest point at the right, the value axis on the right", () => {
    const ar = render("ar", line("ar"));
    const en = render("en", line("en"));
    const arX = pointXs(ar);
    const enX = pointXs(en);
    expect(arX).toHaveLength(4);
    expect(arX[0]).toBeGreaterThan(arX[3] ?? 100);
    expect(enX[0]).toBeLessThan(enX[3] ?? 0);
    expect(ar).toContain('direction="rtl"');
    expect(ar).toMatch(/class="chart__tick" x="100%"/);
    expect(en).toMatch(/class="chart__tick" x="0"/);
  });

  it("grows bars from the right in Arabic and from the left in English, with a target mark", () => {
    const ar = render("ar", bars("ar"));
    const en = render("en", bars("en"));
    // 60% of the width: starts 40% in from the left in Arabic, at the left edge in English.
    expect(ar).toContain('class="chart__bar" x="40.00%" y=');
    expect(en).toMatch(/class="chart__bar" x="0" y="[\d.]+" width="60.00%"/);
    expect(ar.match(/class="chart__target"/g)).toHaveLength(2);
    expect(en).toContain("Services online: 60% (target 100%)");
  });

  it("writes numbers in the page's language and round ticks, never the data's odd value", () => {
    const ar = render("ar", line("ar"));
    const en = render("en", line("en"));
    expect(en).toContain(">8,000</text>");
    expect(ar).toContain(`>${formatNumber(8000, "ar")}</text>`);
    expect(ar).not.toMatch(/class="chart__tick"[^>]*>[^<]*7[,٬]?029/);
    // The description gives the highest figure as written in each language.
    expect(en).toContain("the highest 7,029.5 in February 2026");
    expect(ar).toContain(formatNumber(7029.5, "ar"));
  });

  it("is one image named by its title and described in words, with the figures as a real table", () => {
    const html = render("en", line("en"));
    expect(html).toMatch(/<svg id="t" class="chart__svg" role="img" aria-labelledby="t-title t-desc"/);
    expect(html).toContain('<title id="t-title">Transactions each month</title>');
    expect(html).toMatch(/<desc id="t-desc">Completed: 1,200 in January 2026 and 5,100 in April 2026; the lowest 1,200/);
    expect(html).toContain("<details");
    expect(html).toContain("<caption");
    expect(html.match(/<th scope="row"/g)).toHaveLength(4);
    const arBars = render("ar", bars("ar"));
    expect(arBars).toContain("المستهدف");
    // Without a table of its own when the page has one beside it.
    expect(render("en", { ...line("en"), table: "none" })).not.toContain("<table");
  });

  it("tells series apart by marker and dash as well as colour, with a legend", () => {
    const html = render("en", {
      ...line("en"),
      series: [
        { name: "Completed", values: [1, 2, 3, 4] },
        { name: "Online", values: [1, 1, 2, 3] },
      ],
    });
    expect(html).toContain('class="chart__legend"');
    expect(html).toContain("chart__s0");
    expect(html).toContain("chart__s1");
    expect(html).toContain("<circle");
    expect(html).toContain('<rect x="-4" y="-4"');
  });

  it("says there is nothing to show instead of drawing an empty chart", () => {
    for (const locale of ["ar", "en"] as const) {
      const html = render(locale, { ...line(locale), categories: [], series: [] });
      expect(html).not.toContain("<svg");
      expect(html).toContain(translator(locale).t("components.chart.empty"));
    }
  });
});

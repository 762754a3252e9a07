import { readFileSync } from "node:fs";
import { renderToString } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { direction, type Locale } from "../../platform/i18n/locales.js";
import { translator } from "../../platform/i18n/messages.js";
import { PageContext } from "../../platform/layout/page-context.js";
import { fromRoot } from "../../platform/paths.js";
import { readCsv } from "../csv.js";
import { loadOpenDataContent } from "../demo.js";
import { type ColumnLabel, columnLabel } from "../model.js";
import { chartSeries, DatasetChart } from "./Chart.js";

const table = {
  columns: ["year", "private_vehicles", "commercial_vehicles", "motorcycles", "note"],
  rows: [
    ["2016", "1217123", "299348", "42744", "a"],
    ["2015", "1182000", "298000", "41000", "b"],
    ["2017", "1250000", "301000", "43000", "c"],
  ],
};
const labels: ColumnLabel[] = [
  { name: "year", ar: "السنة", en: "Year" },
  { name: "private_vehicles", ar: "المركبات الخاصة", en: "Private vehicles" },
  { name: "commercial_vehicles", ar: "", en: "Commercial vehicles" },
  { name: "motorcycles", ar: "الدراجات النارية", en: "Motorcycles" },
];

describe("a dataset's chart", () => {
  it("chooses a period column and numeric columns of a like size when the publisher chose none", () => {
    const s = chartSeries(table);
    expect(s?.labelColumn).toBe("year");
    expect(s?.periods).toEqual(["2015", "2016", "2017"]);
    expect(s?.columns.map((c) => c.name)).toEqual(["private_vehicles", "commercial_vehicles"]);
  });

  it("draws the publisher's columns, in their order, over the publisher's period column", () => {
    const s = chartSeries(table, { period: "year", values: ["motorcycles", "commercial_vehicles"] });
    expect(s?.columns.map((c) => c.name)).toEqual(["motorcycles", "commercial_vehicles"]);
    expect(s?.columns[0]?.values).toEqual([41000, 42744, 43000]);
    // Columns the file no longer has, or not numeric, are left out; with none left, the automatic choice.
    expect(chartSeries(table, { values: ["gone", "note"] })?.columns.map((c) => c.name)).toEqual([
      "private_vehicles",
      "commercial_vehicles",
    ]);
  });

  it("names a column in the page's language, else the other language, else the file's name", () => {
    expect(columnLabel(labels, "year", "ar")).toBe("السنة");
    expect(columnLabel(labels, "commercial_vehicles", "ar")).toBe("Commercial vehicles");
    expect(columnLabel(labels, "note", "ar")).toBe("note");
    expect(columnLabel(labels, "constructor", "en")).toBe("constructor");
  });

  const render = (locale: Locale, choice = { period: "year", values: ["private_vehicles", "motorcycles"] }) => {
    const series = chartSeries(table, choice);
    if (!series) throw new Error("no chart");
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
        <DatasetChart id="c" series={series} labels={labels} />
      </PageContext.Provider>,
    );
  };

  it("labels its title, legend, description and table in the page's language, never with the file's names", () => {
    const ar = render("ar");
    expect(ar).toContain('<title id="c-title">المركبات الخاصة والدراجات النارية حسب السنة</title>');
    expect(ar).toContain(">السنة</th>");
    expect(ar).not.toMatch(/private_vehicles|motorcycles|>year</);
    const en = render("en");
    expect(en).toContain('<title id="c-title">Private vehicles and motorcycles by year</title>');
    expect(en).not.toMatch(/private_vehicles|>year</);
  });
});

describe("the demo datasets' columns", () => {
  it("name every column of every demo file in both languages, and chart columns the file has", () => {
    for (const { meta, csv } of loadOpenDataContent()) {
      expect(meta.columns.length, meta.slug).toBeGreaterThan(0);
      if (!csv) continue;
      const { columns } = readCsv(readFileSync(fromRoot(`content/opendata/${meta.slug}.csv`), "utf8"));
      expect(meta.columns.map((c) => c.name).sort(), meta.slug).toEqual([...columns].sort());
      const series = chartSeries(readCsv(csv.toString("utf8")), meta.chart);
      if (meta.chart)
        expect(
          series?.columns.map((c) => c.name),
          meta.slug,
        ).toEqual(meta.chart.values);
    }
  });
});

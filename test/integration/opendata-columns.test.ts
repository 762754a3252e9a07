import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findDataset } from "../../src/opendata/repository.js";
import { datasets } from "../../src/opendata/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { signedInAs } from "../support/people.js";

/** Open data columns named by their publisher in both languages, and the columns a dataset's chart shows. */
let t: TestApp;
const db = () => t.db.database.db;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 240_000);
afterAll(() => t.close());

/** The chart (its drawing, legend and table) and the page's own table of first rows. */
const chartOf = (body: string) => /<figure class="chart[^"]*">.*?<\/figure>/s.exec(body)?.[0] ?? "";
const tablesOf = (body: string) => (body.match(/<table.*?<\/table>/gs) ?? []).join("\n");
/** The text without the isolates a message puts around the values it names. */
const plain = (body: string) => body.replace(/[\u2066-\u2069]/g, "");
const titleOf = (body: string) => /<title id="dataset-chart-title">(.*?)<\/title>/.exec(body)?.[1];

describe("a dataset's page", () => {
  it("names the columns in Arabic on the Arabic page, in its chart and its table, never by the file's names", async () => {
    const res = await t.app.inject({ url: "/opendata/licensed-vehicles-by-year" });
    expect(res.statusCode).toBe(200);
    const chart = chartOf(res.body);
    expect(titleOf(res.body)).toBe("إجمالي المركبات والمركبات الخاصة والمركبات التجارية حسب السنة");
    for (const label of ["السنة", "المركبات الخاصة", "المركبات التجارية", "إجمالي المركبات"]) expect(chart).toContain(label);
    const tables = tablesOf(res.body);
    expect(tables).toContain(">الدراجات النارية</th>");
    for (const raw of ["private_vehicles", "commercial_vehicles", "motorcycles"]) expect(res.body).not.toContain(raw);
    expect(`${chart}${tables}`).not.toMatch(/>(year|total)</);

    const en = await t.app.inject({ url: "/en/opendata/licensed-vehicles-by-year" });
    expect(titleOf(en.body)).toBe("All vehicles and private vehicles and commercial vehicles by year");
    expect(tablesOf(en.body)).toContain(">Motorcycles</th>");
    // The downloads keep the file's own names.
    const csv = await t.app.inject({ url: "/opendata/licensed-vehicles-by-year/csv" });
    expect(csv.body.split("\n")[0]).toBe("year,private_vehicles,commercial_vehicles,motorcycles,total");
  });

  it("charts the columns the publisher chose, not the automatic choice", async () => {
    // The automatic choice would draw visits too; the publisher chose vaccinations and remote consultations.
    const res = await t.app.inject({ url: "/opendata/primary-care-visits-by-month" });
    const chart = chartOf(res.body);
    expect(titleOf(res.body)).toBe("التطعيمات والاستشارات عن بُعد حسب الشهر");
    expect(chart).not.toContain("الزيارات");
    expect(tablesOf(res.body)).toContain(">الزيارات</th>");
  });
});

describe("the agency's workspace form", () => {
  const metadata = {
    titleAr: "تصاريح الإقامة الصادرة شهرياً",
    titleEn: "Residence permits issued by month",
    descriptionAr: "عدد تصاريح الإقامة الجديدة والمجددة الصادرة كل شهر.",
    descriptionEn: "New and renewed residence permits issued each month.",
    theme: "GOVE",
    keywordsAr: "إقامة، تصاريح",
    keywordsEn: "residence, permits",
    licence: "cc-by-4.0",
    frequency: "MONTHLY",
    temporalStart: "2024-01-01",
    temporalEnd: "2025-12-31",
    published: "1",
  };
  const columns = {
    columnName: ["month", "new_permits", "renewals"],
    columnAr: ["الشهر", "تصاريح أول مرة", "تصاريح مجددة"],
    columnEn: ["Month", "First permits", ""],
  };
  const url = "/workspace/datasets/residence-permits-by-month";
  const row = async () => (await db().select().from(datasets).where(eq(datasets.slug, "residence-permits-by-month")))[0];

  it("lists the file's columns with their names in both languages and the chart's choice", async () => {
    const editor = await signedInAs(t.app, "editor");
    const page = await editor.get(`/en${url}`);
    expect(page.statusCode).toBe(200);
    expect(plain(page.body)).toContain("Column “new_permits”");
    expect(page.body).toMatch(/name="columnAr"[^>]*value="التصاريح الجديدة"|value="التصاريح الجديدة"[^>]*name="columnAr"/);
    expect(page.body).toMatch(/<input[^>]*name="chartValues"[^>]*value="renewals"[^>]*checked/);
  });

  it("refuses a column the file does not have, in the person's language, keeping the draft and the dataset", async () => {
    const editor = await signedInAs(t.app, "editor");
    const before = await row();
    await editor.get(url);
    const res = await editor.postMultipart(url, {
      ...metadata,
      ...columns,
      titleEn: "A changed title",
      chartPeriod: "month",
      chartValues: ["new_permits", "no_such_column"],
    });
    expect(res.statusCode).toBe(400);
    expect(plain(res.body)).toContain("لا يوجد في الملف عمود باسم «no_such_column»، فاختر أحد أعمدته");
    expect(res.body).toContain('href="#chartValues"');
    expect(res.body).toContain('value="تصاريح أول مرة"');
    expect(res.body).toContain('value="A changed title"');
    expect(await row()).toEqual(before);

    await editor.get(`/en${url}`);
    const english = await editor.postMultipart(`/en${url}`, { ...metadata, ...columns, chartPeriod: "", chartValues: "month" });
    expect(english.statusCode).toBe(400);
    expect(plain(english.body)).toContain("The column “month” does not have a number in every row, so the chart cannot show it");
    const notPeriod = await editor.postMultipart(`/en${url}`, { ...metadata, ...columns, chartPeriod: "renewals" });
    expect(notPeriod.statusCode).toBe(400);
    expect(plain(notPeriod.body)).toContain("The column “renewals” does not have a period");
    expect(await row()).toEqual(before);
  });

  it("saves the names and the chart's columns, which the page then shows; a form without them keeps them", async () => {
    const editor = await signedInAs(t.app, "editor");
    await editor.get(url);
    const res = await editor.postMultipart(url, { ...metadata, ...columns, chartPeriod: "month", chartValues: "new_permits" });
    expect(res.statusCode).toBe(303);
    const saved = await findDataset(db(), "residence-permits-by-month");
    expect(saved?.columnLabels).toEqual([
      { name: "month", ar: "الشهر", en: "Month" },
      { name: "new_permits", ar: "تصاريح أول مرة", en: "First permits" },
      { name: "renewals", ar: "تصاريح مجددة", en: "" },
    ]);
    expect(saved?.chart).toEqual({ period: "month", values: ["new_permits"] });
    const form = await editor.get(`/en${url}`);
    expect(form.body).toContain('value="تصاريح أول مرة"');
    expect(form.body).toMatch(/<input[^>]*name="chartValues"[^>]*value="new_permits"[^>]*checked/);
    expect(form.body).not.toMatch(/<input[^>]*name="chartValues"[^>]*value="renewals"[^>]*checked/);

    const ar = await t.app.inject({ url: "/opendata/residence-permits-by-month" });
    expect(titleOf(ar.body)).toBe("تصاريح أول مرة حسب الشهر");
    expect(tablesOf(ar.body)).toContain(">تصاريح مجددة</th>");
    // No English name given: the English page falls back to the Arabic one.
    const en = await t.app.inject({ url: "/en/opendata/residence-permits-by-month" });
    expect(titleOf(en.body)).toBe("First permits by month");
    expect(tablesOf(en.body)).toContain(">تصاريح مجددة</th>");
    const json = JSON.parse((await t.app.inject({ url: "/opendata/residence-permits-by-month/json" })).body) as object[];
    expect(Object.keys(json[0] ?? {})).toEqual(["month", "new_permits", "renewals"]);

    // A form that does not list the columns (metadata alone) leaves them as they are.
    await editor.get(url);
    expect((await editor.postMultipart(url, { ...metadata, titleEn: "Residence permits each month" })).statusCode).toBe(303);
    const kept = await findDataset(db(), "residence-permits-by-month");
    expect(kept?.titleEn).toBe("Residence permits each month");
    expect(kept?.columnLabels).toEqual(saved?.columnLabels);
    expect(kept?.chart).toEqual(saved?.chart);
  });
});

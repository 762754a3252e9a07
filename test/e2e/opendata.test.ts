import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { measureOverflow } from "./support/reflow.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The chart's text alternative: its title and description, read through aria-labelledby. */
async function chartAlternative(page: Page): Promise<string> {
  const chart = page.locator('main svg[role="img"]');
  expect(await chart.count()).toBe(1);
  const ids = ((await chart.getAttribute("aria-labelledby")) ?? "").split(" ");
  expect(ids).toHaveLength(2);
  const parts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  for (const p of parts) expect((p ?? "").trim().length).toBeGreaterThan(5);
  return parts.join(" ");
}

describe("the open data portal, by keyboard, with axe", () => {
  it("in English: filter the catalogue by theme with the keyboard, open a dataset and its chart", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/opendata`);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    await expectAccessible(page);

    await skipToMain(page);
    await tabTo(page, "#opendata-q");
    await typeOver(page, "month");
    await tabTo(page, "#opendata-theme");
    // Choose "Environment" by typing its first letters on the closed list, as a keyboard user does.
    await page.keyboard.type("Env");
    expect(await page.locator("#opendata-theme").inputValue()).toBe("ENVI");
    await tabTo(page, "main form.filters button[type=submit]");
    await Promise.all([page.waitForURL(/theme=ENVI/), page.keyboard.press("Enter")]);
    expect(page.url()).toContain("q=month");
    const results = (await page.textContent("main .listing__results")) ?? "";
    expect(results).toContain("Water consumption by month");
    expect(results).not.toContain("Residence permits");
    await expectAccessible(page);

    await tabTo(page, 'main a[href="/en/opendata/water-consumption-by-month"]');
    await Promise.all([page.waitForURL(/\/en\/opendata\/water-consumption-by-month$/), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    // The columns by the names their publisher gave them, never the file's.
    const english = await chartAlternative(page);
    expect(english).toContain("Consumption (million m³)");
    expect(english).not.toContain("consumption_million_m3");
    // The figures as a table, opened by keyboard.
    await tabTo(page, "main figure details summary");
    await page.keyboard.press("Enter");
    expect(await page.locator("main figure details table tbody tr").count()).toBe(24);
    await expectAccessible(page);
    await context.close();
  });

  it("in Arabic: the catalogue and a dataset page with its chart mirrored", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/opendata`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expectAccessible(page);

    await page.goto(`${baseUrl}/opendata/licensed-vehicles-by-year`);
    await expectAccessible(page);
    const alternative = await chartAlternative(page);
    expect(alternative).toContain("المركبات الخاصة");
    expect(alternative).not.toContain("private_vehicles");
    const headers = await page.locator("main table th[scope=col]").allTextContents();
    expect(headers).toContain("الدراجات النارية");
    expect(headers.join(" ")).not.toMatch(/[a-z_]{4,}/);
    const bars = page.locator('main svg[role="img"] rect');
    expect(await bars.count()).toBe(11);
    // The first year's bar is at the right in Arabic.
    const first = await bars.nth(0).boundingBox();
    const last = await bars.nth(10).boundingBox();
    expect(first && last && first.x > last.x).toBe(true);
    expect(await page.locator("main table").count()).toBeGreaterThanOrEqual(2);
    await context.close();
  });

  it("in English: an agency editor's upload form, and its refusal of a ragged file, are accessible", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/sign-in`);
    await signIn(page, "editor@demo.hukoomi.example");
    await page.goto(`${baseUrl}/en/workspace/datasets/residence-permits-by-month`);
    expect(await page.textContent("main h1")).toContain("Residence permits issued by month");
    await expectAccessible(page);
    await page.setInputFiles("#file", {
      name: "permits.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("month,new_permits,renewals\n2026-01,1,2\n2026-02,3\n"),
    });
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.keyboard.press("Enter")]);
    await page.waitForSelector(".error-summary");
    expect((await page.textContent(".error-summary")) ?? "").toContain("Line 3 has a different number of columns");
    await expectAccessible(page);
    await context.close();
  });

  it("in Arabic: the editor names the columns and chooses the chart's, and a column that is not numeric is refused", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/sign-in`);
    await signIn(page, "editor@demo.hukoomi.example");
    await page.goto(`${baseUrl}/workspace/datasets/residence-permits-by-month`);
    expect(await page.inputValue("#columnAr-2")).toBe("التصاريح الجديدة");
    await expectAccessible(page);
    // With the time axis chosen automatically, ticking the months as a figure to draw is refused.
    await page.selectOption("#chartPeriod", "");
    await page.check("#chartValues");
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.keyboard.press("Enter")]);
    await page.waitForSelector(".error-summary");
    expect((await page.textContent(".error-summary")) ?? "").toContain("لا يحتوي على رقم في كل صف");
    expect(await page.isChecked("#chartValues")).toBe(true);
    await expectAccessible(page);
    await context.close();
  });
});

describe("the open data pages on a phone", () => {
  it("reflow at 320 px in both languages: nothing scrolls sideways on a dataset page with its chart or on the editor's form", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/sign-in`);
    await signIn(page, "editor@demo.hukoomi.example");
    const found: string[] = [];
    for (const locale of ["", "/en"])
      for (const path of [
        "/opendata/licensed-vehicles-by-year",
        "/opendata/school-enrolment-by-level",
        "/opendata/water-consumption-by-month",
        "/workspace/datasets/residence-permits-by-month",
      ]) {
        await page.goto(`${baseUrl}${locale}${path}`);
        const o = await measureOverflow(page);
        if (o.scrollWidth > o.clientWidth) found.push(`${locale}${path}: ${o.scrollWidth} px — ${o.culprits.join(", ")}`);
      }
    expect(found).toEqual([]);
    await context.close();
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo } from "./support/keyboard.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("search box suggestions (combobox)", () => {
  for (const locale of ["ar", "en"] as const) {
    it(`opens, moves with the arrow keys and opens a suggestion with Enter (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${locale === "en" ? "/en/search" : "/search"}`);
      const input = page.locator("#q");
      expect(await input.getAttribute("role")).toBe("combobox");
      expect(await input.getAttribute("aria-expanded")).toBe("false");
      await input.focus();
      await page.keyboard.type(locale === "en" ? "exit per" : "تصريح خر", { delay: 30 });
      const listbox = page.locator('[role="listbox"]:visible');
      await listbox.waitFor();
      expect(await input.getAttribute("aria-expanded")).toBe("true");
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press("ArrowDown");
      const active = await input.getAttribute("aria-activedescendant");
      expect(active).toBeTruthy();
      expect(await page.locator(`#${active}`).getAttribute("aria-selected")).toBe("true");
      const title = await page.locator(`#${active}`).textContent();
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/services\//);
      expect(await page.textContent("h1")).toBe(title);
      await context.close();
    });
  }

  it("closes with Escape and leaves the form working", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en`);
    const input = page.locator("#site-search-q");
    await input.focus();
    await page.keyboard.type("visa", { delay: 30 });
    await page.locator('[role="listbox"]:visible').waitFor();
    await page.keyboard.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/search\?q=visa/);
    expect(await page.locator(".search-result").count()).toBeGreaterThan(0);
    await context.close();
  });
});

const templates: [string, string][] = [
  ["results", "/search?q=%D8%AA%D8%AC%D8%AF%D9%8A%D8%AF%20%D8%A7%D9%84%D8%A7%D9%82%D8%A7%D9%85%D8%A9"],
  ["results, filtered", "/search?q=permit&type=service&online=1"],
  ["other keyboard layout", "/search?q=hrhlm"],
  ["did you mean", "/search?q=residense%20permitt%20xqz"],
  ["no results", "/search?q=zzqqxx"],
];

describe("axe-core finds no violation on the search templates", () => {
  for (const [name, path] of templates) {
    for (const locale of ["ar", "en"] as const) {
      it(`${name} (${locale})`, async () => {
        const { context, page } = await newPage(browser);
        await page.goto(`${baseUrl}${locale === "en" ? `/en${path}` : path}`);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

describe("on a phone the results come first, the filters folded under the count", () => {
  const queries = { ar: "جواز", en: "passport" } as const;
  for (const locale of ["ar", "en"] as const) {
    it(`shows the first result above the fold at 360×740 and opens the filters by keyboard without JavaScript (${locale})`, async () => {
      const context = await browser.newContext({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });
      const page = await context.newPage();
      const base = `${baseUrl}${locale === "en" ? "/en" : ""}/search`;
      await page.goto(`${base}?q=${encodeURIComponent(queries[locale])}`);
      expect(await page.getAttribute("html", "dir")).toBe(locale === "ar" ? "rtl" : "ltr");
      const first = await page.locator(".search-result__title").first().boundingBox();
      expect(first && first.y + first.height).toBeLessThanOrEqual(740);
      expect(await page.locator("#filter-type").isVisible()).toBe(false);

      // Keyboard only: from the main content, Tab reaches the folded filters after the search button; Enter opens them.
      await skipToMain(page);
      await tabTo(page, ".filter-disclosure__summary");
      await page.keyboard.press("Enter");
      expect(await page.locator("#filter-type").isVisible()).toBe(true);
      await tabTo(page, "#filter-type");
      await page.selectOption("#filter-type", "service");
      await tabTo(page, ".filters button[type=submit]");
      await Promise.all([page.waitForURL(/[?&]type=service/), page.keyboard.press("Enter")]);

      // Filtered: still results first, and the folded filters say one is on.
      expect(await page.locator(".filter-disclosure__summary").textContent()).toMatch(locale === "en" ? /1 filter on/ : /واحد/);
      const filtered = await page.locator(".search-result__title").first().boundingBox();
      expect(filtered && filtered.y + filtered.height).toBeLessThanOrEqual(740);
      await context.close();
    });
  }

  it("on a wide screen keeps the filters open beside the results, without the fold's button", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/search?q=passport`);
    expect(await page.locator(".filter-disclosure__summary").isVisible()).toBe(false);
    expect(await page.locator("#filter-type").isVisible()).toBe(true);
    const filters = await page.locator(".filters").boundingBox();
    const results = await page.locator(".search-results").boundingBox();
    // Left to right, the filters stand at the start (left) of the results, their tops level with the count's.
    expect(filters && results && filters.x + filters.width).toBeLessThanOrEqual(results?.x ?? 0);
    await context.close();
  });
});

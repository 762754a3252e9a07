import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo } from "./support/keyboard.js";
import { expectAccessible } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every chart in the main content (every SVG not hidden as decoration): an image named by its title, described by its description, each non-empty. */
async function chartAlternatives(page: Page): Promise<{ name: string; description: string }[]> {
  return page.$$eval('main svg:not([aria-hidden="true"])', (charts) =>
    charts.map((svg) => {
      const ids = (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
      const [titleId, descId] = ids;
      const title = titleId ? document.getElementById(titleId) : null;
      const desc = descId ? document.getElementById(descId) : null;
      return {
        name: svg.getAttribute("role") === "img" && title?.tagName === "title" ? (title.textContent ?? "") : "",
        description: desc?.tagName === "desc" ? (desc.textContent ?? "") : "",
      };
    }),
  );
}

describe("transaction statistics and the strategy dashboard, with axe, in both languages", () => {
  for (const [path, dir] of [
    ["/facts", "rtl"],
    ["/en/facts", "ltr"],
  ] as const) {
    it(`${path}: charts with text alternatives and tables beside them; the CSV link by keyboard`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${path}`);
      expect(await page.getAttribute("html", "dir")).toBe(dir);
      await expectAccessible(page);
      const charts = await chartAlternatives(page);
      expect(charts.length).toBeGreaterThanOrEqual(2);
      for (const c of charts) {
        expect(c.name.trim()).not.toBe("");
        expect(c.description.trim()).not.toBe("");
      }
      // Twelve months in the monthly chart, a marker for each on each of its two lines.
      expect(await page.locator("main svg#transactions-chart svg.chart__point").count()).toBe(24);
      expect(await page.locator("main table").count()).toBeGreaterThanOrEqual(3);
      await skipToMain(page);
      await tabTo(page, 'main a[href$="/facts/transactions.csv"]');
      const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      const csv = await page.request.get(href);
      expect(csv.status()).toBe(200);
      expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
      expect((await csv.body()).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
      await context.close();
    });
  }

  for (const [path, dir, statuses] of [
    ["/strategy", "rtl", ["تحقق المستهدف", "لم يتحقق المستهدف", "لا تتوفر بيانات كافية بعد"]],
    ["/en/strategy", "ltr", ["Target met", "Target not met", "Not enough data yet"]],
  ] as const) {
    it(`${path}: each target stated in words; the chart has a text alternative; reached from the footer`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${path.replace("/strategy", "/") || "/"}`);
      await tabTo(page, 'footer a[href$="/strategy"]');
      await Promise.all([page.waitForURL(new RegExp(`${path}$`)), page.keyboard.press("Enter")]);
      expect(await page.getAttribute("html", "dir")).toBe(dir);
      await expectAccessible(page);
      expect(await page.locator("main section.strategy-measure").count()).toBe(5);
      const tags = await page.locator("main section.strategy-measure .tag").allTextContents();
      expect(tags).toHaveLength(5);
      for (const tag of tags) expect(statuses).toContain(tag);
      const charts = await chartAlternatives(page);
      expect(charts.length).toBe(1);
      expect(charts[0]?.name.trim()).not.toBe("");
      expect(charts[0]?.description.trim()).not.toBe("");
      await context.close();
    });
  }
});

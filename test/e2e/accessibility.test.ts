import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** One address per page template; each is checked in Arabic and in English. */
const templates: [string, string][] = [
  ["home", "/"],
  ["content page", "/about"],
  ["timeline page", "/about/history"],
  ["content page with a table", "/contact"],
  ["sitemap", "/sitemap"],
  ["search, empty", "/search"],
  ["search, results", "/search?q=privacy"],
  ["search, no results", "/search?q=zzzzqqq"],
  ["search, refused query", `/search?q=${"a".repeat(300)}`],
  ["design system", "/design-system"],
  ["404 page", "/no-such-page"],
  ["malformed address", "/about%E0%A4%A"],
];

function localized(locale: "ar" | "en", path: string): string {
  if (locale === "ar") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

describe("axe-core finds no WCAG 2.2 A/AA violation", () => {
  for (const [name, path] of templates) {
    for (const locale of ["ar", "en"] as const) {
      it(`${name} (${locale})`, async () => {
        const { context, page } = await newPage(browser);
        await page.goto(`${baseUrl}${localized(locale, path)}`);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }

  for (const locale of ["ar", "en"] as const) {
    it(`feedback comment page and its refused form (${locale})`, async () => {
      // Answer with JavaScript off to reach the comment page (axe itself needs JavaScript, so it runs in a second context).
      const plain = await newPage(browser, { javaScriptEnabled: false });
      await plain.page.goto(`${baseUrl}${localized(locale, "/about")}`);
      await plain.page.locator("[data-feedback-answer] button[value=no]").click();
      await plain.page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
      const commentUrl = plain.page.url();
      await plain.context.close();

      const { context, page } = await newPage(browser);
      await page.goto(commentUrl);
      expect(await axeViolations(page)).toEqual([]);
      await page.fill("#comment", "x".repeat(1300));
      await page.locator("main form button[type=submit]").click();
      await page.waitForSelector(".error-summary");
      // The script moves focus to the summary.
      expect(await page.evaluate(() => document.activeElement?.classList.contains("error-summary"))).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});

import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";
import { expectErrorSummaryFocused } from "./support/keyboard.js";

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

/** Playwright's default viewport, a desktop screen. */
const DESKTOP = { width: 1280, height: 720 };

function localized(locale: "ar" | "en", path: string): string {
  if (locale === "ar") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** One page for every template, resized rather than opened again (axe itself is most of the time). */
let shared: { context: BrowserContext; page: Page } | undefined;
async function sharedPage(): Promise<Page> {
  shared ??= await newPage(browser);
  return shared.page;
}
afterAll(() => shared?.context.close());

/**
 * The rules whose outcome depends on the geometry alone (text over what is
 * behind it, the size and spacing of targets, boxes that scroll): between
 * 360 and 320 px nothing else changes, as no style changes between the two.
 */
const GEOMETRY_RULES = ["color-contrast", "target-size", "scrollable-region-focusable"];

async function geometryViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withRules(GEOMETRY_RULES).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} — ${n.failureSummary ?? ""}`),
  );
}

/**
 * The page's violations on a desktop screen, then on a phone, 360 px wide,
 * with every <details> open (the phone header's Search and Menu, the folded
 * search filters), so what a phone shows behind its buttons is checked too;
 * then at 320 px, the rules that depend on the layout's geometry.
 */
async function violationsAtEveryWidth(page: Page): Promise<string[]> {
  const found = (await axeViolations(page)).map((v) => `desktop: ${v}`);
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => {
    for (const details of document.querySelectorAll("details")) details.open = true;
  });
  found.push(...(await axeViolations(page)).map((v) => `360 px: ${v}`));
  await page.setViewportSize({ width: 320, height: 740 });
  found.push(...(await geometryViolations(page)).map((v) => `320 px: ${v}`));
  return found;
}

describe("axe-core finds no WCAG 2.2 A/AA violation, on a desktop screen and at 360 and 320 px", () => {
  for (const [name, path] of templates) {
    for (const locale of ["ar", "en"] as const) {
      it(`${name} (${locale})`, async () => {
        const page = await sharedPage();
        await page.setViewportSize(DESKTOP);
        await page.goto(`${baseUrl}${localized(locale, path)}`);
        expect(await page.getAttribute("html", "lang")).toBe(locale);
        expect(await violationsAtEveryWidth(page)).toEqual([]);
      });
    }
  }

  for (const locale of ["ar", "en"] as const) {
    // Three widths and the refused form: five runs of axe, on a busy 2-core machine.
    it(`feedback comment page and its refused form (${locale})`, { timeout: 180_000 }, async () => {
      // Answer with JavaScript off to reach the comment page (axe itself needs JavaScript, so it runs in a second context).
      const plain = await newPage(browser, { javaScriptEnabled: false });
      await plain.page.goto(`${baseUrl}${localized(locale, "/about")}`);
      await plain.page.locator("[data-feedback-answer] button[value=no]").click();
      await plain.page.waitForURL(/\/feedback\/[0-9a-f-]{36}$/);
      const commentUrl = plain.page.url();
      await plain.context.close();

      const { context, page } = await newPage(browser);
      await page.goto(commentUrl);
      expect(await violationsAtEveryWidth(page)).toEqual([]);
      await page.setViewportSize(DESKTOP);
      await page.fill("#comment", "x".repeat(1300));
      await page.locator("main form button[type=submit]").click();
      await page.waitForSelector(".error-summary");
      // The script moves focus to the summary.
      await expectErrorSummaryFocused(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
});

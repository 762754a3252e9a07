import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";
import { skipToMain } from "./support/keyboard.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("persona journey", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`home → resident → parent → a service in two clicks (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled });
      await page.goto(`${baseUrl}/en`);
      // Click 1: the sub-persona straight from the home page's chooser.
      await page.getByRole("link", { name: "Resident: Parent" }).click();
      await page.waitForURL(`${baseUrl}/en/for/resident-parent`);
      expect(await page.textContent("h1")).toBe("Services for: Resident: Parent");
      // Click 2: the persona's most used service, the first thing under the heading.
      const first = page.locator("#top-tasks ~ .task-list .task-list__link").first();
      const title = await first.textContent();
      await first.click();
      await page.waitForURL(/\/en\/services\//);
      expect(await page.textContent("h1")).toBe(title);
      await context.close();
    });
  }

  it("the first stop after skipping to the content is the persona's most used service, in Arabic, without JavaScript", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/for/resident`);
    await skipToMain(page);
    await page.keyboard.press("Tab");
    const focused = page.locator("#top-tasks ~ .task-list .task-list__link:focus");
    expect(await focused.count()).toBe(1);
    const title = await focused.textContent();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/services\//);
    expect(await page.textContent("h1")).toBe(title);
    await context.close();
  });

  it("filters to fully online services with the keyboard, without JavaScript", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/for/resident`);
    await page.locator("#filter-online").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "تطبيق التصفية" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/online=1/);
    const tags = await page.locator(".service-list .tag").allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(new Set(tags)).toEqual(new Set(["إلكترونية بالكامل"]));
    await context.close();
  });
});

const templates: [string, string][] = [
  ["home with catalogue", "/"],
  ["all services", "/services"],
  ["service page", "/services/renew-residence-permit"],
  ["service page with documents", "/services/apply-for-building-permit"],
  ["persona index", "/for"],
  ["persona page", "/for/resident"],
  ["topic index", "/topics"],
  ["topic page", "/topics/health?online=1"],
  ["topic page, task first", "/topics/residency-and-visas"],
  ["life events", "/life-events"],
  ["life event page", "/life-events/having-a-baby"],
  ["agency directory", "/agencies"],
  ["agency directory filtered", "/agencies?type=ministry&q=health"],
  ["agency page", "/agencies/ministry-of-interior"],
  ["news list", "/news"],
  ["news article", "/news/eight-more-services-fully-online"],
  ["events", "/events"],
  ["event page", "/events/accessibility-hackathon-2027"],
  ["initiatives", "/initiatives"],
  ["initiative page", "/initiatives/once-only-data"],
  ["facts and figures", "/facts"],
  ["refused filter", "/services?page=-1"],
];

describe("axe-core finds no violation on the catalogue templates", () => {
  for (const [name, path] of templates) {
    for (const locale of ["ar", "en"] as const) {
      it(`${name} (${locale})`, async () => {
        const { context, page } = await newPage(browser);
        const url = locale === "en" ? `/en${path === "/" ? "" : path}` : path;
        const res = await page.goto(`${baseUrl}${url}`);
        expect(res?.status()).toBe(name === "refused filter" ? 400 : 200);
        expect(await axeViolations(page)).toEqual([]);
        await context.close();
      });
    }
  }
});

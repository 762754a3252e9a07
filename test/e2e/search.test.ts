import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";

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

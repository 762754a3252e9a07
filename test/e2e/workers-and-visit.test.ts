import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { workerLanguages } from "../../src/workers/languages.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo } from "./support/keyboard.js";
import { expectAccessible } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the workers' portal in a browser", () => {
  for (const language of workerLanguages) {
    it(`is accessible in ${language}, with its lang and direction`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}/workers/${language}/complaints`);
      expect(await page.getAttribute("html", "lang")).toBe(language);
      expect(await page.getAttribute("html", "dir")).toBe(language === "ar" || language === "ur" ? "rtl" : "ltr");
      await expectAccessible(page);
      await context.close();
    });
  }

  it("is accessible on a page missing in a language, and on the chooser", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/workers/si/contracts`);
    expect(await page.getAttribute("html", "lang")).toBe("si");
    await expectAccessible(page);
    for (const path of ["/workers", "/en/workers"]) {
      await page.goto(`${baseUrl}${path}`);
      await expectAccessible(page);
    }
    await context.close();
  });

  it("lets a keyboard user reach the labour complaint form in Urdu and in Hindi from their pages", async () => {
    const { context, page } = await newPage(browser);
    for (const language of ["ur", "hi"]) {
      await page.goto(`${baseUrl}/workers/${language}`);
      await skipToMain(page);
      // From the overview, to the complaints page, to the e-service.
      await tabTo(page, `main a[href="/workers/${language}/complaints"]`);
      await Promise.all([page.waitForURL(`**/workers/${language}/complaints`), page.keyboard.press("Enter")]);
      await skipToMain(page);
      await tabTo(page, "#labour-complaint-link");
      await Promise.all([page.waitForURL(`**/workers/${language}/eservices/labour-complaint`), page.keyboard.press("Enter")]);
      expect(await page.getAttribute("html", "lang")).toBe(language);
    }
    await context.close();
  });
});

describe("Visiting Qatar in a browser", () => {
  for (const path of ["/visit", "/visit/visas", "/visit/business", "/visit/study"]) {
    it(`is accessible at ${path} in Arabic and English`, async () => {
      const { context, page } = await newPage(browser);
      for (const prefix of ["", "/en"]) {
        await page.goto(`${baseUrl}${prefix}${path}`);
        expect(await page.getAttribute("html", "lang")).toBe(prefix ? "en" : "ar");
        await expectAccessible(page);
      }
      await context.close();
    });
  }

  it("leads a keyboard user from the visas page to the visit visa e-service", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/visit/visas`);
    await skipToMain(page);
    await tabTo(page, 'main a[href="/en/eservices/visitor-visa"]');
    await Promise.all([page.waitForURL("**/en/eservices/visitor-visa"), page.keyboard.press("Enter")]);
    await context.close();
  });
});

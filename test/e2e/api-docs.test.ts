import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { tabTo } from "./support/keyboard.js";
import { expectAccessible } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("the API documentation", () => {
  it("reads in Arabic, right to left, and is accessible", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/api/docs`);
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.textContent("h1")).toBe("توثيق واجهة البرمجة");
    expect(await page.locator("h3 code", { hasText: "/api/v1/me/requests" }).count()).toBe(1);
    await expectAccessible(page);
    await context.close();
  }, 120_000);

  it("reads in English, every example reachable by keyboard, and is accessible", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/api/docs`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.textContent("h1")).toBe("API documentation");
    // The contents lead to each group, and its example blocks (which scroll) are reached with the keyboard.
    await page.click('a[href="#tag-catalogue"]');
    expect(await page.isVisible("#tag-catalogue")).toBe(true);
    await tabTo(page, ".api-docs__example", 20);
    await expectAccessible(page);
    await context.close();
  }, 120_000);

  it("needs no JavaScript: every operation is on the page as sent", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/api/docs`);
    expect(await page.locator("h3 code", { hasText: "/api/v1/services/{slug}" }).count()).toBe(1);
    expect(await page.locator("h3 code", { hasText: "/api/v1/me/notifications" }).count()).toBe(1);
    await context.close();
  }, 60_000);
});

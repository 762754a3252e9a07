import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { tabTo, typeOver } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
const SERVICE = "apply-for-visitor-visa";
const EDIT = `/workspace/content/ministry-of-interior/service/${SERVICE}`;
const SUMMARY = "Apply for a family, tourist or business visit visa before you travel, and follow your request online.";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("agency workspace: edit, review, publish, with axe in both languages", { timeout: 180_000 }, () => {
  it("an editor edits a service and sends it for review (Arabic, keyboard only for the key steps)", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/workspace`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signIn(page, "editor@demo.hukoomi.example");
    expect(new URL(page.url()).pathname).toBe("/workspace");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.textContent("h1")).toBe("مساحة عمل الجهة");
    await expectAccessible(page);

    await tabTo(page, 'main a[href="/workspace/content"]');
    await Promise.all([page.waitForURL(/\/workspace\/content$/), page.keyboard.press("Enter")]);
    await expectAccessible(page);

    await page.goto(`${baseUrl}${EDIT}`);
    expect(await page.getAttribute("#summary-ar", "dir")).toBe("rtl");
    expect(await page.getAttribute("#summary-en", "lang")).toBe("en");
    await expectAccessible(page);
    await tabTo(page, "#summary-en");
    await typeOver(page, SUMMARY);
    await tabTo(page, `main form[action="${EDIT}"] button[type=submit]`);
    await Promise.all([page.waitForURL(/done=saved/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain("حُفظت المسودة.");

    await tabTo(page, `form[action="${EDIT}/submit"] button`);
    await Promise.all([page.waitForURL(/done=submitted/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain("بانتظار المراجعة");
    await expectAccessible(page);

    await page.goto(`${baseUrl}${EDIT}/preview`);
    expect(await page.textContent("main")).toContain("معاينة مسودة");
    await expectAccessible(page);
    await context.close();
  });

  it("an approver publishes it (English, keyboard only), and the public sees it", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en${EDIT}`);
    await signIn(page, "approver@demo.hukoomi.example");
    await page.goto(`${baseUrl}/en${EDIT}`);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    expect(await page.textContent("main")).toContain("Waiting for review");
    await expectAccessible(page);

    for (const path of [
      "/en/workspace/content/ministry-of-interior/service",
      "/en/workspace/content/ministry-of-interior/news/new",
    ]) {
      await page.goto(`${baseUrl}${path}`);
      await expectAccessible(page);
    }

    await page.goto(`${baseUrl}/en${EDIT}/versions?from=1&to=draft`);
    expect(await page.locator(".workspace-diff ins").count()).toBeGreaterThan(0);
    await expectAccessible(page);

    await page.goto(`${baseUrl}/en${EDIT}`);
    await tabTo(page, `form[action="/en${EDIT}/publish"] button`);
    await Promise.all([page.waitForURL(/done=published/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain("Published.");
    await expectAccessible(page);
    await context.close();

    const visitor = await newPage(browser);
    await visitor.page.goto(`${baseUrl}/en/services/${SERVICE}`);
    expect(await visitor.page.textContent("main")).toContain(SUMMARY);
    await visitor.context.close();
  });
});

import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { tabTo } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
const COMMENT = "The fees section is hard to follow.";

beforeAll(async () => {
  browser = await launchBrowser();
  // A member of the public answers "No" on one of the Ministry of Interior's services, with a comment (JavaScript off).
  const { context, page } = await newPage(browser, { javaScriptEnabled: false });
  await page.goto(`${baseUrl}/en/services/renew-residence-permit`);
  await page.locator("[data-feedback-answer] button[value=no]").click();
  await page.waitForURL(/\/en\/feedback\/[0-9a-f-]{36}$/);
  await page.fill("#comment", COMMENT);
  await page.locator("main form button[type=submit]").click();
  await page.waitForURL(/\?sent=1$/);
  await context.close();
});
afterAll(() => browser?.close());

describe("workspace insights, with axe, in both languages", () => {
  it("in Arabic: an editor signs in from the review list, then reads the public's feedback", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/workspace/freshness`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await signIn(page, "editor@demo.hukoomi.example");
    expect(new URL(page.url()).pathname).toBe("/workspace/freshness");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.textContent("h1")).toBe("محتوى يحين موعد مراجعته");
    await expectAccessible(page);

    await page.goto(`${baseUrl}/workspace/feedback`);
    expect(await page.textContent("h1")).toBe("آراء الجمهور");
    expect(await page.textContent("main")).toContain(COMMENT);
    await expectAccessible(page);
    await context.close();
  });

  it("in English: an officer of two agencies switches agency by keyboard; an editor reads the review list", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/workspace/feedback?agency=ministry-of-labour`);
    await signIn(page, "officer@demo.hukoomi.example");
    // Signing in continues in the person's own language (the officer's is Arabic): back to English.
    expect(new URL(page.url()).pathname).toMatch(/^(\/en)?\/workspace\/feedback$/);
    await page.goto(`${baseUrl}/en/workspace/feedback?agency=ministry-of-labour`);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    expect(await page.textContent("main")).not.toContain(COMMENT);
    await expectAccessible(page);
    await page.selectOption("#agency", "ministry-of-interior");
    await tabTo(page, "main form[method=get] button");
    await Promise.all([page.waitForURL(/agency=ministry-of-interior/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain(COMMENT);
    await expectAccessible(page);
    await context.close();

    const editor = await newPage(browser);
    await editor.page.goto(`${baseUrl}/en/workspace/freshness`);
    await signIn(editor.page, "editor@demo.hukoomi.example");
    await editor.page.goto(`${baseUrl}/en/workspace/freshness`);
    expect(await editor.page.textContent("h1")).toBe("Content due for review");
    await expectAccessible(editor.page);
    await editor.context.close();
  });
});

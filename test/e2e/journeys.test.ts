import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe("page feedback", () => {
  it("works with JavaScript off: a plain form post, then an optional comment", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/about/programme`);
    await page.getByRole("button", { name: /^No/ }).click();
    await page.waitForURL(/\/en\/feedback\/[0-9a-f-]{36}$/);
    expect(await page.textContent("main")).toContain("Thank you for your feedback.");
    await page.getByLabel("How could we make this page clearer? (optional)").fill("Say who runs the programme.");
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.waitForURL(/\?sent=1$/);
    expect(await page.textContent("main")).toContain("Your comment has been sent");
    await page.getByRole("link", { name: "Go back to the page" }).click();
    expect(new URL(page.url()).pathname).toBe("/en/about/programme");
    await context.close();
  });

  it("works with JavaScript on, without leaving the page", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/about`);
    const before = page.url();
    await page.getByRole("button", { name: /^نعم/ }).click();
    const comment = page.getByLabel("كيف نجعل هذه الصفحة أوضح؟ (اختياري)");
    await comment.waitFor();
    expect(page.url()).toBe(before);
    await comment.fill("صفحة واضحة.");
    await page.getByRole("button", { name: "أرسل التعليق" }).click();
    await page.getByText("شكراً لك. أُرسل تعليقك").waitFor();
    expect(page.url()).toBe(before);
    await context.close();
  });

  it("shows the refusal without a reload when the comment is too long", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/terms`);
    await page.getByRole("button", { name: /^No/ }).click();
    const comment = page.getByLabel("How could we make this page clearer? (optional)");
    await comment.waitFor();
    await comment.fill("x".repeat(1300));
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.getByText("Your comment must be 1,200 characters or fewer").waitFor();
    await context.close();
  });
});

describe("language switch", () => {
  it("leads to the same page in the other language and back", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/about/history`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await page.locator("a.language-switch").click();
    await page.waitForURL(`${baseUrl}/en/about/history`);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    expect(await page.textContent("h1")).toBe("Our history");
    await page.locator("a.language-switch").click();
    await page.waitForURL(`${baseUrl}/about/history`);
    expect(await page.textContent("h1")).toBe("تاريخنا");
    await context.close();
  });
});

describe("keyboard", () => {
  for (const locale of ["ar", "en"] as const) {
    it(`reaches the skip link first and it moves focus to the main content (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${locale === "en" ? "/en/about" : "/about"}`);
      await page.keyboard.press("Tab");
      const skip = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.getBoundingClientRect();
        return { cls: el.className, top: box.top, visible: box.width > 0 && box.height > 0 };
      });
      expect(skip.cls).toBe("skip-link");
      expect(skip.visible).toBe(true);
      expect(skip.top).toBeGreaterThanOrEqual(0);
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => location.hash)).toBe("#main-content");
      // The next Tab continues from inside the main content.
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
      await context.close();
    });
  }

  it("shows a visible focus indicator on links, buttons and inputs", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en`);
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      const style = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const cs = getComputedStyle(el);
        return {
          tag: el.tagName,
          outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
          background: cs.backgroundColor,
          shadow: cs.boxShadow,
        };
      });
      seen.add(style.tag);
      const yellow = "rgb(255, 191, 71)";
      const indicated = style.background === yellow || style.outline.startsWith("solid 3px") || style.shadow.includes(yellow);
      expect(indicated, JSON.stringify(style)).toBe(true);
    }
    expect(seen.has("A")).toBe(true);
    expect(seen.has("INPUT")).toBe(true);
    await context.close();
  });

  it("answers the feedback question with the keyboard alone", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/privacy`);
    await page.locator("[data-feedback-answer] button[value=yes]").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/en\/feedback\//);
    await context.close();
  });
});

import type { Browser, BrowserContext, Page } from "playwright-core";
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

type Locale = "ar" | "en";
const at = (locale: Locale, path: string) => (locale === "ar" ? path : path === "/" ? "/en" : `/en${path}`);

/** From the header of a page to the tools, by keyboard: Tab to the link, Enter. */
async function openTools(page: Page): Promise<void> {
  await tabTo(page, ".a11y-tools-link");
  await Promise.all([page.waitForURL(/\/accessibility-tools\?returnTo=/), page.keyboard.press("Enter")]);
}

/** Saves the form by keyboard and waits to be back where the person came from. */
async function save(page: Page, backTo: string): Promise<void> {
  await tabTo(page, "button[value=save]");
  await Promise.all([page.waitForURL(`${baseUrl}${backTo}`), page.keyboard.press("Enter")]);
}

/** Each setting: how to turn it on by keyboard on the tools page, and what it puts on <html>. */
const settings: { name: string; turnOn(page: Page): Promise<void>; check(page: Page): Promise<void> }[] = [
  {
    name: "200% text",
    async turnOn(page) {
      // A radio group is one Tab stop; the arrow keys move the choice (down the list in both directions of text).
      await tabTo(page, "input[name=textSize]:checked");
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
      expect(await page.locator("#textSize-4").isChecked()).toBe(true);
    },
    async check(page) {
      expect(await page.getAttribute("html", "data-text-size")).toBe("200");
      expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("32px");
    },
  },
  ...(["contrast", "underline", "motion", "readable"] as const).map((toggle, i) => ({
    name: toggle,
    async turnOn(page: Page) {
      const id = i === 0 ? "#options" : `#options-${i + 1}`;
      await tabTo(page, id);
      await page.keyboard.press("Space");
      expect(await page.locator(id).isChecked()).toBe(true);
    },
    async check(page: Page) {
      expect((await page.getAttribute("html", "class")) ?? "").toContain(`a11y-${toggle}`);
    },
  })),
];

/** What each setting visibly does, measured in the page. */
async function effectOf(page: Page, name: string): Promise<void> {
  const style = (selector: string, property: string) =>
    page.evaluate(
      ([s, p]) => getComputedStyle(document.querySelector(s as string) as Element).getPropertyValue(p as string),
      [selector, property],
    );
  if (name === "contrast") expect(await style("body", "color")).toBe("rgb(0, 0, 0)");
  if (name === "underline") expect(await style(".main-nav__link", "text-decoration-line")).toBe("underline");
  if (name === "readable") expect(await style("body", "font-family")).toMatch(/^"?Atkinson Hyperlegible"?, Verdana/);
}

describe("accessibility tools, each setting by keyboard", () => {
  for (const locale of ["ar", "en"] as const) {
    for (const setting of settings) {
      it(`${setting.name} (${locale}): turned on, remembered, axe clean`, async () => {
        const { context, page } = await newPage(browser);
        const home = at(locale, "/");
        await page.goto(`${baseUrl}${home}`);
        await openTools(page);
        await setting.turnOn(page);
        await save(page, home);
        await setting.check(page);
        await effectOf(page, setting.name);
        await expectAccessible(page);
        // Remembered on the next page too, and that page is clean as well.
        await page.goto(`${baseUrl}${at(locale, "/services/renew-residence-permit")}`);
        await setting.check(page);
        expect(await page.locator(".easy-read li").count()).toBeGreaterThan(3);
        await expectAccessible(page);
        await page.goto(`${baseUrl}${at(locale, "/accessibility-tools")}`);
        await expectAccessible(page);
        await context.close();
      });
    }
  }

  it("work with JavaScript off (underline, in English), and go back to the standard settings", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/about`);
    await openTools(page);
    await tabTo(page, "#options-2");
    await page.keyboard.press("Space");
    await save(page, "/en/about");
    expect(await page.getAttribute("html", "class")).toBe("a11y-underline");
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === "a11y")).toMatchObject({ value: "underline", httpOnly: true, sameSite: "Lax" });

    await openTools(page);
    await tabTo(page, "button[value=reset]");
    await Promise.all([page.waitForURL(`${baseUrl}/en/about`), page.keyboard.press("Enter")]);
    expect(await page.getAttribute("html", "class")).toBeNull();
    expect((await context.cookies()).find((c) => c.name === "a11y")).toBeUndefined();
    await context.close();
  });

  it("follow the device’s own wish for more contrast and less motion", async () => {
    const { context, page } = await newPage(browser);
    await page.emulateMedia({ contrast: "more", reducedMotion: "reduce" });
    await page.goto(`${baseUrl}/en`);
    expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe("rgb(0, 0, 0)");
    await expectAccessible(page);
    await context.close();
  });
});

/** A context 320 CSS pixels wide whose visitor chose 200% text. */
async function narrowWithLargeText(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  await context.addCookies([{ name: "a11y", value: "text200", url: baseUrl }]);
  return { context, page: await context.newPage() };
}

describe("no horizontal scrolling at 320 CSS pixels with 200% text", () => {
  const pages: [string, string][] = [
    ["home page", "/"],
    ["service page", "/services/renew-residence-permit"],
    ["form page", "/sign-in"],
    ["tools form", "/accessibility-tools"],
  ];
  for (const locale of ["ar", "en"] as const) {
    for (const [name, path] of pages) {
      it(`${name} (${locale})`, async () => {
        const { context, page } = await narrowWithLargeText();
        await page.goto(`${baseUrl}${at(locale, path)}`);
        expect(await page.getAttribute("html", "data-text-size")).toBe("200");
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth, `${path}: ${scrollWidth} > ${clientWidth}`).toBeLessThanOrEqual(clientWidth);
        await context.close();
      });
    }
  }
});

describe("services for disabled people", () => {
  for (const locale of ["ar", "en"] as const) {
    it(`axe clean, reached from the tools (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${at(locale, "/accessibility-tools")}`);
      await tabTo(page, `a[href="${at(locale, "/accessibility-services")}"]`);
      await Promise.all([page.waitForURL(`${baseUrl}${at(locale, "/accessibility-services")}`), page.keyboard.press("Enter")]);
      expect(await page.getAttribute("html", "lang")).toBe(locale);
      expect(await page.locator(".service-list__item").count()).toBeGreaterThanOrEqual(8);
      await expectAccessible(page);
      await context.close();
    });
  }
});

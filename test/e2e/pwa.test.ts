import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const servicePath = "/en/services/renew-residence-permit";

/** Waits until the service worker controls the page (it claims open pages once active). */
async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Waits until the worker has kept a copy of the page now shown. */
async function waitUntilKept(page: Page): Promise<void> {
  await page.waitForFunction(async () => {
    const cache = await caches.open("hukoomi-pages-v1");
    return Boolean(await cache.match(location.href));
  });
}

async function keptPages(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open("hukoomi-pages-v1");
    return (await cache.keys()).map((request) => new URL(request.url).pathname);
  });
}

describe("offline reading", () => {
  it("keeps a service page readable offline, and shows the offline page for the rest", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}${servicePath}`);
    await waitForWorker(page);
    // The first visit came before the worker; this one goes through it.
    await page.reload();
    await waitUntilKept(page);
    const title = await page.textContent("h1");

    await context.setOffline(true);
    await page.reload();
    expect(await page.textContent("h1")).toBe(title);

    await page.goto(`${baseUrl}/en/news`);
    expect(await page.textContent("h1")).toBe("You are offline");
    await expectAccessible(page);
    await page.goto(`${baseUrl}/news`);
    expect(await page.textContent("h1")).toBe("أنت غير متصل بالإنترنت");
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expectAccessible(page);
    await context.close();
  });

  it("never keeps a signed-in person's pages", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/sign-in`);
    await waitForWorker(page);
    await signIn(page, "resident@demo.hukoomi.example");
    await page.goto(`${baseUrl}/en/my`);
    expect(await page.textContent("h1")).not.toBe("You are offline");
    // A public page seen while signed in shows the person's name: not kept either.
    await page.goto(`${baseUrl}${servicePath}`);
    await page.goto(`${baseUrl}/en/my`);
    expect(await keptPages(page)).toEqual([]);

    await context.setOffline(true);
    await page.reload();
    expect(await page.textContent("h1")).toBe("You are offline");
    await page.goto(`${baseUrl}${servicePath}`);
    expect(await page.textContent("h1")).toBe("You are offline");
    await context.close();
  });
});

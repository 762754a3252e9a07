import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, dohaToday } from "../../src/platform/time/doha.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";
import { signInAs } from "./support/templates.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Follows the focused link or presses the focused button, and waits for the next page. */
async function enter(page: Page, url: RegExp) {
  await Promise.all([page.waitForURL(url), page.keyboard.press("Enter")]);
}

/** On the days page: the first day a week or more ahead (past the demo's demand) that still has free times. */
async function quietDay(page: Page): Promise<string> {
  const from = addDays(dohaToday(), 7);
  const items = page.locator("main .booking-days__item");
  for (let i = 0; i < (await items.count()); i++) {
    const href = (await items.nth(i).locator("a").getAttribute("href")) ?? "";
    const day = href.slice(-10);
    if (day >= from && (await items.nth(i).locator(".hint").count()) > 0) return day;
  }
  throw new Error("no free day a week ahead");
}

/**
 * The whole journey by keyboard with JavaScript off: the service page's
 * link, the area form, a centre, a day, a time; signing in and coming back
 * with the time chosen; check and confirm; the confirmation. (axe needs
 * JavaScript: these pages are checked by the test after, and by
 * axe-every-template.)
 */
async function bookByKeyboard(
  page: Page,
  o: { prefix: string; service: string; centre: string; areaSteps: number; email: string },
) {
  const centres = `${o.prefix}/appointments/${o.service}`;
  await page.goto(`${baseUrl}${o.prefix}/services/${o.service}`);
  await skipToMain(page);
  await tabTo(page, `main a[href="${centres}"]`);
  await enter(page, /\/appointments\/[a-z-]+$/);

  // Nearest first: the area chosen with the arrow keys, the GET form sent with Enter.
  await tabTo(page, "main select#area");
  for (let i = 0; i < o.areaSteps; i++) await page.keyboard.press("ArrowDown");
  await tabTo(page, "main form.booking-area button");
  await enter(page, /\?area=/);
  const first = page.locator("main .booking-centre h3").first();
  expect(await first.getAttribute("id")).toBe(`centre-${o.centre}`);

  await tabTo(page, `main a[href="${centres}/${o.centre}"]`);
  await enter(page, new RegExp(`/${o.centre}$`));
  const day = await quietDay(page);
  await tabTo(page, `main a[href="${centres}/${o.centre}/${day}"]`);
  await enter(page, new RegExp(`/${day}$`));

  // Not signed in: the time is chosen, then signing in brings the person back with it chosen.
  await tabTo(page, 'main input[name="time"]');
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  const time = await page.locator('main input[name="time"]:checked').getAttribute("value");
  await tabTo(page, "main form button[type=submit]");
  await enter(page, /\/sign-in\?returnTo=/);
  await signIn(page, o.email);
  expect(new URL(page.url()).searchParams.get("time")).toBe(time);
  expect(await page.locator(`main input[name="time"][value="${time}"]`).isChecked()).toBe(true);

  await tabTo(page, "main form button[type=submit]");
  await enter(page, /\/appointments\/held\/[0-9a-f-]{36}$/);
  await tabTo(page, "main form button[type=submit]");
  await enter(page, /\/appointments\/booked\/[0-9a-f-]{36}$/);
  expect(await page.locator("main .panel .reference-code").textContent()).toMatch(/\S/);
  return (await page.textContent("main")) ?? "";
}

describe("booking an appointment, by keyboard alone, with JavaScript off", () => {
  it("in Arabic: a travel vaccination certificate at Madinat Khalifa", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const main = await bookByKeyboard(page, {
      prefix: "",
      service: "request-travel-vaccination-certificate",
      centre: "medical-commission-madinat-khalifa",
      areaSteps: 1,
      email: "citizen@demo.hukoomi.example",
    });
    expect(main).toContain("تم حجز الموعد");
    expect(main).toContain("مركز اللجنة الطبية – مدينة خليفة");
    await context.close();
  });

  it("in English: a police clearance certificate at Umm Salal, nearest to Al Khor", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    const main = await bookByKeyboard(page, {
      prefix: "/en",
      service: "request-police-clearance-certificate",
      centre: "interior-services-umm-salal",
      areaSteps: 5,
      email: "resident@demo.hukoomi.example",
    });
    expect(main).toContain("Appointment booked");
    expect(main).toContain("What to bring");
    await context.close();
  });
});

describe("axe-core finds no WCAG 2.2 A/AA violation", () => {
  it("on checking, confirming, the confirmation and a refusal (ar, en)", async () => {
    const { context, page } = await newPage(browser);
    await signInAs(page, baseUrl, "visitor@demo.hukoomi.example");
    const days = `/appointments/medical-commission-registration/medical-commission-madinat-khalifa`;
    for (const prefix of ["", "/en"]) {
      await page.goto(`${baseUrl}${prefix}${days}`);
      const day = await quietDay(page);
      await page.goto(`${baseUrl}${prefix}${days}/${day}`);
      await expectAccessible(page);
      // No time chosen: the error summary.
      await Promise.all([page.waitForURL(new RegExp(`/${day}$`)), page.locator("main form button[type=submit]").click()]);
      await page.waitForSelector(".error-summary");
      await expectAccessible(page);
      await page
        .locator('main input[name="time"]')
        .nth(prefix ? 1 : 0)
        .check();
      await Promise.all([page.waitForURL(/\/appointments\/held\//), page.locator("main form button[type=submit]").click()]);
      await expectAccessible(page);
      if (prefix) {
        await Promise.all([page.waitForURL(/\/appointments\/booked\//), page.locator("main form button[type=submit]").click()]);
        await expectAccessible(page);
      }
    }
    await context.close();
  });
});

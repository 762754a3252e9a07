import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** From a poll page, signed out: the sign-in link, sign in, and back on the poll, all by keyboard. */
async function signInFromPoll(page: Page, email: string, pollPath: string) {
  await skipToMain(page);
  await tabTo(page, 'main a[href*="/sign-in?returnTo="]');
  await Promise.all([page.waitForURL(/\/sign-in\?returnTo=/), page.keyboard.press("Enter")]);
  await signIn(page, email);
  expect(new URL(page.url()).pathname).toBe(pollPath);
}

/** Chooses the option at `index` (0-based) of the radios by keyboard, and votes. */
async function voteByKeyboard(page: Page, index: number) {
  await skipToMain(page);
  await tabTo(page, 'main input[name="choice"]');
  await page.keyboard.press("Space");
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  expect(await page.locator('main input[name="choice"]').nth(index).isChecked()).toBe(true);
  await tabTo(page, "main form button[type=submit]");
  await Promise.all([page.waitForURL(/\?voted=1$/), page.keyboard.press("Enter")]);
}

describe("polls, by keyboard alone, with axe before and after voting", () => {
  it("in Arabic: a citizen signs in and votes in the citizens' referendum; results wait for the close", async () => {
    const path = "/participate/polls/national-sport-day-long-weekend";
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}${path}`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expectAccessible(page);
    await signInFromPoll(page, "citizen@demo.hukoomi.example", path);
    expect(await page.locator('main input[name="choice"]').count()).toBe(2);
    await expectAccessible(page);

    await voteByKeyboard(page, 1);
    await expectAccessible(page);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("شكراً لتصويتك");
    expect(main).toContain("لا، أبقوه يوم ثلاثاء");
    expect(main).toContain("تُنشر النتائج عند إغلاق الاستطلاع");
    expect(await page.locator("main svg, main table").count()).toBe(0);
    await context.close();
  });

  it("in English: a resident signs in and votes; the results chart and table follow", async () => {
    const path = "/en/participate/polls/municipal-service-centre-hours";
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}${path}`);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    await expectAccessible(page);
    await signInFromPoll(page, "resident@demo.hukoomi.example", path);
    expect(await page.locator(".poll-results").count()).toBe(0);
    await expectAccessible(page);

    await voteByKeyboard(page, 2);
    await expectAccessible(page);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("Thank you for voting");
    expect(main).toContain("You voted for: Continuously from 7 am to 7 pm.");
    expect(main).toContain("182 people voted.");
    expect(await page.getAttribute("main svg.chart__svg", "role")).toBe("img");
    expect(await page.locator("main table tbody tr").count()).toBe(4);

    // The same results in Arabic: the bars start at the right.
    await page.goto(`${baseUrl}/participate/polls/municipal-service-centre-hours`);
    await expectAccessible(page);
    const svg = await page.locator("main svg.chart__svg").boundingBox();
    const bar = await page.locator("main svg.chart__svg .chart__bar").nth(1).boundingBox();
    if (!svg || !bar) throw new Error("no chart");
    expect(Math.abs(bar.x + bar.width - (svg.x + svg.width))).toBeLessThan(1);
    await context.close();
  });
});

describe("axe-core finds no WCAG 2.2 A/AA violation", () => {
  for (const locale of ["ar", "en"] as const) {
    const prefix = locale === "ar" ? "" : "/en";

    it(`a closed poll's results (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${prefix}/participate/polls/bus-stop-improvements`);
      expect(await page.locator("main svg.chart__svg").count()).toBe(1);
      await expectAccessible(page);
      await context.close();
    });

    it(`/participate (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${prefix}/participate`);
      await expectAccessible(page);
      await context.close();
    });

    it(`the staff form for a new poll, and its error state (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(
        `${baseUrl}${prefix}/sign-in?returnTo=${encodeURIComponent(`${prefix}/workspace/participation/polls/new`)}`,
      );
      await signIn(page, "editor@demo.hukoomi.example");
      await page.goto(`${baseUrl}${prefix}/workspace/participation/polls/new`);
      await expectAccessible(page);
      await page.locator('main form button[value="publish"]').click();
      await page.waitForSelector(".error-summary");
      expect(await page.locator(".error-message").count()).toBeGreaterThan(3);
      await expectAccessible(page);
      await context.close();
    });
  }
});

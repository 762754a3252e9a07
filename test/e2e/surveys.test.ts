import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { expectErrorSummaryFocused, skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Ticks the first choice of a radio or checkbox group, by keyboard. */
async function chooseFirst(page: Page, name: string) {
  await tabTo(page, `input[name="${name}"]`);
  if (!(await page.locator(":focus").isChecked())) await page.keyboard.press("Space");
}

async function submit(page: Page) {
  await tabTo(page, "main form.survey-form button[type=submit]");
  await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
}

/**
 * The demo health survey from the public page: sign in through its link,
 * send it empty once (the error summary takes focus), then answer every
 * question with the keyboard and send it; axe on each page.
 */
async function answerHealthSurvey(prefix: "" | "/en", email: string, waited: string) {
  const { context, page } = await newPage(browser);
  const path = `${prefix}/participate/surveys/health-centre-visit`;
  await page.goto(`${baseUrl}${path}`);
  await expectAccessible(page);
  await skipToMain(page);
  await tabTo(page, 'main a[href*="/sign-in"]');
  await Promise.all([page.waitForURL(/\/sign-in/), page.keyboard.press("Enter")]);
  await signIn(page, email);
  expect(new URL(page.url()).pathname).toBe(path);
  await expectAccessible(page);

  // Sent empty: the summary takes focus, the page says it has errors, and it passes axe.
  await skipToMain(page);
  await submit(page);
  await page.waitForSelector(".error-summary");
  await expectErrorSummaryFocused(page);
  expect(await page.locator(".error-summary li").count()).toBe(4);
  await expectAccessible(page);

  await skipToMain(page);
  await tabTo(page, "#q1");
  await page.keyboard.press("ArrowDown");
  await chooseFirst(page, "q2");
  await tabTo(page, "#q3");
  await typeOver(page, waited);
  await chooseFirst(page, "q4");
  await chooseFirst(page, "q5");
  await tabTo(page, "#q6");
  await typeOver(page, prefix ? "Clear signs, thank you." : "اللافتات واضحة، شكراً.");
  await submit(page);
  expect(new URL(page.url()).pathname).toBe(`${path}/thanks`);
  await expectAccessible(page);
  const h1 = await page.textContent("h1");
  await context.close();
  return h1;
}

describe("surveys, by keyboard alone, with axe", () => {
  it("answers the demo survey in English", async () => {
    expect(await answerHealthSurvey("/en", "resident@demo.hukoomi.example", "25")).toBe("Thank you for your answers");
  });

  it("answers the demo survey in Arabic, typing Arabic-Indic digits", async () => {
    expect(await answerHealthSurvey("", "citizen@demo.hukoomi.example", "١٥")).toBe("شكراً على إجاباتك");
  });

  it("shows the staff summary and the create form without axe violations, in both languages", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/sign-in`);
    await signIn(page, "admin@demo.hukoomi.example");
    for (const prefix of ["/en", ""]) {
      await page.goto(`${baseUrl}${prefix}/workspace/participation/surveys/health-centre-visit`);
      expect(await page.locator("main table").count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await page.goto(`${baseUrl}${prefix}/workspace/participation/surveys/neighbourhood-parks`);
      await expectAccessible(page);
      await page.goto(`${baseUrl}${prefix}/workspace/participation/surveys/new`);
      expect(await page.locator("#q8-label-en").count()).toBe(1);
      await expectAccessible(page);
    }
    // The create form refused (no title, no questions): its error state passes too.
    await skipToMain(page);
    await tabTo(page, 'main form button[value="save"]');
    await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
    await page.waitForSelector(".error-summary");
    await expectAccessible(page);
    await context.close();
  });
});

import type { Page } from "playwright-core";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../../src/accounts/demo-people.js";
import { axeViolations } from "./browser.js";
import { tabTo } from "./keyboard.js";

/** axe-core finds no WCAG 2.2 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  expect(await axeViolations(page), page.url()).toEqual([]);
}

/** On a sign-in page: a demo person's email and password typed by keyboard, then Enter; waits to leave the page. */
export async function signIn(page: Page, email: string): Promise<void> {
  // Sign-ins are limited per address and minute (SIGN_IN_LIMIT): after other files signed in many times, the
  // portal may answer 429; then wait as it says, go back to the form and sign in again.
  for (let attempt = 1; ; attempt++) {
    await tabTo(page, "#identifier");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(email);
    await page.keyboard.press("Tab");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type(DEMO_PASSWORD);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith("/sign-in")),
      page.keyboard.press("Enter"),
    ]);
    if (answer.status() !== 429 || attempt >= 3) break;
    await page.waitForTimeout((Number(answer.headers()["retry-after"]) || 30) * 1000 + 500);
    await page.goBack();
  }
  await page.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
}

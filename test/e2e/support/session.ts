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
  await tabTo(page, "#identifier");
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(DEMO_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/sign-in")), page.keyboard.press("Enter")]);
}

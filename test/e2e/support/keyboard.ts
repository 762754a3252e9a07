import type { Page } from "playwright-core";

/**
 * Presses Tab until the focused element matches `selector`, as a keyboard
 * user would; fails when it cannot be reached that way.
 */
export async function tabTo(page: Page, selector: string, max = 200): Promise<void> {
  for (let i = 0; i < max; i++) {
    // Asked through Playwright's own selector engine, which also works on pages without JavaScript.
    if ((await page.locator(`${selector}:focus`).count()) > 0) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`${selector} cannot be reached with the Tab key on ${page.url()}`);
}

/** Replaces what the focused box holds with `text`, typed key by key. */
export async function typeOver(page: Page, text: string): Promise<void> {
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

/** Follows the skip link (the first Tab stop of every page), so that the next Tab starts inside the main content. */
export async function skipToMain(page: Page): Promise<void> {
  await page.locator(".skip-link").focus();
  await page.keyboard.press("Enter");
}

/**
 * Waits until the error summary holds the focus, as the page's script gives
 * it once loaded (the summary is in the page before the script has run, so
 * asking at once can come too early on a busy machine); fails after 10 s.
 */
export async function expectErrorSummaryFocused(page: Page): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.classList.contains("error-summary") === true, undefined, {
    timeout: 10_000,
  });
}

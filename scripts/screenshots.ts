/**
 * Takes the README's screenshots from the running portal, so they stay true:
 * starts the built portal, opens the home page in Arabic and English in
 * headless Chromium, and writes docs/screenshots/home-<lang>.png.
 */
import { launchBrowser } from "../test/e2e/support/browser.js";
import { startPortal } from "../test/support/portal-process.js";

const portal = await startPortal();
const browser = await launchBrowser();
try {
  for (const [lang, path] of [
    ["ar", "/"],
    ["en", "/en"],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${portal.baseUrl}${path}`, { waitUntil: "networkidle" });
    await page.evaluate(() => document.fonts.ready);
    const file = `docs/screenshots/home-${lang}.png`;
    await page.screenshot({ path: file, fullPage: false });
    console.log(`wrote ${file}`);
    await context.close();
  }
} finally {
  await browser.close();
  await portal.stop();
}

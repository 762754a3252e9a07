/**
 * Takes the README's screenshots from the running portal, so they stay true:
 * starts the built portal (or uses SCREENSHOTS_URL, one already running),
 * opens pages in headless Chromium and writes docs/screenshots/*.png: the home
 * page in Arabic and English on a desktop, and phone layouts (360 px wide,
 * Arabic): the home page, its menu open, a service, search results, My
 * Hukoomi and an officer's case list.
 */
import type { Browser } from "playwright-core";
import { launchBrowser } from "../test/e2e/support/browser.js";
import { signInAs } from "../test/e2e/support/templates.js";
import { type PortalProcess, startPortal } from "../test/support/portal-process.js";

const given = process.env.SCREENSHOTS_URL;
const portal: PortalProcess | undefined = given ? undefined : await startPortal();
const baseUrl = given ?? portal?.baseUrl ?? "";

interface Shot {
  file: string;
  path: string;
  width: number;
  height: number;
  as?: string;
  /** Something to press before the picture (the phone header's Menu button). */
  press?: string;
}

const shots: Shot[] = [
  { file: "home-ar", path: "/", width: 1280, height: 900 },
  { file: "home-en", path: "/en", width: 1280, height: 900 },
  { file: "phone-home-ar", path: "/", width: 360, height: 760 },
  { file: "phone-menu-ar", path: "/", width: 360, height: 760, press: ".header__disclosure--menu > summary" },
  { file: "phone-service-ar", path: "/services/renew-residence-permit", width: 360, height: 760 },
  { file: "phone-search-ar", path: "/search?q=%D8%A5%D9%82%D8%A7%D9%85%D8%A9", width: 360, height: 760 },
  { file: "phone-my-ar", path: "/my", width: 360, height: 760, as: "citizen@demo.hukoomi.example" },
  { file: "phone-cases-ar", path: "/workspace/cases", width: 360, height: 760, as: "officer@demo.hukoomi.example" },
];

async function take(browser: Browser, shot: Shot) {
  const context = await browser.newContext({ viewport: { width: shot.width, height: shot.height } });
  const page = await context.newPage();
  if (shot.as) await signInAs(page, baseUrl, shot.as);
  await page.goto(`${baseUrl}${shot.path}`, { waitUntil: "networkidle" });
  if (shot.press) await page.locator(shot.press).click();
  await page.evaluate(() => document.fonts.ready);
  const file = `docs/screenshots/${shot.file}.png`;
  await page.screenshot({ path: file, fullPage: false });
  console.log(`wrote ${file}`);
  await context.close();
}

const browser = await launchBrowser();
try {
  for (const shot of shots) await take(browser, shot);
} finally {
  await browser.close();
  await portal?.stop();
}

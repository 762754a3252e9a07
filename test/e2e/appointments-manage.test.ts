import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";
import { tabTo } from "./support/keyboard.js";
import { measureOverflow } from "./support/reflow.js";
import { signInAs } from "./support/templates.js";

/**
 * After a booking, by keyboard only and without JavaScript, in Arabic and
 * English: from My appointments to an appointment, moving it to a free time
 * on another day, and cancelling another after the confirmation step; axe
 * and sideways scrolling at 320 px on each page on the way. The bookings are made through the booking pages over
 * HTTP with the person's session; the citizen keeps the moved appointment,
 * so the template checks find an appointment of theirs.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

/** Books a visit through the booking pages: the centre's last bookable days but `fromEnd`, its first free time. */
async function bookThroughPages(request: APIRequestContext, service: string, centre: string, fromEnd: number): Promise<string> {
  const daysPage = await (await request.get(`${baseUrl}/en/appointments/${service}/${centre}`)).text();
  const days = [...daysPage.matchAll(new RegExp(`href="/en/appointments/${service}/${centre}/(\\d{4}-\\d{2}-\\d{2})"`, "g"))].map(
    (m) => m[1] as string,
  );
  const day = days[days.length - 1 - fromEnd];
  if (!day) throw new Error(`no bookable day at ${centre}`);
  const timesPage = await (await request.get(`${baseUrl}/en/appointments/${service}/${centre}/${day}`)).text();
  const time = /name="time" type="radio" value="(\d\d:\d\d)"/.exec(timesPage)?.[1];
  if (!time) throw new Error(`no free time at ${centre} on ${day}`);
  const held = await request.post(`${baseUrl}/en/appointments/${service}/${centre}/${day}`, {
    form: { _csrf: csrfOf(timesPage), time },
    maxRedirects: 0,
  });
  const heldPath = held.headers().location ?? "";
  const id = /\/appointments\/held\/([0-9a-f-]{36})$/.exec(heldPath)?.[1];
  if (!id) throw new Error(`not held: ${held.status()} ${(await held.text()).slice(0, 200)}`);
  const check = await (await request.get(`${baseUrl}${heldPath}`)).text();
  const booked = await request.post(`${baseUrl}${heldPath}`, { form: { _csrf: csrfOf(check) }, maxRedirects: 0 });
  expect(booked.status()).toBe(303);
  return id;
}

/**
 * axe-core on the pages of the journey, in a second window of the person's with JavaScript (axe runs as a
 * script), 320 px wide: nothing scrolls sideways either.
 */
async function expectAccessible(checker: Page, urls: string[]) {
  await checker.setViewportSize({ width: 320, height: 720 });
  const found: string[] = [];
  for (const url of urls) {
    await checker.goto(url);
    found.push(...(await axeViolations(checker)).map((v) => `${url}: ${v}`));
    const o = await measureOverflow(checker);
    if (o.scrollWidth > o.clientWidth) found.push(`${url}: ${o.scrollWidth} px wide — ${o.culprits.join(", ")}`);
  }
  expect(found).toEqual([]);
}

/** Follows the focused link or presses the focused button, and waits for the next page. */
async function enter(page: Page, selector: string) {
  await tabTo(page, selector);
  await Promise.all([page.waitForNavigation(), page.keyboard.press("Enter")]);
}

const people = [
  {
    locale: "ar" as const,
    prefix: "",
    email: "citizen@demo.hukoomi.example",
    moving: ["medical-commission-registration", "medical-commission-madinat-khalifa"],
    // Services the booking pages' browser test does not book for the same person (one visit per service each).
    cancelling: ["renew-id-card", "interior-services-al-rayyan"],
    moved: "غيّرنا موعدك",
    cancelled: "ألغينا موعدك",
  },
  {
    locale: "en" as const,
    prefix: "/en",
    email: "resident@demo.hukoomi.example",
    moving: ["medical-commission-registration", "medical-commission-al-wakrah"],
    cancelling: ["renew-driving-licence", "traffic-eye-test-madinat-khalifa"],
    moved: "Your appointment has been moved",
    cancelled: "Your appointment has been cancelled",
  },
];

const opened: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of opened) await c.close();
  await browser?.close();
});

describe("managing an appointment by keyboard, without JavaScript", () => {
  for (const who of people) {
    it(`moves one appointment and cancels another (${who.locale})`, async () => {
      const { context, page } = await newPage(browser, { javaScriptEnabled: false });
      opened.push(context);
      await signInAs(page, baseUrl, who.email);
      const visited: string[] = [];
      const [moveService, moveCentre] = who.moving as [string, string];
      const [cancelService, cancelCentre] = who.cancelling as [string, string];
      const toMove = await bookThroughPages(context.request, moveService, moveCentre, 3);
      const toCancel = await bookThroughPages(context.request, cancelService, cancelCentre, 2);

      // My appointments → the appointment → Change time.
      await page.goto(`${baseUrl}${who.prefix}/my/appointments`);
      visited.push(page.url());
      await enter(page, `main a[href="${who.prefix}/my/appointments/${toMove}"]`);
      visited.push(page.url());
      expect(await page.locator(".appointment-qr__code svg").count()).toBe(1);
      await enter(page, `main a[href="${who.prefix}/my/appointments/${toMove}/move"]`);
      // The last day the centre takes bookings, then its free times.
      await tabTo(page, "#day");
      await page.keyboard.press("End");
      await enter(page, "main form[method=get] button");
      expect(page.url()).toContain("/move?day=");
      visited.push(page.url());
      await tabTo(page, "input[name=time]");
      await page.keyboard.press("Space");
      await page.keyboard.press("ArrowDown");
      const chosen = await page.locator("input[name=time]:checked").getAttribute("value");
      expect(chosen).toMatch(/^\d\d:\d\d$/);
      await enter(page, "main form[method=post] button[type=submit]");
      expect(page.url()).toBe(`${baseUrl}${who.prefix}/my/appointments/${toMove}?done=moved`);
      expect(await page.locator("main").textContent()).toContain(who.moved);

      // The other appointment → Cancel → the confirmation step → cancelled.
      await page.goto(`${baseUrl}${who.prefix}/my/appointments/${toCancel}`);
      await enter(page, `main a[href="${who.prefix}/my/appointments/${toCancel}/cancel"]`);
      visited.push(page.url());
      await enter(page, "main form button[type=submit]");
      expect(page.url()).toBe(`${baseUrl}${who.prefix}/my/appointments/${toCancel}?done=cancelled`);
      expect(await page.locator("main").textContent()).toContain(who.cancelled);
      visited.push(page.url(), `${baseUrl}${who.prefix}/my`);

      // The same pages, each through axe (the cancelled appointment's page now reads as an earlier one).
      const checker = await newPage(browser, { javaScriptEnabled: true });
      opened.push(checker.context);
      await signInAs(checker.page, baseUrl, who.email);
      await expectAccessible(checker.page, visited);
    });
  }
});

import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { validityStart, validUntilFrom } from "../../src/documents/validity.js";
import { formatDate, formatHijri } from "../../src/platform/i18n/format.js";
import { addDays, dohaNoon, dohaToday } from "../../src/platform/time/doha.js";
import { DEMO_PERMIT_EXPIRES_IN_DAYS } from "../../src/sandbox-registries/records.js";
import { samplePdf, samplePng } from "../support/files.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { expectAccessible, signIn } from "./support/session.js";

/**
 * The residence permit renewal, end to end in Arabic as the demo resident
 * lives it: from the service page, through the e-service (his permit's expiry
 * read from the residency registry), the fee at the sandbox bank, an officer's
 * approval in the agency workspace, to the renewed permit in My Hukoomi, whose
 * validity runs from the day after the current permit expires (later than the
 * approval), checked in Arabic and in English.
 */
const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Presses the page's Continue button and waits for the next page; fails with the error summary if the page refused. */
async function continueFrom(page: Page) {
  const before = new URL(page.url()).pathname;
  await Promise.all([page.waitForEvent("load"), page.locator("main form .button-group button:not([name])").click()]);
  if (new URL(page.url()).pathname === before) {
    const summary = await page
      .locator(".error-summary")
      .textContent()
      .catch(() => "");
    throw new Error(`${before} refused: ${summary}`);
  }
}

/** Text without the Unicode isolates the Arabic messages put around values (references, dates). */
function strip(s: string | null): string {
  return (s ?? "").replace(/[\u2066-\u2069]/g, "");
}

async function text(page: Page, selector: string): Promise<string> {
  return strip(await page.textContent(selector));
}

/** The question page the e-service is on ("who", "expiry"…). */
function stepOf(page: Page): string {
  return /\/eservices\/residence-permit-renewal\/[0-9a-f-]{36}\/([a-z0-9-]+)/.exec(page.url())?.[1] ?? "";
}

describe("renewing a residence permit, from the service page to the renewed permit", () => {
  it("in Arabic: apply, pay, approved by an officer, and the permit valid a year from the current expiry", {
    timeout: 240_000,
  }, async () => {
    const today = dohaToday();
    const currentExpiry = addDays(today, DEMO_PERMIT_EXPIRES_IN_DAYS);
    // The demo permit is inside the 90 days before expiry when renewal opens.
    expect(DEMO_PERMIT_EXPIRES_IN_DAYS).toBeGreaterThan(0);
    expect(DEMO_PERMIT_EXPIRES_IN_DAYS).toBeLessThanOrEqual(90);

    const { context, page } = await newPage(browser);
    // The service page, in Arabic, says the rule the e-service enforces, and leads to it.
    await page.goto(`${baseUrl}/services/renew-residence-permit`);
    expect(await page.getAttribute("html", "lang")).toBe("ar");
    expect(await text(page, "h1")).toBe("تجديد الإقامة");
    expect(await text(page, "main")).toContain("يمكنك التقديم ابتداءً من 90 يوماً قبل انتهاء الإقامة الحالية");
    await expectAccessible(page);
    await Promise.all([page.waitForURL(`${baseUrl}/eservices/residence-permit-renewal`), page.click("a.button--start")]);
    await Promise.all([page.waitForURL(/\/sign-in/), page.click('main a[href*="/sign-in"]')]);
    await signIn(page, "resident@demo.hukoomi.example");
    expect(page.url()).toBe(`${baseUrl}/eservices/residence-permit-renewal`);
    await Promise.all([
      page.waitForURL(/\/eservices\/residence-permit-renewal\/[0-9a-f-]{36}\//),
      page.click("main form button[type=submit]"),
    ]);

    // The questions, page by page; what the account and the registry gave is kept as read.
    for (let i = 0; i < 15 && !page.url().includes("/check"); i++) {
      const step = stepOf(page);
      switch (step) {
        case "who":
          await page.check('input[name="permit-for"][value="myself"]');
          break;
        case "expiry": {
          // Read from the Ministry of Interior's residency record, not typed.
          const [year, month, day] = currentExpiry.split("-").map(Number);
          expect(await page.inputValue("#expiry-date-day")).toBe(String(day));
          expect(await page.inputValue("#expiry-date-month")).toBe(String(month));
          expect(await page.inputValue("#expiry-date-year")).toBe(String(year));
          expect(await text(page, "main")).toContain("وزارة الداخلية");
          break;
        }
        case "period":
          await page.check('input[name="years"][value="1"]');
          break;
        case "health":
          await page.check('input[name="health-card"][value="yes"]');
          break;
        case "documents":
          await page.setInputFiles("#passport-copy", { name: "passport.pdf", mimeType: "application/pdf", buffer: samplePdf });
          await page.setInputFiles("#photograph", { name: "photo.png", mimeType: "image/png", buffer: samplePng });
          break;
        case "your-details":
        case "sponsor":
        case "address":
          // Filled in from the account and the residency record.
          break;
        default:
          throw new Error(`unexpected page ${step} at ${page.url()}`);
      }
      await continueFrom(page);
    }
    expect(page.url()).toContain("/check");
    expect(await text(page, "h1")).toBe("راجع إجاباتك قبل إرسال طلبك");
    await expectAccessible(page);
    await page.check("#declaration");
    await Promise.all([page.waitForURL(/\/my\/requests\/HK-/), page.click("main form button[type=submit]:not(.link-button)")]);

    // Not sent until the fee is paid.
    expect(await text(page, "h1")).toBe("ادفع الرسوم لإرسال طلبك");
    const reference = /\/requests\/(HK-[A-Z0-9]{4}-[A-Z0-9]{4})/.exec(page.url())?.[1] ?? "";
    expect(reference).toMatch(/^HK-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    await expectAccessible(page);

    // The fee at the sandbox bank, in Arabic.
    await Promise.all([page.waitForURL(/\/sandbox-gateway\/pay\/pay_/), page.click("main form[action$='/pay'] button")]);
    await expectAccessible(page);
    await page.fill("#cardNumber", "4111111111111111");
    await page.fill("#expiry", "12/30");
    await page.fill("#cvc", "123");
    await page.fill("#cardName", "Anil Kumar");
    await Promise.all([page.waitForURL(/\/my\/payments\/[0-9a-f-]{36}$/), page.click('button[value="pay"]')]);
    expect(await text(page, "h1")).toBe("استلمنا الدفعة");
    expect(await text(page, "main")).toContain(reference);

    // An officer of the Ministry of Interior approves it in the agency workspace.
    const officer = await newPage(browser);
    await officer.page.goto(`${baseUrl}/sign-in?returnTo=${encodeURIComponent(`/workspace/cases/${reference}`)}`);
    await signIn(officer.page, "officer@demo.hukoomi.example");
    expect(officer.page.url()).toBe(`${baseUrl}/workspace/cases/${reference}`);
    await expectAccessible(officer.page);
    await officer.page.check("#decision");
    await officer.page.fill("#reason", "المستندات مكتملة.");
    await Promise.all([
      officer.page.waitForURL(/\/decide\/confirm$/),
      officer.page.click('form[action$="/decide/confirm"] button[type=submit]'),
    ]);
    expect(await text(officer.page, "h1")).toBe(`الموافقة على الطلب ${reference}؟`);
    await Promise.all([
      officer.page.waitForURL(/done=approved/),
      officer.page.click('main form[action$="/decide"] button[type=submit]'),
    ]);
    await officer.context.close();

    // The applicant sees the decision…
    await page.goto(`${baseUrl}/my/requests/${reference}`);
    expect(await text(page, "main")).toContain("قُبل طلبك.");
    await expectAccessible(page);

    // …and the renewed permit: valid from the day after the current one expires (later than today's
    // approval), for a year, so until the anniversary of the current expiry, not of the approval.
    const firstDay = validityStart(today, currentExpiry);
    expect(firstDay).toBe(addDays(currentExpiry, 1));
    const lastDay = validUntilFrom(firstDay, 12);
    expect(lastDay).toBe(`${Number(currentExpiry.slice(0, 4)) + 1}${currentExpiry.slice(4)}`);
    const fromApproval = validUntilFrom(today, 12);
    expect(lastDay > fromApproval).toBe(true);

    const untilAr = formatDate(dohaNoon(lastDay), "ar");
    const untilHijriAr = formatHijri(dohaNoon(lastDay), "ar");
    await page.goto(`${baseUrl}/my/documents`);
    await expectAccessible(page);
    // Other browser tests renew the same person's permit from other dates: this one is the row with this date,
    // and its page names this request.
    const row = page.locator("main table tr", { hasText: "تصريح إقامة" }).filter({ hasText: untilAr }).first();
    expect(strip(await row.textContent())).toContain("تصريح إقامة");
    await Promise.all([page.waitForURL(/\/my\/documents\/[A-Z0-9]{4}-[A-Z0-9]{4}$/), row.locator("a").first().click()]);
    await expectAccessible(page);
    const documentAr = await text(page, "main");
    expect(documentAr).toContain(`${untilAr} (${untilHijriAr})`);
    expect(documentAr).toContain(reference);
    expect(documentAr).not.toContain(formatDate(dohaNoon(fromApproval), "ar"));

    // The same document in English.
    const code = /\/my\/documents\/([A-Z0-9]{4}-[A-Z0-9]{4})$/.exec(page.url())?.[1] ?? "";
    await page.goto(`${baseUrl}/en/my/documents/${code}`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    const untilEn = formatDate(dohaNoon(lastDay), "en");
    const documentEn = await text(page, "main");
    expect(documentEn).toContain(`${untilEn} (${formatHijri(dohaNoon(lastDay), "en")})`);
    expect(documentEn).toContain("Residence permit");
    expect(documentEn).not.toContain(formatDate(dohaNoon(fromApproval), "en"));
    await context.close();
  });
});

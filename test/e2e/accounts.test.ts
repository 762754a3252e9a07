import { Secret, TOTP } from "otpauth";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { expectErrorSummaryFocused } from "./support/keyboard.js";
import { expectAccessible } from "./support/session.js";

const baseUrl = inject("baseUrl");
const PASSWORD = "Hukoomi-demo-2026";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** The newest message to someone in the development outbox. */
async function outboxMessage(page: Page, to: string): Promise<string> {
  await page.goto(`${baseUrl}/en/dev/messages`);
  const row = page.locator("tbody tr", { hasText: to }).first();
  return (await row.locator("pre").textContent()) ?? "";
}

async function signIn(page: Page, identifier: string, locale: "ar" | "en" = "en") {
  await page.goto(`${baseUrl}${locale === "en" ? "/en" : ""}/sign-in`);
  await page.fill("#identifier", identifier);
  await page.fill("#password", PASSWORD);
  await page.locator("main form button[type=submit]").click();
}

describe("registration journey", () => {
  it("registers with the SMS code from the development outbox and confirms the email link (keyboard and axe on every step)", async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/register`);
    await expectAccessible(page);
    // A first attempt with mistakes shows the error summary, which takes focus.
    await page.locator("main form button[type=submit]").click();
    await page.waitForSelector(".error-summary");
    await expectErrorSummaryFocused(page);
    await expectAccessible(page);
    // Then with the keyboard: follow the summary's first link to its field.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.fill("#qid", "29063401777");
    await page.fill("#nameAr", "ليلى حسن");
    await page.fill("#nameEn", "Layla Hassan");
    await page.selectOption("#nationality", "QA");
    await page.check("#residency");
    await page.fill("#phone", "5559 1777");
    await page.fill("#email", "layla.e2e@example.com");
    await page.fill("#password", "my own long phrase");
    await page.fill("#confirmPassword", "my own long phrase");
    await page.locator("#confirmPassword").press("Enter");
    await page.waitForURL(`${baseUrl}/en/register/verify-phone`);
    await expectAccessible(page);
    const sms = await outboxMessage(page, "+97455591777");
    const code = /\d{6}/.exec(sms)?.[0] ?? "";
    await page.goto(`${baseUrl}/en/register/verify-phone`);
    await page.fill("#code", code);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/en/my?welcome=1`);
    expect(await page.textContent("main")).toContain("Your account is ready.");
    await expectAccessible(page);
    const mail = await outboxMessage(page, "layla.e2e@example.com");
    const link = /http:\/\/127\.0\.0\.1:\d+\/en\/register\/confirm-email\?token=[\w-]+/.exec(mail)?.[0] ?? "";
    await page.goto(link);
    expect(await page.textContent("h1")).toBe("Your email address is confirmed");
    await context.close();
  });
});

describe("sign-in", () => {
  it("signs in with the keyboard alone and shows the account links", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/sign-in`);
    await page.locator("#identifier").focus();
    await page.keyboard.type("citizen@demo.hukoomi.example");
    await page.keyboard.press("Tab");
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/my`);
    expect(await page.locator(".account-links").textContent()).toContain("تسجيل الخروج");
    await page.locator(".account-links__button").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(`${baseUrl}/signed-out`);
    expect(await page.textContent("h1")).toBe("خرجت من حسابك");
    expect(await page.locator(".account-links__link").textContent()).toBe("تسجيل الدخول");
    await context.close();
  });

  it("sets up two-step verification and signs in with the authenticator code", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, "officer@demo.hukoomi.example");
    await page.waitForURL(/\/my$/);
    await page.goto(`${baseUrl}/en/my/security`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Set up two-step verification" }).click();
    await page.waitForSelector("img.qr");
    await expectAccessible(page);
    const key = ((await page.locator("code").textContent()) ?? "").replace(/\s/g, "");
    const totp = new TOTP({ secret: Secret.fromBase32(key), digits: 6, period: 30 });
    await page.fill("#code", totp.generate());
    await page.keyboard.press("Enter");
    await page.waitForURL(/done=totpOn/);
    await page.locator(".account-links__button").click();
    await signIn(page, "officer@demo.hukoomi.example");
    await page.waitForURL(/\/en\/sign-in\/code/);
    await expectAccessible(page);
    // The code that confirmed the set-up is spent (a code is accepted once): the app's next one signs in.
    await page.fill("#code", totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/my$/);
    // The portal is shared by every browser test: the officer signs in with a password alone again.
    await page.goto(`${baseUrl}/en/my/security`);
    await page.fill("#disable-password", "Hukoomi-demo-2026");
    await page.getByRole("button", { name: "Turn off two-step verification" }).click();
    await page.waitForURL(/done=totpOff/);
    await context.close();
  });
});

const signedOutPages = ["/sign-in", "/register", "/reset-password"];
const signedInPages = ["/my", "/my/profile", "/my/security", "/dev/messages"];

describe("axe-core finds no violation on the account pages", () => {
  for (const locale of ["ar", "en"] as const) {
    const prefix = locale === "en" ? "/en" : "";
    it(`signed-out pages and their refusals (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      for (const path of signedOutPages) {
        await page.goto(`${baseUrl}${prefix}${path}`);
        await expectAccessible(page);
      }
      await signIn(page, "nobody@example.com", locale);
      await page.waitForSelector(".error-summary");
      await expectAccessible(page);
      await page.goto(`${baseUrl}${prefix}/reset-password`);
      await page.fill("#identifier", "nobody@example.com");
      await page.locator("main form button[type=submit]").click();
      await page.waitForSelector("h1");
      await expectAccessible(page);
      await context.close();
    });

    it(`signed-in pages and a refused profile (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await signIn(page, "editor@demo.hukoomi.example", locale);
      await page.waitForURL(/\/my$/);
      for (const path of signedInPages) {
        await page.goto(`${baseUrl}${prefix}${path}`);
        await expectAccessible(page);
      }
      await page.goto(`${baseUrl}${prefix}/my/profile`);
      await page.fill("#nameEn", "فهد");
      await page.locator("main form button[type=submit]").click();
      await page.waitForSelector(".error-summary");
      await expectAccessible(page);
      await context.close();
    });
  }
});

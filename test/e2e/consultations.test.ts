import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { expectErrorSummaryFocused, skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
const OPEN = "/participate/consultations/shared-e-scooters-draft-regulation";
const CLOSED = "/participate/consultations/healthy-school-canteens-draft-guidelines";
const STAFF = "/workspace/participation/consultations";
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Signed out on the consultation: the "sign in to take part" link, sign in, and back, all by keyboard. */
async function signInFromConsultation(page: Page, email: string, path: string) {
  await skipToMain(page);
  await tabTo(page, 'main a[href*="/sign-in?returnTo="]');
  await Promise.all([page.waitForURL(/\/sign-in\?returnTo=/), page.keyboard.press("Enter")]);
  await signIn(page, email);
  expect(new URL(page.url()).pathname).toBe(path);
}

/** Types a comment under section n and sends it, by keyboard. */
async function commentByKeyboard(page: Page, n: number, text: string) {
  await skipToMain(page);
  await tabTo(page, `#section-${n}-comment`);
  await typeOver(page, text);
  await tabTo(page, `#section-${n} form.comment-form button[type=submit]`);
  await Promise.all([page.waitForURL(/\?commented=[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
}

describe("consultations, by keyboard alone, with axe on every page", () => {
  it("in English: a resident signs in, sends an empty comment, sees the error summary, fixes it and comments", {
    timeout: 120_000,
  }, async () => {
    const path = `/en${OPEN}`;
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}${path}`);
    expect(await page.getAttribute("html", "dir")).toBe("ltr");
    await expectAccessible(page);
    expect(await page.locator("main").textContent()).not.toContain("Best scooter deals");
    await signInFromConsultation(page, "resident@demo.hukoomi.example", path);
    expect(await page.locator("main form.comment-form").count()).toBe(5);
    await expectAccessible(page);

    // Sent empty: the error summary takes focus and links to the field, which keeps its place under section 2.
    await skipToMain(page);
    await tabTo(page, "#section-2 form.comment-form button[type=submit]");
    await Promise.all([page.waitForURL(/\/comments$/), page.keyboard.press("Enter")]);
    await page.waitForSelector(".error-summary");
    await expectErrorSummaryFocused(page);
    expect(await page.textContent(".error-summary")).toContain("Enter your comment");
    expect(await page.textContent("#section-2-comment-error")).toContain("Enter your comment");
    await expectAccessible(page);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("#section-2-comment");
    await page.keyboard.press("Enter");
    await tabTo(page, "#section-2-comment", 5);
    await page.keyboard.type("Operators should also publish how many scooters they remove for damage each month.");
    await tabTo(page, "#section-2 form.comment-form button[type=submit]");
    await Promise.all([page.waitForURL(/\?commented=[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    expect(await page.textContent("main")).toContain("Your comment has been published");
    const mine = page.locator("#section-2 li.comment", { hasText: "how many scooters they remove" });
    expect(await mine.textContent()).toContain("Anil");
    expect(await mine.textContent()).toContain("Your comment");
    // No Report button on one's own comment.
    expect(await mine.locator("button").count()).toBe(0);
    await context.close();
  });

  it("in Arabic: a citizen comments on a section and reports another person's comment", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}${OPEN}`);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    await expectAccessible(page);
    await signInFromConsultation(page, "citizen@demo.hukoomi.example", OPEN);

    await commentByKeyboard(page, 3, "أقترح تخصيص مواقف للدراجات قرب محطات المترو والحافلات.");
    await expectAccessible(page);
    expect(await page.textContent("main")).toContain("نُشر تعليقك");
    const mine = page.locator("#section-3 li.comment", { hasText: "قرب محطات المترو" });
    expect(await mine.textContent()).toContain("مريم");

    // Report Priya's comment on section 3.
    const id = await page.locator("#section-3 li.comment", { hasText: "narrow pavements" }).getAttribute("id");
    expect(id).toMatch(/^c-/);
    await skipToMain(page);
    await tabTo(page, `#${id} .comment__report button`);
    await Promise.all([page.waitForURL(/\?reported=1$/), page.keyboard.press("Enter")]);
    await expectAccessible(page);
    expect(await page.textContent("main")).toContain("شكرًا على بلاغك");
    expect(await page.textContent(`#${id}`)).toContain("أبلغت عن هذا التعليق");
    expect(await page.locator(`#${id} button`).count()).toBe(0);
    await context.close();
  });

  for (const locale of ["ar", "en"] as const) {
    it(`a closed consultation shows the agency's response, read-only (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await page.goto(`${baseUrl}${locale === "en" ? "/en" : ""}${CLOSED}`);
      await expectAccessible(page);
      expect(await page.textContent("#response-title")).toBe(
        locale === "en" ? "What we heard and what we will do" : "ما سمعناه وما سنفعله",
      );
      expect(await page.locator("main form").count()).toBe(0);
      await context.close();
    });
  }
});

describe("consultations for agency staff, with axe", () => {
  it("the create form (empty and refused) and the moderation page, in English and Arabic", { timeout: 120_000 }, async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${baseUrl}/en/sign-in?returnTo=${encodeURIComponent(`/en${STAFF}/new`)}`);
    await signIn(page, "admin@demo.hukoomi.example");
    await page.goto(`${baseUrl}/en${STAFF}/new`);
    await expectAccessible(page);
    await page.goto(`${baseUrl}${STAFF}/new`);
    await expectAccessible(page);

    // Sent empty, by keyboard: the summary lists the problems.
    await page.goto(`${baseUrl}/en${STAFF}/new`);
    await skipToMain(page);
    await tabTo(page, 'main form button[value="draft"]', 400);
    await Promise.all([page.waitForURL(`${baseUrl}/en${STAFF}/new`), page.keyboard.press("Enter")]);
    await page.waitForSelector(".error-summary");
    expect(await page.textContent(".error-summary")).toContain("Enter the title in Arabic");
    await expectAccessible(page);

    for (const prefix of ["/en", ""]) {
      await page.goto(`${baseUrl}${prefix}${STAFF}/shared-e-scooters-draft-regulation/moderation`);
      await expectAccessible(page);
      expect(await page.locator(".moderation-list__item").first().textContent()).toContain("Best scooter deals");
      await page.goto(`${baseUrl}${prefix}${STAFF}/shared-e-scooters-draft-regulation`);
      await expectAccessible(page);
      await page.goto(`${baseUrl}${prefix}${STAFF}/healthy-school-canteens-draft-guidelines`);
      await expectAccessible(page);
    }
    await context.close();
  });
});

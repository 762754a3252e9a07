import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadWorkerForms } from "../../src/workers/form/content.js";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { measureOverflow } from "./support/reflow.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const forms = loadWorkerForms();
const start = "/workers/ur/eservices/labour-complaint";

/** Urdu's text for a key of the labour complaint or of the form words. */
function ur(key: string): string {
  const text = forms.overlays.ur?.get("labour-complaint")?.texts.get(key) ?? forms.words.ur?.get(key);
  if (!text) throw new Error(`no Urdu text ${key}`);
  return text;
}

/** The page is in Urdu, right to left, axe finds nothing, and nothing scrolls sideways at 320 px. */
async function expectUrduPage(page: Page) {
  expect(await page.getAttribute("html", "lang")).toBe("ur");
  expect(await page.getAttribute("html", "dir")).toBe("rtl");
  await expectAccessible(page);
  const overflow = await measureOverflow(page);
  expect(overflow.scrollWidth, `${page.url()}: ${overflow.culprits.join(", ")}`).toBeLessThanOrEqual(overflow.clientWidth);
}

/** Types into a field reached by Tab. */
async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, `#${id}`);
  await typeOver(page, text);
}

/** Presses Continue (by keyboard) and waits for the next page; gives the status of the answer. */
async function continueOn(page: Page): Promise<number> {
  await tabTo(page, "main form .button-group button:not([name])");
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().isNavigationRequest()),
    page.waitForEvent("load"),
    page.keyboard.press("Enter"),
  ]);
  return response.status();
}

describe("the labour complaint in Urdu, in a browser", () => {
  it("by keyboard alone at 320 px: sign in, a wrong answer explained in Urdu, every page, sent", {
    timeout: 180_000,
  }, async () => {
    const { context, page } = await newPage(browser);
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${baseUrl}/workers/ur/complaints`);
    await skipToMain(page);
    await tabTo(page, "#labour-complaint-link");
    await Promise.all([page.waitForURL(`${baseUrl}${start}`), page.keyboard.press("Enter")]);
    await expectUrduPage(page);
    expect(await page.textContent("h1")).toBe(ur("title"));

    // Signing in (on the English page) comes back to the Urdu form.
    await skipToMain(page);
    await tabTo(page, 'main a[href*="/sign-in"]');
    await Promise.all([page.waitForURL(/\/en\/sign-in/), page.keyboard.press("Enter")]);
    await signIn(page, "resident@demo.hukoomi.example");
    expect(page.url()).toBe(`${baseUrl}${start}`);
    await expectUrduPage(page);
    await skipToMain(page);
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/labour-complaint\/[0-9a-f-]{36}\/worker$/), page.keyboard.press("Enter")]);
    await expectUrduPage(page);

    // A wrong ID number: a 400, and the message in Urdu beside the field and in the summary.
    await skipToMain(page);
    await typeInto(page, "worker-qid", "123");
    await typeInto(page, "worker-phone", "5550 0102");
    expect(await continueOn(page)).toBe(400);
    await expectUrduPage(page);
    const message = ur("forms.errors.qidLength").replace("{label}", ur("pages.worker.questions.worker-qid.label"));
    expect(await page.textContent(".error-summary")).toContain(message);
    expect(await page.textContent(".error-summary__title")).toBe(ur("components.errorSummary.title"));

    // Every page, answered by keyboard.
    await skipToMain(page);
    await typeInto(page, "worker-qid", "29035600102");
    expect(await continueOn(page)).toBe(303);
    expect(page.url()).toMatch(/\/employer$/);
    await expectUrduPage(page);
    await skipToMain(page);
    await typeInto(page, "employer-name", "Doha Building Company");
    expect(await continueOn(page)).toBe(303);
    expect(page.url()).toMatch(/\/complaint$/);
    await expectUrduPage(page);
    expect(await page.textContent("main")).toContain(ur("pages.complaint.questions.about.options.passport-withheld.label"));
    await skipToMain(page);
    await tabTo(page, 'input[name="about"][value="unpaid-wages"]');
    await page.keyboard.press("Space");
    expect(await continueOn(page)).toBe(303);
    expect(page.url()).toMatch(/\/details$/);
    await expectUrduPage(page);
    await skipToMain(page);
    await typeInto(page, "months-unpaid", "3");
    await typeInto(page, "what-happened", "میری تین مہینے کی تنخواہ نہیں ملی۔");
    expect(await continueOn(page)).toBe(303);
    expect(page.url()).toMatch(/\/evidence-upload$/);
    await expectUrduPage(page);
    expect(await continueOn(page)).toBe(303);
    expect(page.url()).toMatch(/\/confidentiality$/);
    await expectUrduPage(page);
    await skipToMain(page);
    await tabTo(page, 'input[name="tell-employer"][value="yes"]');
    await page.keyboard.press("Space");
    expect(await continueOn(page)).toBe(303);
    expect(page.url()).toMatch(/\/check$/);
    await expectUrduPage(page);
    expect(await page.textContent("h1")).toBe(ur("eservices.check.title"));

    // The declaration, then sent: the reference, in Urdu.
    await skipToMain(page);
    await tabTo(page, "#declaration");
    await page.keyboard.press("Space");
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/labour-complaint\/sent\/HK-[A-Z0-9]{4}-[A-Z0-9]{4}$/), page.keyboard.press("Enter")]);
    await expectUrduPage(page);
    expect(await page.textContent("h1")).toBe(ur("form.sentTitle"));
    expect(await page.textContent(".panel__reference")).toMatch(/HK-[A-Z0-9]{4}-[A-Z0-9]{4}/);
    await context.close();
  });

  it("without JavaScript: the start page and the first page work and read the same", async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseUrl}/en/sign-in`);
    await signIn(page, "resident@demo.hukoomi.example");
    await page.goto(`${baseUrl}${start}`);
    await skipToMain(page);
    await tabTo(page, "main form button[type=submit]");
    await Promise.all([page.waitForURL(/\/labour-complaint\/[0-9a-f-]{36}\/worker$/), page.keyboard.press("Enter")]);
    expect(await page.getAttribute("html", "dir")).toBe("rtl");
    expect(await page.textContent("h1")).toBe(ur("pages.worker.title"));
    await context.close();
  });
});

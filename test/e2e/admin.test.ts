import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser, newPage } from "./support/browser.js";
import { skipToMain, tabTo, typeOver } from "./support/keyboard.js";
import { expectAccessible, signIn } from "./support/session.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const ADMIN = "admin@demo.hukoomi.example";
const VISITOR = "visitor@demo.hukoomi.example";

/** Signs the administrator in by keyboard, landing on `path`. */
async function adminOn(path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await newPage(browser);
  await page.goto(`${baseUrl}/en/sign-in?returnTo=${encodeURIComponent(path)}`);
  await signIn(page, ADMIN);
  expect(new URL(page.url()).pathname).toBe(path);
  return { page, close: () => context.close() };
}

/** Moves a focused select to the option whose label is `label`, with the arrow keys. */
async function chooseByArrows(page: Page, selector: string, label: string) {
  await tabTo(page, selector);
  const options = await page.locator(`${selector} option`).allTextContents();
  const target = options.indexOf(label);
  expect(target, `${label} is one of ${selector}'s options`).toBeGreaterThan(-1);
  await page.keyboard.press("Home");
  for (let i = 0; i < target; i++) await page.keyboard.press("ArrowDown");
  expect(await page.locator(`${selector} option:checked`).textContent()).toBe(label);
}

describe("portal administration by keyboard alone", () => {
  it("finds a person by email and grants them a role, then takes it away", async () => {
    const { page, close } = await adminOn("/en/admin/staff");
    await skipToMain(page);
    await tabTo(page, "#email");
    await page.keyboard.type(VISITOR);
    await Promise.all([page.waitForURL(/\/en\/admin\/staff\/[0-9a-f-]{36}$/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain("This person holds no staff role.");

    await skipToMain(page);
    await chooseByArrows(page, "#role", "Editor");
    await chooseByArrows(page, "#agency", "Ministry of Labour");
    await tabTo(page, 'main form[action$="/grant"] button[type=submit]');
    await Promise.all([page.waitForURL(/\?done=granted$/), page.keyboard.press("Enter")]);
    const main = (await page.textContent("main")) ?? "";
    expect(main).toContain("The role is granted.");
    expect(main).toContain("Editor, Ministry of Labour");
    await expectAccessible(page);

    await skipToMain(page);
    await tabTo(page, 'main form[action$="/revoke"] button[type=submit]');
    await Promise.all([page.waitForURL(/\?done=revoked$/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain("This person holds no staff role.");
    await close();
  });

  it("adds a synonym group, which search then follows", async () => {
    const { page, close } = await adminOn("/en/admin/search");
    await skipToMain(page);
    await tabTo(page, "#terms");
    await typeOver(page, "lonely");
    await tabTo(page, 'main form[action$="/admin/search/synonyms"] button[type=submit]');
    await Promise.all([page.waitForLoadState("load"), page.keyboard.press("Enter")]);
    expect(await page.textContent(".error-summary")).toContain("Enter between 2 and 20 different words or expressions");
    await expectAccessible(page);

    await tabTo(page, "#terms");
    await typeOver(page, "");
    await page.keyboard.type("glimmerquest");
    await page.keyboard.press("Enter");
    await page.keyboard.type("تأشيرة");
    await tabTo(page, 'main form[action$="/admin/search/synonyms"] button[type=submit]');
    await Promise.all([page.waitForURL(/\?done=created$/), page.keyboard.press("Enter")]);
    expect(await page.textContent("main")).toContain("glimmerquest · تأشيرة");

    // Every instance reloads its index within a few seconds of the change.
    await expect
      .poll(
        async () => {
          const res = await page.request.get(`${baseUrl}/api/v1/search?q=glimmerquest&lang=en`);
          return ((await res.json()) as { total: number }).total;
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBeGreaterThan(0);
    await close();
  });
});

describe("every administration page template passes axe, in both languages", () => {
  let admin: { page: Page; close: () => Promise<void> };
  const found = { highlight: "", synonyms: "", agencyNames: "", person: "" };
  beforeAll(async () => {
    admin = await adminOn("/en/admin");
    const { page } = admin;
    // Objects the edit pages need: a highlight (made here), the first synonym group, the administrator's own roles.
    await page.goto(`${baseUrl}/en/admin/highlights`);
    await page.check('input[name="kind"][value="link"]');
    await page.fill("#path", "/facts");
    await page.fill("#titleAr", "حقائق وأرقام");
    await page.fill("#titleEn", "Facts and figures");
    await page.fill("#position", "1");
    // Hidden, so that the home page other journeys see keeps its most used services.
    await page.uncheck("#active");
    await Promise.all([page.waitForURL(/\?done=created$/), page.click('main form[action$="/admin/highlights"] button')]);
    found.highlight = (await page.getAttribute('main a[href*="/admin/highlights/"]', "href")) ?? "";
    await page.goto(`${baseUrl}/en/admin/search`);
    found.synonyms = (await page.getAttribute('main a[href*="/admin/search/synonyms/"]', "href")) ?? "";
    found.agencyNames = (await page.getAttribute('main a[href*="/admin/search/agency-names/"]', "href")) ?? "";
    await page.goto(`${baseUrl}/en/admin/staff?email=${encodeURIComponent(ADMIN)}`);
    found.person = new URL(page.url()).pathname;
  });
  afterAll(() => admin?.close());

  const templates: [string, () => string][] = [
    ["index", () => "/admin"],
    ["agencies", () => "/admin/agencies"],
    ["new agency", () => "/admin/agencies/new"],
    ["agency", () => "/admin/agencies/ministry-of-interior"],
    ["staff", () => "/admin/staff"],
    ["a person's roles", () => found.person.replace(/^\/en/, "")],
    ["categories", () => "/admin/taxonomies/categories"],
    ["a life event", () => "/admin/taxonomies/life-events/having-a-baby"],
    ["highlights", () => "/admin/highlights"],
    ["a highlight", () => found.highlight.replace(/^\/en/, "")],
    ["search settings", () => "/admin/search"],
    ["a synonym group", () => found.synonyms.replace(/^\/en/, "")],
    ["an agency's other names", () => found.agencyNames.replace(/^\/en/, "")],
    ["nobody with that email", () => "/admin/staff?email=nobody%40example.com"],
  ];
  for (const prefix of ["", "/en"]) {
    for (const [name, path] of templates) {
      it(`${prefix ? "English" : "Arabic"}: ${name}`, async () => {
        const { page } = admin;
        expect(path()).toMatch(/^\/admin/);
        await page.goto(`${baseUrl}${prefix}${path()}`);
        expect(await page.getAttribute("html", "dir")).toBe(prefix ? "ltr" : "rtl");
        await expectAccessible(page);
      });
    }
    it(`${prefix ? "English" : "Arabic"}: a refused form, and a removal refused because the term is in use`, async () => {
      const { page } = admin;
      await page.goto(`${baseUrl}${prefix}/admin/agencies/new`);
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      expect(await page.locator(".error-summary").count()).toBe(1);
      await expectAccessible(page);
      await page.goto(`${baseUrl}${prefix}/admin/taxonomies/life-events/having-a-baby`);
      await Promise.all([page.waitForURL(/\/delete$/), page.click('main form[action$="/delete"] button')]);
      expect(await page.locator("#usage").count()).toBe(1);
      await expectAccessible(page);
    });
  }
});

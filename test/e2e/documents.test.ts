import type { APIRequestContext, Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadDefinitionFiles } from "../../src/eservices/content.js";
import type { Definition } from "../../src/forms/engine/definition.js";
import { pageOf } from "../support/apply.js";
import { pageFields } from "../support/fill.js";
import { axeViolations, launchBrowser, newPage } from "./support/browser.js";

const baseUrl = inject("baseUrl");
const PASSWORD = "Hukoomi-demo-2026";
/** A free e-service that issues a document (an exit permit), so no payment stands between applying and approval. */
const def = loadDefinitionFiles().find((d) => d.slug === "exit-permit") as Definition;
let browser: Browser;
let holder: { context: BrowserContext; page: Page };
let code = "";

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function signIn(page: Page, email: string) {
  await page.goto(`${baseUrl}/en/sign-in`);
  await page.fill("#identifier", email);
  await page.fill("#password", PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith("/sign-in")), page.click("main form button[type=submit]")]);
}

/** Posts a form as the signed-in browser would, without following the redirect. */
async function post(request: APIRequestContext, url: string, html: string, fields: Record<string, string | string[]>) {
  const form: Record<string, string> = { _csrf: csrfOf(html) };
  for (const [k, v] of Object.entries(fields)) form[k] = Array.isArray(v) ? (v[0] ?? "") : v;
  return request.post(`${baseUrl}${url}`, { form, maxRedirects: 0 });
}

/** Applies for an exit permit through the portal's own pages (over HTTP, with the browser's session). */
async function apply(request: APIRequestContext): Promise<string> {
  const start = await request.get(`${baseUrl}/en/eservices/${def.slug}`);
  let res = await post(request, `/en/eservices/${def.slug}/start`, await start.text(), {});
  let location = res.headers().location ?? "";
  for (let i = 0; i < 30 && !location.endsWith("/check"); i++) {
    const html = await (await request.get(`${baseUrl}${location}`)).text();
    const { fields, files } = pageFields(def, pageOf(location).page, html, {});
    if (files.length) {
      const multipart: Record<string, string | { name: string; mimeType: string; buffer: Buffer }> = { _csrf: csrfOf(html) };
      for (const [k, v] of Object.entries(fields)) multipart[k] = Array.isArray(v) ? (v[0] ?? "") : v;
      for (const f of files) multipart[f.field] = { name: f.filename, mimeType: f.type, buffer: f.data };
      res = await request.post(`${baseUrl}${location}`, { multipart, maxRedirects: 0 });
    } else res = await post(request, location, html, fields);
    expect(res.status(), `${location}: ${(await res.text()).slice(0, 200)}`).toBe(303);
    location = res.headers().location ?? "";
  }
  const check = await request.get(`${baseUrl}${location}`);
  res = await post(request, location.replace(/\/check$/, "/submit"), await check.text(), { declaration: "yes" });
  const reference = /\/my\/requests\/(HK-[A-Z0-9-]+)/.exec(res.headers().location ?? "")?.[1];
  if (!reference) throw new Error(`not submitted: ${res.status()}`);
  return reference;
}

beforeAll(async () => {
  browser = await launchBrowser();
  holder = await newPage(browser);
  await signIn(holder.page, "resident@demo.hukoomi.example");
  const reference = await apply(holder.context.request);
  const officer = await newPage(browser);
  await signIn(officer.page, "officer@demo.hukoomi.example");
  const casePage = await officer.context.request.get(`${baseUrl}/en/workspace/cases/${reference}`);
  const decided = await post(officer.context.request, `/en/workspace/cases/${reference}/decide`, await casePage.text(), {
    decision: "approve",
    reason: "",
  });
  expect(decided.status()).toBe(303);
  await officer.context.close();
  await holder.page.goto(`${baseUrl}/en/my/documents`);
  code = (await holder.page.locator("main table .document-code").first().textContent())?.trim() ?? "";
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
});
afterAll(async () => {
  await holder?.context.close();
  await browser?.close();
});

async function expectAccessible(page: Page, url: string, status = 200) {
  const res = await page.goto(url);
  expect(res?.status(), url).toBe(status);
  expect(await axeViolations(page), url).toEqual([]);
}

const inLanguage = (locale: "ar" | "en", path: string) => `${baseUrl}${locale === "en" ? "/en" : ""}${path}`;

describe("issued documents: axe-core finds no WCAG 2.2 A/AA violation", () => {
  for (const locale of ["ar", "en"] as const) {
    it(`My documents and a document's page (${locale})`, async () => {
      await expectAccessible(holder.page, inLanguage(locale, "/my/documents"));
      await expectAccessible(holder.page, inLanguage(locale, `/my/documents/${code}`));
      expect(await holder.page.getAttribute("html", "lang")).toBe(locale);
      expect(await holder.page.locator('main [role="img"] svg').count()).toBe(1);
      // Printed, the document stands alone: no header, footer or buttons.
      await holder.page.emulateMedia({ media: "print" });
      expect(await holder.page.locator("header.header").isVisible()).toBe(false);
      expect(await holder.page.locator("footer.footer").isVisible()).toBe(false);
      expect(await holder.page.locator(".issued-document").isVisible()).toBe(true);
      await holder.page.emulateMedia({ media: "screen" });
      await expectAccessible(holder.page, inLanguage(locale, "/my"));
    });

    it(`the verification pages (${locale})`, async () => {
      const { context, page } = await newPage(browser);
      await expectAccessible(page, inLanguage(locale, "/verify"));
      await expectAccessible(page, inLanguage(locale, "/verify?code=nonsense"), 400);
      await expectAccessible(page, inLanguage(locale, `/verify/${code}`));
      expect(await page.locator(".verdict--genuine").count()).toBe(1);
      await expectAccessible(page, inLanguage(locale, "/verify/AAAA-CCCC"), 404);
      // By keyboard: type the code as it is read out, and check it.
      await page.goto(inLanguage(locale, "/verify"));
      await page.focus("#code");
      await page.keyboard.type(code.toLowerCase().replace("-", " "));
      await Promise.all([page.waitForURL(inLanguage(locale, `/verify/${code}`)), page.keyboard.press("Enter")]);
      expect(await page.locator("h1").textContent()).toBe(locale === "en" ? "This document is genuine" : "هذا المستند صحيح");
      await context.close();
    });
  }
});

import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axeViolations, launchBrowser } from "./support/browser.js";
import { discoverTemplates, localized, signInAs, type Template, type Viewer } from "./support/templates.js";

const baseUrl = inject("baseUrl");
let browser: Browser;
let templates: Template[] = [];

/** One page per viewer (signed in once), reused across templates. */
const pages = new Map<Viewer, { context: BrowserContext; page: Page }>();
async function pageFor(viewer: Viewer): Promise<Page> {
  const known = pages.get(viewer);
  if (known) return known.page;
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (viewer !== "public") await signInAs(page, baseUrl, viewer);
  pages.set(viewer, { context, page });
  return page;
}

beforeAll(async () => {
  browser = await launchBrowser();
  templates = await discoverTemplates(baseUrl, pageFor);
}, 180_000);
afterAll(async () => {
  for (const { context } of pages.values()) await context.close();
  await browser?.close();
});

/**
 * Every template the reflow test finds (public, a citizen's, an officer's,
 * an editor's and an administrator's), in both languages, on a phone 360 px
 * wide with every <details> open (the header's Search and Menu, folded
 * filters): one run of axe each. accessibility.test.ts checks the main
 * public templates at three widths and the refused forms.
 */
describe("axe-core finds no WCAG 2.2 A/AA violation on any page template, in either language", { timeout: 600_000 }, () => {
  for (const locale of ["ar", "en"] as const) {
    for (const who of ["public", "signed in"] as const) {
      it(`${who} templates (${locale})`, async () => {
        const found: string[] = [];
        for (const t of templates.filter((x) => (x.viewer === "public") === (who === "public"))) {
          const page = await pageFor(t.viewer);
          await page.goto(`${baseUrl}${localized(locale, t.path)}`);
          await page.evaluate(() => {
            for (const details of document.querySelectorAll("details")) details.open = true;
          });
          found.push(...(await axeViolations(page)).map((v) => `${t.name} (${locale}): ${v}`));
        }
        expect(found).toEqual([]);
      });
    }
  }
});

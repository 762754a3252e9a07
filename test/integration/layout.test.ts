import { existsSync, readFileSync } from "node:fs";
import { brotliDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRoot } from "../../src/platform/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const pagePaths = [
  "/",
  "/about",
  "/about/history",
  "/about/programme",
  "/about/e-participation-policy",
  "/accessibility",
  "/privacy",
  "/terms",
  "/contact",
  "/sitemap",
  "/search",
  "/design-system",
];

describe("every page, in both languages", () => {
  for (const path of pagePaths) {
    it(`serves ${path} in Arabic right to left and in English left to right`, async () => {
      const ar = await t.app.inject({ url: path });
      expect(ar.statusCode).toBe(200);
      expect(ar.headers["content-type"]).toContain("text/html");
      expect(ar.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
      const enPath = path === "/" ? "/en" : `/en${path}`;
      const en = await t.app.inject({ url: enPath });
      expect(en.statusCode).toBe(200);
      expect(en.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);

      for (const [res, other, otherPath, name] of [
        [ar, "en", enPath, "English"],
        [en, "ar", path, "العربية"],
      ] as const) {
        // Skip link to the main content, which exists.
        expect(res.body).toContain('<a class="skip-link" href="#main-content">');
        expect(res.body).toContain('id="main-content"');
        // The language switch leads to the same page, named in its own language.
        expect(res.body).toContain(
          `<a class="language-switch" href="${otherPath}" hreflang="${other}" lang="${other}">${name}</a>`,
        );
        // Footer links.
        for (const link of ["/accessibility", "/privacy", "/terms", "/contact", "/sitemap"]) {
          expect(res.body).toContain(`href="${res === en ? `/en${link}` : link}"`);
        }
        // Page feedback, with nothing about the visitor in it (posts from other sites are refused by their headers).
        expect(res.body).toMatch(/data-feedback[\s\S]*action="[^"]*\/feedback"/);
        expect(res.body).not.toContain('name="_csrf"');
        // Search box.
        expect(res.body).toContain('role="search"');
      }
    });
  }

  it("shows breadcrumbs Home » About Hukoomi » page", async () => {
    const res = await t.app.inject({ url: "/en/about/history" });
    const crumbs = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? "";
    expect(crumbs).toContain('<a class="breadcrumbs__link" href="/en">Home</a>');
    expect(crumbs).toContain('<a class="breadcrumbs__link" href="/en/about">About Hukoomi</a>');
    expect(crumbs).toContain('<span aria-current="page">Our history</span>');
  });

  it("keeps the query when switching language", async () => {
    const res = await t.app.inject({ url: "/search?q=%D8%A5%D9%82%D8%A7%D9%85%D8%A9" });
    expect(res.body).toContain('href="/en/search?q=%D8%A5%D9%82%D8%A7%D9%85%D8%A9" hreflang="en"');
  });

  it("announces both languages to search engines", async () => {
    const res = await t.app.inject({ url: "/en/about" });
    expect(res.body).toContain('<link rel="alternate" hreflang="ar" href="http://portal.test/about"/>');
    expect(res.body).toContain('<link rel="alternate" hreflang="en" href="http://portal.test/en/about"/>');
  });

  it("shows the last-updated date with the Hijri date on content pages", async () => {
    const res = await t.app.inject({ url: "/en/accessibility" });
    expect(res.body).toContain('<time datetime="2026-11-22">22 November 2026</time>');
  });

  it("serves the stylesheet and the self-hosted font with long caching", async () => {
    const home = await t.app.inject({ url: "/" });
    const css = /href="(\/assets\/css\/hukoomi\.css\?v=[a-f0-9]+)"/.exec(home.body)?.[1];
    expect(css).toBeDefined();
    const res = await t.app.inject({ url: css ?? "" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("immutable");
    const rules = res.body.replace(/\/\*[\s\S]*?\*\//g, "");
    expect(rules).not.toMatch(/margin-left|margin-right|padding-left|padding-right|text-align:\s*(left|right)|letter-spacing/);
    const font = await t.app.inject({ url: "/assets/fonts/ibm-plex-sans-arabic-arabic-400-normal.woff2" });
    expect(font.statusCode).toBe(200);
    expect(font.headers["content-type"]).toBe("font/woff2");
    const unused = await t.app.inject({ url: "/assets/fonts/ibm-plex-sans-arabic-cyrillic-ext-400-normal.woff2" });
    expect(unused.statusCode).toBe(404);
  });

  it("preloads the page's regular face, which never swaps in late (no layout shift)", async () => {
    const ar = await t.app.inject({ url: "/" });
    expect(ar.body).toContain(
      '<link rel="preload" href="/assets/fonts/ibm-plex-sans-arabic-arabic-400-normal.woff2" as="font" type="font/woff2" crossorigin="anonymous"/>',
    );
    const en = await t.app.inject({ url: "/en" });
    expect(en.body).toContain('href="/assets/fonts/ibm-plex-sans-arabic-latin-400-normal.woff2" as="font"');
    const css = readFileSync(fromRoot("public/css/hukoomi.css"), "utf8");
    const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) expect(face).toContain("font-display: optional;");
    // Every preloaded address is one the stylesheet uses, so the font is fetched once.
    expect(css).toContain('url("/assets/fonts/ibm-plex-sans-arabic-arabic-400-normal.woff2")');
    expect(css).toContain('url("/assets/fonts/ibm-plex-sans-arabic-latin-400-normal.woff2")');
  });

  it.skipIf(!existsSync(fromRoot("public/css/hukoomi.css.br")))(
    "sends the stylesheet compressed at build time (npm run build)",
    async () => {
      const home = await t.app.inject({ url: "/" });
      const css = /href="(\/assets\/css\/hukoomi\.css\?v=[a-f0-9]+)"/.exec(home.body)?.[1] ?? "";
      const plain = await t.app.inject({ url: css });
      const br = await t.app.inject({ url: css, headers: { "accept-encoding": "br, gzip" } });
      expect(br.headers["content-encoding"]).toBe("br");
      expect(br.headers["cache-control"]).toContain("immutable");
      expect(brotliDecompressSync(br.rawPayload).toString("utf8")).toBe(plain.body);
    },
  );
});

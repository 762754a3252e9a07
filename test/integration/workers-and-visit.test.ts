import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadVisitContent } from "../../src/visit/content.js";
import { languagesOf, loadWorkerContent } from "../../src/workers/content.js";
import { loadWorkerForms } from "../../src/workers/form/content.js";
import { workerLanguages, workerPages, workerPath } from "../../src/workers/languages.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
}, 120_000);
afterAll(() => t.close());

const content = loadWorkerContent();
const rtl = new Set(["ar", "ur"]);

async function get(url: string) {
  return t.app.inject({ url });
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]+)"/g)].map((m) => (m[1] ?? "").replace(/&amp;/g, "&"));
}

/** The "this page in other languages" list of a page. */
function languageList(html: string): string {
  const m = /<section class="section workers-languages"[\s\S]*?<\/section>/.exec(html);
  if (!m) throw new Error("no language list on the page");
  return m[0];
}

describe("the workers' portal in each language", () => {
  for (const language of workerLanguages) {
    it(`answers /workers/${language} with lang="${language}" and the right direction, its chrome in the language`, async () => {
      const res = await get(`/workers/${language}`);
      expect(res.statusCode).toBe(200);
      const dir = rtl.has(language) ? "rtl" : "ltr";
      expect(res.body).toMatch(new RegExp(`^<!doctype html><html lang="${language}" dir="${dir}">`));
      expect(res.headers["content-security-policy"]).toBeTruthy();
      const words = content.interfaces[language];
      expect(res.body).toContain(`<a class="skip-link" href="#main-content">${words.skipLink}</a>`);
      expect(res.body).toContain(`aria-label="${words.pagesLabel}"`);
      expect(res.body).toContain(words.footerNote);
      // The way back to the main portal, marked with its language.
      expect(res.body).toMatch(/<a class="footer__link" href="\/" lang="ar" hreflang="ar"/);
      expect(res.body).toMatch(/<a class="footer__link" href="\/en" lang="en" hreflang="en"/);
    });
  }

  it("writes Urdu right to left and Hindi, Nepali, Bengali, Tagalog, Malayalam and Sinhala left to right", async () => {
    expect((await get("/workers/ur/wages")).body).toMatch(/^<!doctype html><html lang="ur" dir="rtl">/);
    for (const l of ["hi", "ne", "bn", "tl", "ml", "si"]) {
      expect((await get(`/workers/${l}/wages`)).body).toMatch(new RegExp(`^<!doctype html><html lang="${l}" dir="ltr">`));
    }
  });

  it("lists on every page the languages it exists in, and says which it is missing from", async () => {
    for (const language of workerLanguages) {
      for (const page of content.pages[language]) {
        const res = await get(workerPath(language, page.slug));
        expect(res.statusCode, `${language}/${page.slug}`).toBe(200);
        expect(res.body).toContain(`<h1 class="heading-xl">${page.title}</h1>`);
        const list = languageList(res.body);
        const written = languagesOf(content, page.slug);
        for (const other of workerLanguages) {
          const name = content.interfaces[other].languageName;
          const dir = rtl.has(other) ? "rtl" : "ltr";
          if (other === language) {
            expect(list).toContain(`<span lang="${other}" dir="${dir}" aria-current="page"`);
          } else if (written.includes(other)) {
            expect(list, `${language}/${page.slug} → ${other}`).toContain(
              `<a href="${workerPath(other, page.slug)}" lang="${other}" hreflang="${other}" dir="${dir}">${name}</a>`,
            );
          } else {
            expect(list).not.toContain(`href="${workerPath(other, page.slug)}"`);
            expect(list).toContain(
              `<span lang="${other}" dir="${dir}">${name}</span> (${content.interfaces[language].notInLanguage})`,
            );
          }
        }
      }
    }
  });

  it("never links to a page that does not exist", async () => {
    const seen = new Set<string>();
    for (const language of workerLanguages) {
      for (const page of content.pages[language]) {
        const res = await get(workerPath(language, page.slug));
        for (const href of hrefs(res.body)) if (href.startsWith("/workers")) seen.add(href);
      }
    }
    expect(seen.size).toBeGreaterThan(40);
    for (const href of seen) expect((await get(href)).statusCode, href).toBe(200);
  });

  it("knows some pages exist only in some languages", () => {
    expect(languagesOf(content, "eservices")).toEqual(["ar", "en"]);
    expect(languagesOf(content, "contracts")).not.toContain("si");
    for (const slug of workerPages) expect(languagesOf(content, slug)).toContain("en");
  });

  it("answers a page missing in a language with a 404 in that language, leading to where it exists", async () => {
    const res = await get("/workers/si/contracts");
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/^<!doctype html><html lang="si" dir="ltr">/);
    const si = content.interfaces.si;
    expect(res.body).toContain(si.notFoundTitle);
    expect(res.body).toContain(si.notFoundBody);
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    expect(res.body).toContain('<a href="/workers/en/contracts" lang="en" hreflang="en"');
    expect(res.body).toContain('<a href="/workers/hi/contracts" lang="hi" hreflang="hi"');
    expect(res.body).not.toContain('href="/workers/si/contracts"');
    expect(res.body).toContain('<a href="/workers/si/wages">');

    const ur = await get("/workers/ur/eservices");
    expect(ur.statusCode).toBe(404);
    expect(ur.body).toMatch(/^<!doctype html><html lang="ur" dir="rtl">/);
    expect(ur.body).toContain(content.interfaces.ur.notFoundTitle);
    expect(ur.body).toContain('<a href="/workers/ar/eservices" lang="ar" hreflang="ar"');

    const unknownPage = await get("/workers/hi/holidays");
    expect(unknownPage.statusCode).toBe(404);
    expect(unknownPage.body).toMatch(/^<!doctype html><html lang="hi" dir="ltr">/);
    expect(unknownPage.body).toContain(content.interfaces.hi.notFoundTitle);
  });

  it("answers an unknown language with a 404 in English", async () => {
    const res = await get("/workers/fr/rights");
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(res.body).toContain(content.interfaces.en.notFoundTitle);
    expect((await get("/workers/xx")).statusCode).toBe(404);
  });

  it("leads every complaints page to the labour complaint e-service, which answers", async () => {
    const ar = await get("/workers/ar/complaints");
    expect(ar.body).toMatch(/<a class="button button--start" href="\/eservices\/labour-complaint" hreflang="ar"/);
    // Readers of a language the form is translated into get it in their language (test/integration/workers-forms.test.ts).
    const forms = loadWorkerForms();
    for (const language of workerLanguages.filter((l) => l !== "ar" && !forms.overlays[l]?.has("labour-complaint"))) {
      const res = await get(`/workers/${language}/complaints`);
      expect(res.body, language).toMatch(
        /<a class="button button--start" href="\/en\/eservices\/labour-complaint" hreflang="en"/,
      );
      expect(res.body).toContain(content.interfaces[language].complaintStart);
    }
    expect((await get("/eservices/labour-complaint")).statusCode).toBe(200);
    expect((await get("/en/eservices/labour-complaint")).statusCode).toBe(200);
  });

  it("keeps the visitor’s display settings, and never shares such a page", async () => {
    const res = await t.app.inject({ url: "/workers/bn/rights", cookies: { a11y: "text200.contrast" } });
    expect(res.body).toMatch(/^<!doctype html><html data-text-size="200" class="a11y-contrast" lang="bn" dir="ltr">/);
    expect(res.headers["cache-control"]).toBe("private, no-cache");
    expect(res.headers.vary).toContain("Cookie");
  });

  it("sends the English-prefixed addresses to the one page", async () => {
    const res = await get("/en/workers/hi/wages");
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe("/workers/hi/wages");
    expect((await get("/en/workers/ne")).headers.location).toBe("/workers/ne");
    expect((await get("/workers/tl/overview")).headers.location).toBe("/workers/tl");
  });
});

describe("the language chooser", () => {
  for (const [path, lang, dir] of [
    ["/workers", "ar", "rtl"],
    ["/en/workers", "en", "ltr"],
  ] as const) {
    it(`lists every language in its own script at ${path}`, async () => {
      const res = await get(path);
      expect(res.statusCode).toBe(200);
      expect(res.body).toMatch(new RegExp(`^<!doctype html><html lang="${lang}" dir="${dir}">`));
      for (const language of workerLanguages) {
        const d = rtl.has(language) ? "rtl" : "ltr";
        expect(res.body).toContain(`<li class="workers-chooser__item" lang="${language}" dir="${d}">`);
        expect(res.body).toContain(
          `<a class="workers-chooser__link" href="/workers/${language}" hreflang="${language}">${content.interfaces[language].languageName}</a>`,
        );
      }
    });
  }
});

const visitTopics = ["visas", "arrival", "transport", "stay", "health", "study", "business"];

describe("Visiting Qatar", () => {
  it("answers /visit and every topic in Arabic and English", async () => {
    for (const path of ["/visit", ...visitTopics.map((t) => `/visit/${t}`)]) {
      const ar = await get(path);
      expect(ar.statusCode, path).toBe(200);
      expect(ar.body).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
      const en = await get(`/en${path}`);
      expect(en.statusCode, path).toBe(200);
      expect(en.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    }
    const index = await get("/en/visit");
    expect(index.body).toContain('<h1 class="heading-xl">Visiting Qatar</h1>');
    for (const topic of visitTopics) expect(index.body).toContain(`href="/en/visit/${topic}"`);
    expect((await get("/visit")).body).toContain('<h1 class="heading-xl">زيارة قطر</h1>');
  });

  it("links the visitor visa e-service and the catalogue's services for visitors", async () => {
    const en = await get("/en/visit/visas");
    expect(en.body).toContain('href="/en/eservices/visitor-visa"');
    expect(en.body).toContain('href="/en/services/apply-for-visitor-visa"');
    expect(en.body).toContain('href="/en/for/visitor"');
    const ar = await get("/visit/visas");
    expect(ar.body).toContain('href="/eservices/visitor-visa"');
    expect(ar.body).toContain('href="/services/apply-for-visitor-visa"');
    expect((await get("/en/eservices/visitor-visa")).statusCode).toBe(200);

    const business = await get("/en/visit/business");
    expect(business.body).toContain('href="/en/services/set-up-foreign-owned-company"');
    expect(business.body).toContain('href="/en/for/visitor-business"');
    // Services for residents only are not offered to visitors.
    expect(business.body).not.toContain('href="/en/services/renew-residence-permit"');
    const study = await get("/en/visit/study");
    expect(study.body).toContain('href="/en/services/request-student-visa-sponsorship"');
    const index = await get("/en/visit");
    expect(index.body).toContain('href="/en/for/visitor"');
    expect(hrefs(index.body).filter((h) => h.startsWith("/en/services/")).length).toBeGreaterThan(0);
  });

  it("shows first the services each topic names, all of them published", async () => {
    const { topics } = loadVisitContent();
    expect(topics.some((topic) => topic.services.length > 1)).toBe(true);
    for (const topic of topics) {
      const body = (await get(`/en${topic.path}`)).body;
      const shown = hrefs(body).filter((h) => h.startsWith("/en/services/"));
      expect(shown.slice(0, topic.services.length), topic.slug).toEqual(topic.services.map((s) => `/en/services/${s}`));
    }
  });

  it("answers an unknown topic with a 404", async () => {
    expect((await get("/visit/nowhere")).statusCode).toBe(404);
    expect((await get("/en/visit/Bad_Topic")).statusCode).toBe(404);
  });
});

describe("finding the two areas", () => {
  it("links them from every page's footer", async () => {
    const ar = await get("/");
    expect(ar.body).toContain('<a class="footer__link" href="/visit">');
    expect(ar.body).toContain('<a class="footer__link" href="/workers">');
    const en = await get("/en/about");
    expect(en.body).toContain('<a class="footer__link" href="/en/visit">');
    expect(en.body).toContain('<a class="footer__link" href="/en/workers">');
  });

  it("links them from the home page's cards for residents and visitors, and from the persona chooser", async () => {
    for (const [path, prefix] of [
      ["/", ""],
      ["/en", "/en"],
      ["/for", ""],
    ] as const) {
      const body = (await get(path)).body;
      const chooser = body.slice(body.indexOf('class="persona-chooser"'));
      expect(chooser, path).toContain(`<li class="persona-chooser__portal"><a href="${prefix}/workers">`);
      expect(chooser, path).toContain(`<li class="persona-chooser__portal"><a href="${prefix}/visit">`);
    }
  });

  it("lists them in the XML sitemap, each workers' page with the languages it exists in", async () => {
    const xml = (await get("/sitemaps/pages.xml")).body;
    expect(xml).toContain("<loc>http://portal.test/en/visit/visas</loc>");
    expect(xml).toContain("<loc>http://portal.test/visit</loc>");
    expect(xml).toContain("<loc>http://portal.test/en/workers</loc>");
    const entry = /<url><loc>http:\/\/portal\.test\/workers\/ur\/rights<\/loc>(.*?)<\/url>/.exec(xml)?.[1] ?? "";
    for (const l of languagesOf(content, "rights")) {
      expect(entry).toContain(`hreflang="${l}" href="http://portal.test${workerPath(l, "rights")}"`);
    }
    const contracts = /<url><loc>http:\/\/portal\.test\/workers\/en\/contracts<\/loc>(.*?)<\/url>/.exec(xml)?.[1] ?? "";
    expect(contracts).not.toContain('hreflang="si"');
  });
});

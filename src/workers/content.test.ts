import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../platform/paths.js";
import { languagesOf, loadWorkerContent, requiredWorkerPages } from "./content.js";
import { isWorkerLanguage, isWorkerPage, workerLanguages } from "./languages.js";

/** Each language's name must be written in its own script. */
const scripts: Record<string, RegExp> = {
  ar: /^\p{Script=Arabic}+$/u,
  ur: /^\p{Script=Arabic}+$/u,
  hi: /^[\p{Script=Devanagari}\p{M}]+$/u,
  ne: /^[\p{Script=Devanagari}\p{M}]+$/u,
  bn: /^[\p{Script=Bengali}\p{M}]+$/u,
  ml: /^[\p{Script=Malayalam}\p{M}]+$/u,
  si: /^[\p{Script=Sinhala}\p{M}\u200d]+$/u,
  en: /^[A-Za-z]+$/,
  tl: /^[A-Za-z]+$/,
};

/** Scripts a page's text must mostly be in, so a page is never left in the wrong language. */
const bodyScripts: Record<string, RegExp> = {
  ar: /\p{Script=Arabic}/gu,
  ur: /\p{Script=Arabic}/gu,
  hi: /\p{Script=Devanagari}/gu,
  ne: /\p{Script=Devanagari}/gu,
  bn: /\p{Script=Bengali}/gu,
  ml: /\p{Script=Malayalam}/gu,
  si: /\p{Script=Sinhala}/gu,
  en: /[A-Za-z]/g,
  tl: /[A-Za-z]/g,
};

function withCopy(change: (dir: string) => void): () => unknown {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "hk-workers-"));
    try {
      cpSync(fromRoot("content", "workers"), dir, { recursive: true });
      change(dir);
      return loadWorkerContent(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe("workers' portal content", () => {
  const content = loadWorkerContent();

  it("has every language, each with its interface words and the required pages", () => {
    for (const language of workerLanguages) {
      const words = content.interfaces[language];
      expect(words.languageName, language).toMatch(scripts[language] ?? /$^/);
      for (const value of Object.values(words)) expect(value.trim().length, language).toBeGreaterThan(0);
      const slugs = content.pages[language].map((p) => p.slug);
      for (const slug of requiredWorkerPages) expect(slugs, `${language}/${slug}`).toContain(slug);
    }
  });

  it("writes every page in its own language, with a title and a body", () => {
    for (const language of workerLanguages) {
      for (const page of content.pages[language]) {
        const where = `${language}/${page.slug}`;
        expect(page.title.length, where).toBeGreaterThan(3);
        const text = page.html.replace(/<[^>]+>/g, " ");
        const letters = text.match(/\p{L}/gu)?.length ?? 0;
        const own = text.match(bodyScripts[language] ?? /$^/g)?.length ?? 0;
        expect(own / letters, where).toBeGreaterThan(0.8);
      }
    }
  });

  it("keeps Arabic and English complete", () => {
    for (const language of ["ar", "en"] as const) {
      expect(content.pages[language].map((p) => p.slug)).toEqual([
        "overview",
        "rights",
        "contracts",
        "wages",
        "complaints",
        "eservices",
      ]);
    }
  });

  it("leads every complaints page to the labour complaint e-service", () => {
    for (const language of workerLanguages) {
      expect(content.pages[language].find((p) => p.slug === "complaints")?.eservice, language).toBe("labour-complaint");
    }
  });

  it("links only to pages and e-services that exist", () => {
    const eservices = new Set(readdirSync(fromRoot("content", "eservices")).map((f) => f.replace(/\.yaml$/, "")));
    for (const language of workerLanguages) {
      for (const page of content.pages[language]) {
        for (const [, href = ""] of page.html.matchAll(/href="([^"]+)"/g)) {
          const where = `${language}/${page.slug} → ${href}`;
          const worker = /^\/workers\/([a-z]+)(?:\/([a-z-]+))?$/.exec(href);
          const eservice = /^(?:\/en)?\/eservices\/([a-z0-9-]+)$/.exec(href);
          if (worker) {
            const [, lang, slug = "overview"] = worker;
            expect(isWorkerLanguage(lang) && isWorkerPage(slug), where).toBe(true);
            if (isWorkerPage(slug)) expect(languagesOf(content, slug), where).toContain(lang);
          } else if (eservice) {
            expect(eservices.has(eservice[1] ?? ""), where).toBe(true);
          } else {
            expect(href, where).toMatch(/^\/(en\/)?register$/);
          }
        }
      }
    }
  });

  it(
    "refuses a page without a title",
    withCopyExpectError((dir) => {
      writeFileSync(join(dir, "hi", "rights.md"), "---\ndescription: x\nnav: x\n---\nसामग्री ".repeat(30));
    }, /hi\/rights\.md/),
  );

  it(
    "refuses a language without its interface words",
    withCopyExpectError((dir) => {
      writeFileSync(join(dir, "si", "interface.yaml"), "languageName: සිංහල\n");
    }, /si\/interface\.yaml/),
  );

  it(
    "refuses a language missing a required page",
    withCopyExpectError((dir) => {
      rmSync(join(dir, "ml", "wages.md"));
    }, /ml: missing wages/),
  );

  it(
    "refuses a page with no body",
    withCopyExpectError((dir) => {
      writeFileSync(join(dir, "tl", "wages.md"), "---\ntitle: Sahod\ndescription: Sahod\nnav: Sahod\n---\n\n");
    }, /tl\/wages\.md: the page has no body/),
  );
});

function withCopyExpectError(change: (dir: string) => void, message: RegExp): () => void {
  return () => expect(withCopy(change)).toThrow(message);
}

import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fromRoot } from "../platform/paths.js";
import { loadVisitContent } from "./content.js";

function loadChanged(change: (dir: string) => void): () => unknown {
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "hk-visit-"));
    try {
      cpSync(fromRoot("content", "visit"), dir, { recursive: true });
      change(dir);
      return loadVisitContent(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

describe("Visiting Qatar content", () => {
  const content = loadVisitContent();

  it("has an introduction and the topics for tourists, students and business visitors, in both languages", () => {
    expect(content.index.path).toBe("/visit");
    expect(content.topics.map((t) => t.slug)).toEqual(["visas", "arrival", "transport", "stay", "health", "study", "business"]);
    for (const page of [content.index, ...content.topics]) {
      expect(page.text.ar.title, page.slug).toMatch(/\p{Script=Arabic}/u);
      expect(page.text.en.title, page.slug).toMatch(/^[\x20-\x7e\u2019]+$/);
      expect(page.text.ar.html.length, page.slug).toBeGreaterThan(200);
      expect(page.text.en.html.length, page.slug).toBeGreaterThan(200);
    }
    const personas = new Set(content.topics.map((t) => t.persona));
    for (const p of ["visitor-tourist", "visitor-student", "visitor-business"]) expect(personas).toContain(p);
    expect(content.topics.find((t) => t.slug === "visas")?.eservice).toBe("visitor-visa");
  });

  it("links each language's pages in that language", () => {
    for (const page of [content.index, ...content.topics]) {
      for (const [, href = ""] of page.text.en.html.matchAll(/href="([^"]+)"/g)) expect(href).toMatch(/^\/en\//);
      for (const [, href = ""] of page.text.ar.html.matchAll(/href="([^"]+)"/g)) expect(href).not.toMatch(/^\/en\//);
    }
  });

  it("refuses a topic missing a language", () => {
    expect(loadChanged((dir) => rmSync(join(dir, "health.en.md")))).toThrow(/health: missing en/);
  });

  it("refuses a topic whose two languages list different visitors", () => {
    expect(
      loadChanged((dir) =>
        writeFileSync(
          join(dir, "study.en.md"),
          `---\ntitle: Study\ndescription: Study\npersona: visitor-business\norder: 6\n---\n${"Text. ".repeat(30)}`,
        ),
      ),
    ).toThrow(/study: the two languages differ in persona/);
  });
});

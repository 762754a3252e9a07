import { describe, expect, it } from "vitest";
import { loadContentPages } from "./content.js";

describe("content pages", () => {
  const pages = loadContentPages();

  it("has the portal's own pages in both languages", () => {
    const paths = pages.map((p) => p.path);
    for (const path of [
      "/about",
      "/about/history",
      "/about/programme",
      "/about/e-participation-policy",
      "/accessibility",
      "/privacy",
      "/terms",
      "/contact",
    ]) {
      expect(paths).toContain(path);
    }
    for (const page of pages) {
      expect(page.text.ar.title).toMatch(/\p{Script=Arabic}/u);
      expect(page.text.en.title).toMatch(/^[\x20-\x7e\u2019]+$/);
      expect(page.text.ar.html.length).toBeGreaterThan(200);
      expect(page.text.en.html.length).toBeGreaterThan(200);
    }
  });

  it("gives every parent page that exists", () => {
    const paths = new Set(pages.map((p) => p.path));
    for (const page of pages) if (page.parent) expect(paths.has(page.parent), page.path).toBe(true);
  });

  it("draws the history as a timeline from 2003", () => {
    const history = pages.find((p) => p.path === "/about/history");
    expect(history?.layout).toBe("timeline");
    expect(history?.text.en.html).toContain("<strong>2003</strong>");
    expect(history?.text.ar.html).toContain("<strong>2017</strong>");
  });
});

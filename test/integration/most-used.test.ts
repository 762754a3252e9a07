import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transactionFigures } from "../../src/statistics/figures.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

/** The services the home page lists under "most used", in order. */
function mostUsedOnHome(html: string, prefix: string): string[] {
  const start = html.indexOf('id="home-most-used"');
  const section = html.slice(start, html.indexOf("</section>", start));
  return [...section.matchAll(new RegExp(`href="${prefix}/services/([a-z0-9-]+)"`, "g"))].map((m) => m[1] ?? "");
}

describe("most used services", () => {
  it("the home page lists the facts page's ranking first, in its order, in both languages", async () => {
    const figures = await transactionFigures(t.db.database.db);
    const ranked = figures.top.map((s) => s.serviceSlug);
    expect(ranked.length).toBe(5);
    for (const prefix of ["/en", ""]) {
      const home = await t.app.inject({ url: prefix || "/" });
      expect(home.statusCode).toBe(200);
      const listed = mostUsedOnHome(home.body, prefix);
      expect(listed.slice(0, ranked.length)).toEqual(ranked);
      expect(listed.length).toBe(8);
      expect(new Set(listed).size).toBe(listed.length);
      // The facts page names the same services in the same order.
      const facts = await t.app.inject({ url: `${prefix}/facts` });
      const titles = figures.top.map((s) => (prefix ? s.titleEn : s.titleAr));
      const positions = titles.map((title) => facts.body.indexOf(title, facts.body.indexOf("top-services-chart")));
      expect(positions.every((p, i) => p > 0 && (i === 0 || p > (positions[i - 1] ?? 0)))).toBe(true);
    }
  });
});

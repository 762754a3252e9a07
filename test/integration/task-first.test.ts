import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listServices, listTerms, personaFamily } from "../../src/catalogue/service.js";
import { mostUsedServices } from "../../src/statistics/service.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

/** The part of a page from an element's id to the end of its section. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="${id}"`);
  if (start < 0) return "";
  let depth = 0;
  const tags = /<(\/?)section\b/g;
  tags.lastIndex = start;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    if (!m[1]) depth += 1;
    else if (depth === 0) return html.slice(start, m.index);
    else depth -= 1;
  }
  return html.slice(start);
}

const serviceLinks = (html: string, prefix: string) =>
  [...html.matchAll(new RegExp(`href="${prefix}/services/([a-z0-9-]+)"`, "g"))].map((m) => m[1] ?? "");

/** What a scope's top tasks must start with: last month's ranking (the home and facts pages'), only the scope's services. */
async function expectedLead(scope: { personas?: string[]; category?: string }): Promise<string[]> {
  const db = t.db.database.db;
  const [ranked, inScope] = await Promise.all([
    mostUsedServices(db, 10_000),
    listServices(db, { ...scope, page: 1, pageSize: 1000 }),
  ]);
  const slugs = new Set(inScope.items.map((s) => s.slug));
  return ranked.map((r) => r.serviceSlug).filter((s) => slugs.has(s));
}

describe("task-first persona and topic pages", () => {
  for (const prefix of ["", "/en"]) {
    const locale = prefix ? "en" : "ar";

    it(`a persona's page leads with its top tasks by use, then its services by topic under headings, then the full list (${locale})`, async () => {
      const db = t.db.database.db;
      const personas = await listTerms(db, "persona");
      const res = await t.app.inject({ url: `${prefix}/for/resident` });
      expect(res.statusCode).toBe(200);
      const html = res.body;
      const top = html.indexOf('id="top-tasks"');
      const groups = html.indexOf('id="service-groups"');
      const all = html.indexOf('id="results-count"');
      expect(top).toBeGreaterThan(0);
      expect(groups).toBeGreaterThan(top);
      expect(all).toBeGreaterThan(groups);
      expect(html.slice(top - 40, top)).toContain("<h2");

      // The top tasks: the persona's services in last month's order of use, topped up to five.
      const tasks = serviceLinks(section(html, "top-tasks"), prefix);
      const lead = await expectedLead({ personas: personaFamily(personas, "resident") });
      expect(lead.length).toBeGreaterThan(0);
      expect(tasks.slice(0, Math.min(5, lead.length))).toEqual(lead.slice(0, 5));
      expect(tasks).toHaveLength(5);

      // The groups: a heading per topic in the topics' set order, each with a few services.
      const grouped = section(html, "service-groups");
      const headings = [...grouped.matchAll(/<h3 class="heading-m" id="group-([a-z0-9-]+)">([^<]+)<\/h3>/g)];
      expect(headings.length).toBeGreaterThan(1);
      const topics = await listTerms(db, "category");
      const order = headings.map((h) => topics.findIndex((c) => c.slug === h[1]));
      expect(order.every((p, i) => p >= 0 && (i === 0 || p > (order[i - 1] ?? 0)))).toBe(true);
      for (const h of headings) {
        const name = topics.find((c) => c.slug === h[1])?.name[locale];
        expect(h[2]).toBe(name);
        const links = serviceLinks(section(grouped, `group-${h[1]}`), prefix);
        expect(links.length).toBeGreaterThan(0);
        expect(links.length).toBeLessThanOrEqual(3);
      }
    });

    it(`a topic's page leads with its top tasks, then its services by life event, then the full list (${locale})`, async () => {
      const res = await t.app.inject({ url: `${prefix}/topics/residency-and-visas` });
      expect(res.statusCode).toBe(200);
      const html = res.body;
      const top = html.indexOf('id="top-tasks"');
      const all = html.indexOf('id="results-count"');
      expect(top).toBeGreaterThan(0);
      expect(all).toBeGreaterThan(top);
      const groups = html.indexOf('id="service-groups"');
      if (groups > 0) {
        expect(groups).toBeGreaterThan(top);
        expect(all).toBeGreaterThan(groups);
        expect(section(html, "service-groups")).toMatch(/<h3 class="heading-m" id="group-/);
      }
      const lead = await expectedLead({ category: "residency-and-visas" });
      const tasks = serviceLinks(section(html, "top-tasks"), prefix);
      expect(tasks.slice(0, Math.min(5, lead.length))).toEqual(lead.slice(0, 5));
    });
  }

  it("keeps later pages and filtered lists to the list alone", async () => {
    for (const url of [
      "/en/for/resident?page=2",
      "/en/for/resident?online=1",
      "/topics/residency-and-visas?agency=ministry-of-interior",
    ]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toContain('id="top-tasks"');
      expect(res.body, url).toContain('id="results-count"');
    }
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadCatalogueContent } from "./load.js";

describe("the shipped demo catalogue", () => {
  const c = loadCatalogueContent();
  const services = c.agencies.flatMap((a) => a.services);

  it("is large enough to be realistic", () => {
    expect(c.agencies.length).toBeGreaterThanOrEqual(30);
    expect(services.length).toBeGreaterThanOrEqual(150);
    expect(services.filter((s) => s.maturity === "fully-online").length).toBeGreaterThanOrEqual(services.length / 5);
    expect(c.news.length).toBeGreaterThanOrEqual(10);
    expect(c.events.length).toBeGreaterThanOrEqual(5);
    expect(c.initiatives.length).toBeGreaterThanOrEqual(5);
  });

  it("includes the portal's busiest e-services and the services people look for most", () => {
    const slugs = new Set(services.map((s) => s.slug));
    for (const slug of [
      "apply-for-exit-permit",
      "renew-residence-permit",
      "customs-duty-calculation",
      "medical-commission-registration",
      "apply-for-visitor-visa",
      "commercial-registration",
      "apply-for-driving-licence",
      "issue-health-card",
      "register-child-at-school",
      "connect-electricity-and-water",
      "labour-complaint",
    ]) {
      expect(slugs.has(slug), slug).toBe(true);
    }
  });

  it("gives every persona, category and life event some services", () => {
    for (const p of c.personas)
      expect(
        services.some((s) => s.personas.includes(p.slug)),
        p.slug,
      ).toBe(true);
    for (const cat of c.categories)
      expect(
        services.some((s) => s.categories.includes(cat.slug)),
        cat.slug,
      ).toBe(true);
    for (const l of c.lifeEvents)
      expect(
        services.some((s) => s.lifeEvents.includes(l.slug)),
        l.slug,
      ).toBe(true);
  });
});

describe("content checks", () => {
  function folderWith(agencyYaml: string): string {
    const dir = mkdtempSync(join(tmpdir(), "hk-content-"));
    mkdirSync(join(dir, "agencies"));
    const term = (slug: string) =>
      `- slug: ${slug}\n  name: { ar: "اسم", en: "Name" }\n  description: { ar: "وصف", en: "Description" }\n`;
    writeFileSync(join(dir, "personas.yaml"), term("citizen"));
    writeFileSync(join(dir, "categories.yaml"), term("health"));
    writeFileSync(join(dir, "life-events.yaml"), term("retiring"));
    for (const f of ["news", "events", "initiatives"]) writeFileSync(join(dir, `${f}.yaml`), "[]");
    writeFileSync(join(dir, "agencies", "a.yaml"), agencyYaml);
    return dir;
  }

  it("names every problem: wrong language, unknown references, file name", () => {
    const yaml = `agency:
  slug: b
  type: ministry
  name: { ar: "Ministry", en: "وزارة" }
  shortName: { ar: "و", en: "M" }
  description: { ar: "وصف", en: "Description" }
  website: https://b.gov.example
  phone: "+974 4000 0000"
  email: info@b.gov.example
  address: { ar: "الدوحة", en: "Doha" }
  openingHours: { ar: "يومياً", en: "Daily" }
  location: { lat: 25.3, lng: 51.5 }
`;
    let error: unknown;
    try {
      loadCatalogueContent(folderWith(yaml));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems.join("\n");
    expect(problems).toMatch(/name\.ar: Arabic text must contain Arabic letters/);
    expect(problems).toMatch(/name\.en: English text must not contain Arabic letters/);
  });
});

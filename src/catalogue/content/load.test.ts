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
      "renew-driving-licence",
      "request-birth-certificate",
      "request-death-certificate",
      "issue-id-card",
      "renew-id-card",
    ]) {
      expect(slugs.has(slug), slug).toBe(true);
    }
  });

  it("reads an agency's themed files (<agency>.<theme>.yaml) into that agency", () => {
    const traffic = c.agencies.find((a) => a.agency.slug === "traffic-department");
    const slugs = traffic?.services.map((s) => s.slug) ?? [];
    expect(slugs).toContain("apply-for-driving-licence");
    expect(slugs).toContain("renew-driving-licence");
    expect(c.agencies.filter((a) => a.agency.slug === "traffic-department")).toHaveLength(1);
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
  function folderWith(agencyYaml: string, more: Record<string, string> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), "hk-content-"));
    mkdirSync(join(dir, "agencies"));
    const term = (slug: string) =>
      `- slug: ${slug}\n  name: { ar: "اسم", en: "Name" }\n  description: { ar: "وصف", en: "Description" }\n`;
    writeFileSync(join(dir, "personas.yaml"), term("citizen"));
    writeFileSync(join(dir, "categories.yaml"), term("health"));
    writeFileSync(join(dir, "life-events.yaml"), term("retiring"));
    for (const f of ["news", "events", "initiatives"]) writeFileSync(join(dir, `${f}.yaml`), "[]");
    writeFileSync(join(dir, "agencies", "a.yaml"), agencyYaml);
    for (const [name, yaml] of Object.entries(more)) writeFileSync(join(dir, "agencies", name), yaml);
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

  it("names a themed file whose agency is unknown or not the one its name starts with", () => {
    const agency = (slug: string) => `agency:
  slug: ${slug}
  type: ministry
  name: { ar: "وزارة", en: "Ministry" }
  shortName: { ar: "و", en: "M" }
  description: { ar: "وصف", en: "Description" }
  website: https://a.gov.example
  phone: "+974 4000 0000"
  email: info@a.gov.example
  address: { ar: "الدوحة", en: "Doha" }
  openingHours: { ar: "يومياً", en: "Daily" }
  location: { lat: 25.3, lng: 51.5 }
`;
    const service = `services:
  - slug: s
    title: { ar: "خدمة", en: "Service" }
    summary: { ar: "ملخص", en: "Summary" }
    personas: [citizen]
    categories: [health]
    maturity: information
    channels: [centre]
    description: { ar: "وصف", en: "Description" }
    eligibility: { ar: "الجميع", en: "Everyone" }
    requirements: { ar: ["لا شيء"], en: ["Nothing"] }
    steps: { ar: ["راجع المركز"], en: ["Visit the centre"] }
    fees: { ar: "مجاني", en: "Free" }
    processingTime: { ar: "فوراً", en: "Immediately" }
    popularity: 1
    reviewed: 2026-11-23
`;
    let error: unknown;
    try {
      loadCatalogueContent(
        folderWith(agency("a"), { "a.more.yaml": `agency: b\n${service}`, "c.more.yaml": `agency: a\n${service}` }),
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ContentError);
    const problems = (error as ContentError).problems.join("\n");
    expect(problems).toMatch(/a\.more\.yaml: unknown agency b/);
    expect(problems).toMatch(/c\.more\.yaml: start the file's name with its agency \(a\.\)/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogueContent } from "../../src/catalogue/content/load.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
const content = loadCatalogueContent();
const allServices = content.agencies.flatMap((a) => a.services);

beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const getJson = async (url: string) => {
  const res = await t.app.inject({ url });
  return {
    status: res.statusCode,
    body: res.json() as Record<string, unknown> & { total?: number; items?: Record<string, unknown>[] },
  };
};

describe("GET /api/v1/services", () => {
  it("lists services with a total and a slug on every item", async () => {
    const { status, body } = await getJson("/api/v1/services?pageSize=100");
    expect(status).toBe(200);
    expect(body.total).toBe(allServices.length);
    expect(body.items).toHaveLength(Math.min(100, allServices.length));
    for (const item of body.items ?? []) expect(item.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("filters by persona, category, life event, agency and online", async () => {
    const count = async (q: string) => (await getJson(`/api/v1/services?${q}`)).body.total;
    expect(await count("persona=visitor-student")).toBe(allServices.filter((s) => s.personas.includes("visitor-student")).length);
    expect(await count("category=health")).toBe(allServices.filter((s) => s.categories.includes("health")).length);
    expect(await count("lifeEvent=having-a-baby")).toBe(allServices.filter((s) => s.lifeEvents.includes("having-a-baby")).length);
    expect(await count("agency=ministry-of-interior")).toBe(
      content.agencies.find((a) => a.agency.slug === "ministry-of-interior")?.services.length,
    );
    expect(await count("online=true")).toBe(allServices.filter((s) => s.maturity === "fully-online").length);
    expect(await count("persona=nobody")).toBe(0);
  });

  it("refuses bad parameters with 400 and a message", async () => {
    for (const q of ["page=-1", "page=0", "pageSize=1000", "pageSize=abc", "colour=red", "online=maybe", "persona=Bad!"]) {
      const { status, body } = await getJson(`/api/v1/services?${q}&lang=en`);
      expect(status, q).toBe(400);
      expect((body.error as { message: string }).message, q).toMatch(/not right/);
    }
  });
});

describe("GET /api/v1/services/:slug", () => {
  it("returns the whole service in both languages", async () => {
    const { status, body } = await getJson("/api/v1/services/apply-for-exit-permit");
    expect(status).toBe(200);
    expect(body).toMatchObject({
      slug: "apply-for-exit-permit",
      title: { ar: "طلب تصريح خروج", en: "Apply for an exit permit" },
      maturity: "fully-online",
      agency: { slug: "ministry-of-interior" },
      url: {
        ar: "http://portal.test/services/apply-for-exit-permit",
        en: "http://portal.test/en/services/apply-for-exit-permit",
      },
    });
    expect((body.sections as { en: { steps: string[] } }).en.steps.length).toBeGreaterThan(1);
  });

  it("answers unknown services with 404", async () => {
    expect((await getJson("/api/v1/services/nothing-here")).status).toBe(404);
  });
});

describe("agencies, personas and stats", () => {
  it("lists agencies and shows one", async () => {
    const list = await getJson("/api/v1/agencies");
    expect(list.body.total).toBe(content.agencies.length);
    const one = await getJson("/api/v1/agencies/ministry-of-interior");
    expect(one.body).toMatchObject({ slug: "ministry-of-interior", type: "ministry", phone: "+974 4400 2000" });
    expect((await getJson("/api/v1/agencies/nobody")).status).toBe(404);
  });

  it("lists personas with their parents", async () => {
    const { body } = await getJson("/api/v1/personas");
    expect(body.total).toBe(content.personas.length);
    expect(body.items?.find((p) => p.slug === "resident-parent")).toMatchObject({ parent: "resident" });
  });

  it("gives the live figures", async () => {
    const { body } = await getJson("/api/v1/stats");
    expect(body).toMatchObject({
      agencies: content.agencies.length,
      services: allServices.length,
      fullyOnlineServices: allServices.filter((s) => s.maturity === "fully-online").length,
    });
  });
});

import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalogueContent } from "../../src/catalogue/content/load.js";
import { publishedItems } from "../../src/participation/listing.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
const content = loadCatalogueContent();
const allServices = content.agencies.flatMap((a) => a.services);

beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ url });
const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? "");

describe("home page", () => {
  it("offers the persona chooser, most-used services, topics, life events and news", async () => {
    for (const [url, prefix] of [
      ["/", ""],
      ["/en", "/en"],
    ] as const) {
      const res = await get(url);
      expect(res.statusCode).toBe(200);
      const hrefs = links(res.body);
      for (const persona of ["citizen", "resident", "visitor", "resident-parent", "visitor-student"]) {
        expect(hrefs).toContain(`${prefix}/for/${persona}`);
      }
      const busiest = [...allServices].sort((a, b) => b.popularity - a.popularity)[0];
      expect(hrefs).toContain(`${prefix}/services/${busiest?.slug}`);
      expect(hrefs).toContain(`${prefix}/topics/${content.categories[0]?.slug}`);
      expect(hrefs).toContain(`${prefix}/life-events/having-a-baby`);
      expect(hrefs.some((h) => h.startsWith(`${prefix}/news/`))).toBe(true);
    }
  });
});

describe("persona journey", () => {
  it("reaches a parent resident's service in two clicks from the home page", async () => {
    const home = await get("/en");
    expect(links(home.body)).toContain("/en/for/resident-parent");
    const persona = await get("/en/for/resident-parent");
    expect(persona.statusCode).toBe(200);
    const serviceLink = links(persona.body).find((h) => h.startsWith("/en/services/") && !h.includes("?"));
    expect(serviceLink).toBeDefined();
    const service = await get(serviceLink ?? "");
    expect(service.statusCode).toBe(200);
  });

  it("lists the services of a persona's sub-personas on its page, with sub-persona links", async () => {
    const res = await get("/for/resident");
    expect(res.body).toContain('href="/for/resident-parent"');
    expect(res.body).toContain('href="/for/resident-employee"');
    const expected = allServices.filter((s) => s.personas.some((p) => p.startsWith("resident"))).length;
    const count = Number(/<h2[^>]*id="results-count"[^>]*>(\d+)/.exec(res.body)?.[1]);
    expect(count).toBe(expected);
  });
});

describe("service page", () => {
  const online = allServices.find((s) => s.slug === "renew-residence-permit");

  it("shows every section, Start now, the agency, the review date and JSON-LD", async () => {
    const res = await get("/en/services/renew-residence-permit");
    expect(res.statusCode).toBe(200);
    for (const heading of ["Overview", "Who can apply", "What you need", "How to apply", "Fees", "How long it takes"]) {
      expect(res.body).toContain(`>${heading}</h2>`);
    }
    // Its e-service runs on the portal itself: "Start now" leads there, in the page's language.
    expect(online?.start).toEqual({ eservice: "residence-permit-renewal" });
    expect(res.body).toContain('class="button button--start" href="/en/eservices/residence-permit-renewal"');
    expect(res.body).toContain('href="/en/agencies/ministry-of-interior"');
    expect(res.body).toContain('<time datetime="2026-09-14">14 September 2026</time>');
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(res.body)?.[1] ?? "{}") as {
      "@graph": Record<string, unknown>[];
    };
    expect(jsonLd["@graph"][0]).toMatchObject({
      "@type": "GovernmentService",
      name: "Renew a residence permit",
      provider: { "@type": "GovernmentOrganization", name: "Ministry of Interior" },
    });
    const crumbs = /<nav class="breadcrumbs"[\s\S]*?<\/nav>/.exec(res.body)?.[0] ?? "";
    expect(crumbs).toContain('href="/en/services"');
  });

  it("shows no Start now button for an information-only service", async () => {
    const info = allServices.find((s) => s.maturity === "information");
    const res = await get(`/services/${info?.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain("button--start");
  });

  it("serves downloadable forms as PDF files", async () => {
    const withDoc = allServices.find((s) => s.documents.length > 0);
    const doc = withDoc?.documents[0];
    const page = await get(`/en/services/${withDoc?.slug}`);
    expect(page.body).toContain(`/en/services/${withDoc?.slug}/documents/${doc?.slug}`);
    const res = await get(`/en/services/${withDoc?.slug}/documents/${doc?.slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["content-disposition"]).toContain(`${doc?.slug}.pdf`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect((await get(`/en/services/${withDoc?.slug}/documents/no-such-form`)).statusCode).toBe(404);
    expect((await get(`/en/services/renew-residence-permit/documents/${doc?.slug}`)).statusCode).toBe(404);
  });

  it("answers unknown and malformed service addresses with 404", async () => {
    expect((await get("/services/no-such-service")).statusCode).toBe(404);
    expect((await get("/en/services/Not_A_Slug!")).statusCode).toBe(404);
  });
});

describe("lists with filters and pagination", () => {
  it("filters a topic's services to fully online ones, without JavaScript", async () => {
    const all = await get("/en/topics/residency-and-visas");
    const online = await get("/en/topics/residency-and-visas?online=1");
    const expectedAll = allServices.filter((s) => s.categories.includes("residency-and-visas"));
    const countOf = (html: string) => Number(/id="results-count"[^>]*>(\d+)/.exec(html)?.[1]);
    expect(countOf(all.body)).toBe(expectedAll.length);
    expect(countOf(online.body)).toBe(expectedAll.filter((s) => s.maturity === "fully-online").length);
    expect(online.body).toContain('id="filter-online" name="online" value="1" checked');
  });

  it("filters by agency", async () => {
    const res = await get("/en/for/resident?agency=ministry-of-interior");
    const slugs = links(res.body).filter((h) => h.startsWith("/en/services/"));
    const moi = new Set(
      content.agencies.find((a) => a.agency.slug === "ministry-of-interior")?.services.map((s) => `/en/services/${s.slug}`),
    );
    expect(slugs.length).toBeGreaterThan(0);
    for (const s of slugs) expect(moi.has(s)).toBe(true);
  });

  it("pages through long lists", async () => {
    const first = await get("/en/services");
    expect(first.body).toContain('href="/en/services?page=2"');
    const second = await get("/en/services?page=2");
    expect(second.statusCode).toBe(200);
    const a = links(first.body).filter((h) => /^\/en\/services\/[a-z0-9-]+$/.test(h));
    const b = links(second.body).filter((h) => /^\/en\/services\/[a-z0-9-]+$/.test(h));
    expect(a.length).toBe(20);
    expect(b.some((x) => a.includes(x))).toBe(false);
  });

  it("refuses bad page numbers and filters with a 400 page, not a 500", async () => {
    for (const q of ["page=-1", "page=0", "page=abc", "page=99999999", "page=1.5", "online=yes", "agency=Bad!Slug"]) {
      const res = await get(`/en/services?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body).toMatch(/<html lang="en"/);
    }
    const ar = await get("/services?page=-3");
    expect(ar.statusCode).toBe(400);
    expect(ar.body).toContain("يجب أن يكون رقم الصفحة");
  });

  it("answers unknown personas, topics and life events with 404", async () => {
    for (const url of ["/for/martian", "/topics/nothing", "/en/life-events/nothing", "/agencies/nobody"]) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });
});

describe("agencies", () => {
  it("lists every agency A–Z, filters by type and searches within, folding Arabic spelling", async () => {
    const all = await get("/en/agencies");
    expect(all.statusCode).toBe(200);
    for (const { agency } of content.agencies) expect(all.body).toContain(`href="/en/agencies/${agency.slug}"`);
    const ministries = await get("/en/agencies?type=ministry");
    const listed = links(ministries.body).filter((h) => /^\/en\/agencies\/[a-z0-9-]+$/.test(h));
    const expected = content.agencies.filter((a) => a.agency.type === "ministry").length;
    expect(listed.length).toBe(expected);
    const search = await get(`/agencies?q=${encodeURIComponent("وزاره الداخليه")}`);
    expect(search.body).toContain('href="/agencies/ministry-of-interior"');
    expect(links(search.body).filter((h) => /^\/agencies\/[a-z0-9-]+$/.test(h)).length).toBe(1);
    expect((await get("/en/agencies?type=bank")).statusCode).toBe(400);
  });

  it("shows an agency's contacts, location and services", async () => {
    const res = await get("/en/agencies/ministry-of-interior");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="tel:+97444002000"');
    expect(res.body).toContain('href="mailto:info@moi.gov.example"');
    expect(res.body).toContain('href="geo:25.2949,51.5324"');
    expect(res.body).toContain('href="/en/services/apply-for-exit-permit"');
    expect(res.body).not.toContain("tile.openstreetmap");
  });
});

describe("news, events and initiatives", () => {
  it("lists news newest first and shows an article", async () => {
    const res = await get("/en/news");
    const newest = [...content.news].sort((a, b) => b.published.localeCompare(a.published))[0];
    expect(links(res.body).find((h) => h.startsWith("/en/news/"))).toBe(`/en/news/${newest?.slug}`);
    const article = await get(`/news/${newest?.slug}`);
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain(newest?.title.ar ?? "x");
  });

  it("offers each event as an iCalendar file", async () => {
    const event = content.events[0];
    const page = await get(`/en/events/${event?.slug}`);
    expect(page.body).toContain(`/en/events/${event?.slug}/calendar.ics`);
    const ics = await get(`/en/events/${event?.slug}/calendar.ics`);
    expect(ics.headers["content-type"]).toContain("text/calendar");
    // RFC 5545 §3.1: every content line, the last one too, ends with CRLF, and none is longer than 75 octets.
    expect(ics.body.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const lines = ics.body.split("\r\n");
    expect(lines.at(-1)).toBe("");
    for (const line of lines) {
      expect(line).not.toContain("\n");
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    }
    // A standard parser reads the event back.
    const calendar = new ICAL.Component(ICAL.parse(ics.body));
    const vevent = calendar.getFirstSubcomponent("vevent");
    if (!vevent || !event) throw new Error("no event in the file");
    const read = new ICAL.Event(vevent);
    expect(read.summary).toBe(event.title.en);
    expect(read.location).toBe(event.place.en);
    expect(read.startDate.toJSDate().getTime()).toBe(new Date(event.starts).getTime());
    expect(read.endDate.toJSDate().getTime()).toBe(new Date(event.ends).getTime());
    expect(read.uid).toBe(`${event.slug}@hukoomi`);
  });

  it("lists initiatives", async () => {
    const res = await get("/initiatives");
    for (const i of content.initiatives) expect(res.body).toContain(`href="/initiatives/${i.slug}"`);
  });
});

describe("facts and figures", () => {
  it("shows live counts read from the database", async () => {
    await t.app.inject({ url: "/" });
    await t.app.pageViews.flush();
    const res = await get("/en/facts");
    const fully = allServices.filter((s) => s.maturity === "fully-online").length;
    expect(res.body).toContain(`<p class="figure__value">${content.agencies.length}</p>`);
    expect(res.body).toContain(`<p class="figure__value">${allServices.length}</p>`);
    expect(res.body).toContain(`<p class="figure__value">${fully}</p>`);
    expect(res.body).toMatch(/Page views since/);
  });
});

describe("sitemaps and robots", () => {
  it("publishes a sitemap index with hreflang alternates for every page", async () => {
    const index = await get("/sitemap.xml");
    expect(index.headers["content-type"]).toContain("application/xml");
    expect(index.body).toContain("<loc>http://portal.test/sitemaps/pages.xml</loc>");
    expect(index.body).toContain("<loc>http://portal.test/sitemaps/services-1.xml</loc>");
    const pages = await get("/sitemaps/pages.xml");
    expect(pages.body).toContain(
      '<xhtml:link rel="alternate" hreflang="en" href="http://portal.test/en/agencies/ministry-of-interior"/>',
    );
    expect(pages.body).toContain("<loc>http://portal.test/about</loc>");
    const services = await get("/sitemaps/services-1.xml");
    expect(services.body).toContain("<loc>http://portal.test/en/services/renew-residence-permit</loc>");
    expect((await get("/sitemaps/services-9.xml")).statusCode).toBe(404);
    expect((await get("/sitemaps/services-x.xml")).statusCode).toBe(404);
    const robots = await get("/robots.txt");
    expect(robots.body).toContain("Sitemap: http://portal.test/sitemap.xml");
  });

  it("names the Arabic page as x-default of every address, in every sitemap", async () => {
    for (const file of ["/sitemaps/pages.xml", "/sitemaps/services-1.xml"]) {
      const body = (await get(file)).body;
      const urls = body.match(/<url>.*?<\/url>/g) ?? [];
      expect(urls.length).toBeGreaterThan(10);
      for (const url of urls.filter((u) => !u.includes("/workers"))) {
        const loc = /<loc>([^<]+)<\/loc>/.exec(url)?.[1] ?? "";
        const arabic = loc.replace("http://portal.test/en/", "http://portal.test/").replace(/\/en$/, "/");
        expect(url, loc).toContain(`<xhtml:link rel="alternate" hreflang="x-default" href="${arabic}"/>`);
      }
    }
  });

  it("lists the dataset pages and the published polls, surveys and consultations", async () => {
    const body = (await get("/sitemaps/pages.xml")).body;
    expect(body).toContain("<loc>http://portal.test/opendata/water-consumption-by-month</loc>");
    expect(body).toContain("<loc>http://portal.test/en/opendata/licensed-vehicles-by-year</loc>");
    const items = await publishedItems(t.db.database.db);
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(["polls", "surveys", "consultations"]));
    for (const i of items) expect(body).toContain(`<loc>http://portal.test/en/participate/${i.kind}/${i.slug}</loc>`);
    // Nothing else: no draft or scheduled item, each published one in both languages.
    expect(body.match(/<loc>[^<]*\/participate\/[a-z]+\/[^<]+<\/loc>/g)).toHaveLength(items.length * 2);
  });

  it("lets robots read the API documentation in both languages, and not the API itself", async () => {
    const lines = (await get("/robots.txt")).body.split("\n");
    // The longest matching rule decides (RFC 9309 §2.2.2).
    const allowed = (path: string) => {
      const rules = lines
        .map((l) => /^(Allow|Disallow): (\S+)$/.exec(l))
        .filter((m): m is RegExpExecArray => m !== null && path.startsWith(m[2] as string))
        .sort((a, b) => (b[2] as string).length - (a[2] as string).length);
      return rules[0]?.[1] !== "Disallow";
    };
    expect(allowed("/api/docs")).toBe(true);
    expect(allowed("/en/api/docs")).toBe(true);
    expect(allowed("/api/v1/services")).toBe(false);
    expect(allowed("/en/api/openapi.json")).toBe(false);
    expect(allowed("/en/services")).toBe(true);
  });
});

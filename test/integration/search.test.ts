import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { services } from "../../src/catalogue/tables.js";
import { polls } from "../../src/participation/tables.js";
import { PARTICIPATION_VERSION } from "../../src/participation/version.js";
import { bumpVersion } from "../../src/platform/db/versions.js";
import { zeroResultQueries } from "../../src/search/analytics.js";
import { SEARCH_SETTINGS_VERSION } from "../../src/search/settings.js";
import { searchSynonyms } from "../../src/search/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ url });
const api = async (q: string) =>
  (await get(`/api/v1/search?${q}`)).json() as {
    total: number;
    items: { type: string; slug: string; url: string; title: string; bestBet: boolean }[];
    layoutSwitchedTo?: string;
    didYouMean?: string;
    relaxed?: string;
  };

describe("search results page", () => {
  it("finds services in Arabic with highlighted matches and Start links", async () => {
    const res = await get(`/search?q=${encodeURIComponent("تجديد اقامتي")}`);
    expect(res.statusCode).toBe(200);
    const first = /<li class="search-result">[\s\S]*?<\/li>/.exec(res.body)?.[0] ?? "";
    expect(first).toContain('href="/services/renew-residence-permit"');
    expect(first).toContain("<mark>تجديد</mark>");
    expect(first).toContain("<mark>الإقامة</mark>");
  });

  it("finds every public thing: visitors' pages, workers' pages in their language, datasets, events, forms, participation", async () => {
    const hrefs = async (url: string) =>
      [...(await get(url)).body.matchAll(/<h3 class="search-result__title"[^>]*><a href="([^"]+)"/g)].map((m) => m[1]);
    expect((await hrefs("/en/search?q=studying%20in%20qatar")).slice(0, 3)).toContain("/en/visit/study");
    expect((await hrefs("/en/search?q=tender%20grievance%20form")).slice(0, 3)).toContain(
      "/en/services/file-tender-grievance/documents/file-tender-grievance-form",
    );
    expect(
      (
        await hrefs("/search?q=%D9%85%D8%B9%D8%B1%D8%B6%20%D8%A7%D9%84%D8%AE%D8%AF%D9%85%D8%A7%D8%AA%20%D9%A2%D9%A0%D9%A2%D9%A7")
      ).slice(0, 3),
    ).toContain("/events/government-services-exhibition-2027");
    expect((await hrefs("/en/search?q=school%20enrolment%20data")).slice(0, 3)).toContain(
      "/en/opendata/school-enrolment-by-level",
    );
    expect((await hrefs("/en/search?q=bus%20stop%20poll")).slice(0, 3)).toContain("/en/participate/polls/bus-stop-improvements");
    const hindi = await get(`/en/search?q=${encodeURIComponent("वेतन")}`);
    expect(hindi.body).toMatch(/<h3 class="search-result__title" lang="hi" dir="auto"><a href="\/en\/workers\/hi\/wages"/);
    const agency = await api("q=passports%20department&lang=en");
    expect(agency.items[0]).toMatchObject({ type: "agency", slug: "general-directorate-of-passports", bestBet: false });
  });

  it("never answers nothing when a word matches, and says the results match only some words", async () => {
    const en = await get("/en/search?q=renew%20residence%20snorkelling");
    expect(en.body).toContain("Nothing matched all your words, so these results match most of them.");
    expect(en.body).toContain('href="/en/services/renew-residence-permit"');
    const ar = await get(`/search?q=${encodeURIComponent("تجديد الإقامة غطس")}`);
    expect(ar.body).toContain("لم نجد نتائج فيها كل كلماتك، فعرضنا ما فيه أكثرها.");
    expect((await api("q=renew%20residence%20snorkelling&lang=en")).relaxed).toBe("some-words");
    expect((await api("q=renew%20residence&lang=en")).relaxed).toBeUndefined();
  });

  it("finds English and pages, and filters without JavaScript", async () => {
    const res = await get("/en/search?q=accessibility");
    expect(res.body).toContain('href="/en/accessibility"');
    const filtered = await get("/en/search?q=permit&type=service&online=1");
    const types = [...filtered.body.matchAll(/<p class="search-result__type">[\s\S]*?<span>([^<]+)<\/span>/g)].map((m) => m[1]);
    expect(types.length).toBeGreaterThan(0);
    expect(new Set(types)).toEqual(new Set(["Service"]));
    expect(filtered.body).toContain('id="filter-online" name="online" value="1" checked');
  });

  it("says when the query was typed on the other keyboard layout", async () => {
    const res = await get("/en/search?q=hrhlm");
    expect(res.body).toContain("We changed your search");
    expect(res.body).toContain(
      "“hrhlm” looked as if it was typed with the keyboard set to the other language, so we searched for “اقامة”.",
    );
    expect(res.body).toContain('href="/en/services/renew-residence-permit"');
  });

  it("shows a clear zero-result page with suggestions, and records the query", async () => {
    const res = await get("/en/search?q=zzqqxx");
    expect(res.body).toContain("No results for “zzqqxx”");
    expect(res.body).toContain("Services people use most");
    await t.app.searchAnalytics.flush();
    const zero = await zeroResultQueries(t.db.database.db);
    expect(zero).toContainEqual({ query: "zzqqxx", locale: "en", searches: 1 });
  });

  it("offers a spelling correction", async () => {
    const res = await get("/en/search?q=residense%20permitt%20xqz");
    expect(res.body).toContain("Did you mean");
  });

  it("refuses bad input with a message, never a 500", async () => {
    const long = await get(`/en/search?q=${"a".repeat(10_000)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("Your search must be 200 characters or fewer");
    const ctrl = await get("/en/search?q=%00%01privacy");
    expect(ctrl.statusCode).toBe(200);
    expect(ctrl.body).toContain('href="/en/privacy"');
    expect((await get("/en/search?q=x&type=planet")).statusCode).toBe(400);
    expect((await get("/en/search?q=x&page=0")).statusCode).toBe(400);
    expect((await get("/en/search?q=a&q=b")).statusCode).toBeLessThan(500);
    const empty = await get("/search?q=");
    expect(empty.statusCode).toBe(200);
  });
});

describe("GET /api/v1/search", () => {
  it("answers { total, items } with type, slug, title and url", async () => {
    const body = await api("q=exit%20permit&lang=en");
    expect(body.total).toBeGreaterThan(0);
    expect(body.items[0]).toMatchObject({
      type: "service",
      slug: "apply-for-exit-permit",
      url: "http://portal.test/en/services/apply-for-exit-permit",
      bestBet: true,
    });
    const ar = await api(`q=${encodeURIComponent("تصريح خروج")}&lang=ar&type=service&limit=3`);
    expect(ar.items.length).toBeLessThanOrEqual(3);
    expect(ar.items[0]?.title).toBe("طلب تصريح خروج");
  });

  it("gives the same results as the page", async () => {
    const page = await get("/en/search?q=driving");
    const pageSlugs = [
      ...page.body.matchAll(/<h3 class="search-result__title"[^>]*><a href="\/en\/[a-z0-9/-]*?([a-z0-9-]+)"/g),
    ].map((m) => m[1]);
    const body = await api("q=driving&lang=en&limit=20");
    expect(body.items.map((i) => i.slug)).toEqual(pageSlugs);
  });

  it("refuses bad parameters with 400 and answers empty queries with nothing", async () => {
    expect((await get(`/api/v1/search?q=${"a".repeat(10_000)}`)).statusCode).toBe(400);
    expect((await get("/api/v1/search?q=x&limit=1000")).statusCode).toBe(400);
    expect((await get("/api/v1/search?q=x&colour=red")).statusCode).toBe(400);
    expect(await api("q=")).toEqual({ total: 0, items: [] });
    expect((await get("/api/v1/search?q=%00%01")).statusCode).toBe(200);
  });

  it("suggests titles as people type", async () => {
    const res = await get(`/api/v1/search/suggest?q=${encodeURIComponent("رخص")}&lang=ar`);
    const { items } = res.json() as { items: { title: string; url: string }[] };
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(6);
    expect(items.every((i) => i.url.startsWith("/"))).toBe(true);
  });
});

describe("the index follows content changes", () => {
  it("rebuilds when the catalogue or the search settings change", async () => {
    const db = t.db.database.db;
    await db.update(services).set({ published: false }).where(eq(services.slug, "apply-for-exit-permit"));
    await bumpVersion(db, "catalogue");
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(true);
    expect(t.app.searchIndex.lastBuild?.read).toContain("catalogue");
    expect((await api("q=exit%20permit&lang=en")).items.map((i) => i.slug)).not.toContain("apply-for-exit-permit");
    await db.update(services).set({ published: true }).where(eq(services.slug, "apply-for-exit-permit"));
    await bumpVersion(db, "catalogue");
    await t.app.searchIndex.refreshIfChanged();
    expect((await api("q=exit%20permit&lang=en")).items[0]?.slug).toBe("apply-for-exit-permit");

    expect((await api("q=zorbul&lang=en")).total).toBe(0);
    await db.insert(searchSynonyms).values({ terms: ["zorbul", "تأشيرة"] });
    await bumpVersion(db, SEARCH_SETTINGS_VERSION);
    await t.app.searchIndex.refreshIfChanged();
    // A synonym reads again only what the settings touch (the agencies' other names), not the services.
    expect(t.app.searchIndex.lastBuild?.read).toEqual(["agencies"]);
    expect((await api("q=zorbul&lang=en")).items[0]?.slug).toBe("apply-for-visitor-visa");
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(false);
  });

  it("rebuilds when a poll, survey or consultation is published, changed or withdrawn", async () => {
    const db = t.db.database.db;
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(false);
    // Every writer of polls, surveys and consultations bumps their counter with its change.
    await db.transaction(async (tx) => {
      await tx
        .update(polls)
        .set({ questionEn: "Should bus stops have quokka shelters?", updatedAt: new Date() })
        .where(eq(polls.slug, "bus-stop-improvements"));
      await bumpVersion(tx, PARTICIPATION_VERSION);
    });
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(true);
    expect(t.app.searchIndex.lastBuild?.read).toEqual(["participation"]);
    expect((await api("q=quokka&lang=en")).items[0]).toMatchObject({ type: "poll", slug: "bus-stop-improvements" });
    await db.transaction(async (tx) => {
      await tx.update(polls).set({ status: "draft", updatedAt: new Date() }).where(eq(polls.slug, "bus-stop-improvements"));
      await bumpVersion(tx, PARTICIPATION_VERSION);
    });
    expect(await t.app.searchIndex.refreshIfChanged()).toBe(true);
    expect((await api("q=quokka&lang=en")).total).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEntry, PageCache } from "../../src/platform/http/page-cache.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

/** A page of about `kb` kilobytes. */
const pageOf = (kb: number, mark: string) => makeEntry(`<p>${mark}</p>${"x".repeat(kb * 1024)}`);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

describe("the page cache's budget (PAGE_CACHE_MB)", () => {
  it("keeps no more than its budget, and odd queries never push out the pages most read", async () => {
    const cache = new PageCache(db.database.db, 300, 1);
    await cache.lookup("/"); // reads the content counters, which a store must match
    const stamp = cache.currentStamp;
    expect(cache.store("/en/services/popular", pageOf(100, "popular"), stamp)).toBe(true);
    // A thousand random searches of 10 kB each: ten times the whole budget.
    for (let i = 0; i < 1000; i++) cache.store(`/en/search?q=random-${i}`, pageOf(10, String(i)), stamp);
    expect((await cache.lookup("/en/services/popular"))?.body.toString()).toContain("popular");
    expect(await cache.lookup("/en/search?q=random-0")).toBeUndefined();
    expect(await cache.lookup("/en/search?q=random-999")).toBeDefined();
    // Plain pages are bounded too: 3/4 of a megabyte, each counted at 1.5 times its size.
    for (let i = 0; i < 100; i++) cache.store(`/en/services/s-${i}`, pageOf(50, String(i)), stamp);
    expect(await cache.lookup("/en/services/s-0")).toBeUndefined();
    expect(cache.size).toBeLessThan(1 + 10 + 30);
  });

  it("holds a page's bytes, and each compressed copy, in memory of their own size, not a 64 kB block", async () => {
    const cache = new PageCache(db.database.db, 300, 1);
    await cache.lookup("/");
    cache.store("/en/about", pageOf(20, "about"), cache.currentStamp);
    const entry = await cache.lookup("/en/about");
    for (let i = 0; i < 100 && !(entry?.br && entry.gzip); i++) await new Promise((r) => setTimeout(r, 20));
    for (const copy of [entry?.body, entry?.br, entry?.gzip]) {
      expect(copy?.length).toBeGreaterThan(0);
      expect(copy?.buffer.byteLength).toBe(copy?.length);
    }
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeEntry, PageCache } from "../../src/platform/http/page-cache.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());
afterEach(() => vi.restoreAllMocks());

/** Lets the background question for the content counters be answered. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("the page cache's look at the content counters", () => {
  it("asks again in the background while pages go on being answered before the framework", async () => {
    let now = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const cache = new PageCache(db.database.db, 300);
    await cache.lookup("/"); // the counters, read at `now`
    expect(cache.store("/en", makeEntry("<p>home</p>"), cache.currentStamp)).toBe(true);
    // Half a second on, the page is still answered without waiting, and the counters are asked again meanwhile.
    now += 600;
    expect(cache.peek("/en")).toBeDefined();
    await settle();
    // A busy instance never finds its counters a second old: 1.1 s after the first look, the page is answered.
    now += 500;
    expect(cache.peek("/en")).toBeDefined();
  });

  it("answers nothing before the framework from counters a second old (a publish reaches readers within the bound)", async () => {
    let now = Date.now();
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const cache = new PageCache(db.database.db, 300);
    await cache.lookup("/");
    expect(cache.store("/en", makeEntry("<p>home</p>"), cache.currentStamp)).toBe(true);
    now += 1000;
    expect(cache.peek("/en")).toBeUndefined();
    // The request that found them old had them asked again; once answered, the page is kept as before.
    await settle();
    expect(cache.peek("/en")).toBeDefined();
  });
});

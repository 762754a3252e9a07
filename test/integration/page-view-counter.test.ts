import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PageViewCounter } from "../../src/analytics/page-view-counter.js";
import { totalPageViews } from "../../src/analytics/repository.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe("page views counted by several instances", () => {
  it("adds the same pages from two instances flushing at the same moment, without a deadlock or a lost view", async () => {
    const paths = Array.from({ length: 400 }, (_, i) => `/services/page-${i}`);
    const at = new Date("2026-11-23T08:00:00Z");
    const first = new PageViewCounter(t.database.db);
    const second = new PageViewCounter(t.database.db);
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      // Seen in opposite orders: written in the order seen, the two upserts would lock the same rows crosswise.
      for (const path of paths) first.count(path, "ar", at);
      for (const path of [...paths].reverse()) second.count(path, "ar", at);
      const results = await Promise.allSettled([first.flush(), second.flush()]);
      expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    }
    expect(await totalPageViews(t.database.db)).toBe(paths.length * 2 * rounds);
  });
});

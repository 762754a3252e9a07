import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.js";
import { bumpVersion, keptUntilChange } from "./versions.js";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("a value kept until content changes", () => {
  it("is loaded once for many readers, again when a counter moves, and again when it is too old", async () => {
    let loads = 0;
    const kept = keptUntilChange(t.database.db, async () => ++loads, 60_000);
    expect(await Promise.all([kept(), kept(), kept()])).toEqual([1, 1, 1]);
    expect(await kept()).toBe(1);
    await bumpVersion(t.database.db, "catalogue");
    // The counters are looked at at most once a second.
    await wait(1100);
    expect(await kept()).toBe(2);
    expect(await kept()).toBe(2);

    const young = keptUntilChange(t.database.db, async () => ++loads, 50);
    const first = await young();
    await wait(80);
    expect(await young()).toBe(first + 1);
  });
});

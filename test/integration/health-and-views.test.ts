import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totalPageViews, viewsOfPath } from "../../src/analytics/repository.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("health", () => {
  it("is alive and ready while the database answers", async () => {
    expect((await t.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await t.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok", database: "up" });
    const api = await t.app.inject({ url: "/api/v1/health" });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toMatchObject({ status: "ok", database: "up", version: expect.any(String) });
  });
});

describe("page views", () => {
  it("counts successful page views per path, language and day, nothing else", async () => {
    await t.app.pageViews.flush();
    const before = await totalPageViews(t.db.database.db);
    await t.app.inject({ url: "/about" });
    await t.app.inject({ url: "/about" });
    await t.app.inject({ url: "/en/about?x=1" });
    await t.app.inject({ url: "/en/nowhere" });
    await t.app.inject({ url: "/healthz" });
    await t.app.inject({ url: "/assets/css/hukoomi.css" });
    await t.app.pageViews.flush();
    expect(await totalPageViews(t.db.database.db)).toBe(before + 3);
    const about = await viewsOfPath(t.db.database.db, "/about");
    expect(about.find((r) => r.locale === "ar")?.views).toBe(2);
    expect(about.find((r) => r.locale === "en")?.views).toBe(1);
    // Nothing about the visitor is kept, and no cookie is needed.
    expect(Object.keys(about[0] ?? {}).sort()).toEqual(["day", "locale", "path", "views"]);
  });
});

describe("readiness without a database", () => {
  it("fails when the database is gone", async () => {
    const other = await createTestApp();
    await other.db.database.close();
    const ready = await other.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: "unavailable", database: "down" });
    await other.app.close();
    await other.db.drop().catch(() => undefined);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("search page", () => {
  it("finds the portal's pages in Arabic, whatever the spelling of hamza", async () => {
    const res = await t.app.inject({ url: `/search?q=${encodeURIComponent("امكانية الوصول")}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('href="/accessibility"');
  });

  it("finds pages in English", async () => {
    const res = await t.app.inject({ url: "/en/search?q=accessibility" });
    expect(res.body).toContain('href="/en/accessibility"');
    expect(res.body).toMatch(/\d+ results? for “accessibility”/);
  });

  it("says clearly when nothing matches", async () => {
    const res = await t.app.inject({ url: "/en/search?q=zzzzqqq" });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("No results for “zzzzqqq”");
  });

  it("refuses an over-long query with a 400 and a message, and ignores control characters", async () => {
    const res = await t.app.inject({ url: `/en/search?q=${"a".repeat(10_000)}` });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Your search must be 200 characters or fewer");
    const ctrl = await t.app.inject({ url: "/en/search?q=%00%01privacy" });
    expect(ctrl.statusCode).toBe(200);
    expect(ctrl.body).toContain('href="/en/privacy"');
  });

  it("treats repeated parameters as a bad request, not a failure", async () => {
    const res = await t.app.inject({ url: "/en/search?q=a&q=b" });
    expect(res.statusCode).toBeLessThan(500);
  });
});

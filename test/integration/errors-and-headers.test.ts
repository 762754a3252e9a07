import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/platform/config.js";
import { buildApp } from "../../src/server.js";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
let proxied: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  proxied = await createTestApp({ env: { TRUST_PROXY: "true" } });
});
afterAll(async () => {
  await t.close();
  await proxied.close();
});

describe("error pages", () => {
  it("answers an unknown Arabic address with an Arabic 404 page", async () => {
    const res = await t.app.inject({ url: "/no-such-page" });
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/<html lang="ar" dir="rtl">/);
    expect(res.body).toContain("الصفحة غير موجودة");
    expect(res.body).toContain('<meta name="robots" content="noindex"/>');
  });

  it("answers an unknown English address with an English 404 page", async () => {
    const res = await t.app.inject({ url: "/en/no/such/page" });
    expect(res.statusCode).toBe(404);
    expect(res.body).toMatch(/<html lang="en" dir="ltr">/);
    expect(res.body).toContain("Page not found");
  });

  it("answers a malformed address with a 400 page, not a 500", async () => {
    const res = await t.app.inject({ url: "/en/about%E0%A4%A" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("The web address is not valid");
  });

  it("answers unknown API addresses in JSON", async () => {
    const res = await t.app.inject({ url: "/api/v1/nothing?lang=en" });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { status: 404, message: expect.stringContaining("check it is correct") } });
    const ar = await t.app.inject({ url: "/api/v1/nothing", headers: { "accept-language": "ar-QA,en;q=0.5" } });
    expect(ar.json().error.message).toMatch(/\p{Script=Arabic}/u);
  });

  it("refuses an oversized body with a 413 message", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/en/feedback",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: `comment=${"x".repeat(1_100_000)}`,
    });
    expect(res.statusCode).toBe(413);
    expect(res.body).toContain("too large");
  });

  it("refuses a body of an unknown type with a 415 message", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/en/feedback",
      headers: { "content-type": "text/csv" },
      payload: "a,b",
    });
    expect(res.statusCode).toBe(415);
    expect(res.body).toContain("not in a format this page accepts");
  });

  it("shows an unexpected failure as a bilingual 500 page with a reference that is in the log", async () => {
    const lines: string[] = [];
    const config = loadConfig({ NODE_ENV: "test", LOG_LEVEL: "error" });
    const broken = await buildApp({
      config,
      database: t.db.database,
      storage: t.storage,
      logStream: { write: (l) => lines.push(l) },
    });
    broken.get("/en/broken", async () => {
      throw new Error("database exploded");
    });
    await broken.ready();
    const res = await broken.inject({ url: "/en/broken" });
    await broken.close();
    expect(res.statusCode).toBe(500);
    const reference = String(res.headers["x-request-id"]);
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).toContain(reference);
    expect(res.body).toContain("Sorry, there is a problem with the service");
    expect(res.body).toContain("عذراً، هناك مشكلة في الخدمة");
    expect(res.body).not.toContain("database exploded");
    const entry = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.reference === reference);
    expect(entry).toMatchObject({ level: 50, reqId: reference, err: { message: "database exploded" } });
  });
});

describe("security headers", () => {
  it("sends a strict Content-Security-Policy without inline scripts", async () => {
    const res = await t.app.inject({ url: "/" });
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("sends HSTS only behind TLS", async () => {
    const plain = await t.app.inject({ url: "/" });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const tls = await proxied.app.inject({ url: "/", headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers["strict-transport-security"]).toContain("max-age=31536000");
  });

  it("gives every response a request id", async () => {
    const res = await t.app.inject({ url: "/healthz" });
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});

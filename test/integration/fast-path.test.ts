import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewsOfPath } from "../../src/analytics/repository.js";
import { PUBLIC_CACHE_CONTROL } from "../../src/platform/http/page-cache.js";
import { createTestApp, type TestApp } from "../support/app.js";

const PAGE = "/en/services/complain-about-a-bank";

let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { PAGE_CACHE_SECONDS: "300" } });
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

/** Asks until the page is answered before the framework (its compressed copies are made a moment after it is kept). */
async function untilFast(url: string, headers: Record<string, string> = {}, encoding?: string) {
  for (let i = 0; i < 200; i++) {
    const res = await fetch(`${base}${url}`, { headers });
    const body = await res.text();
    const fast = res.headers.get("x-page-cache") === "hit" && !res.headers.get("x-request-id");
    if (fast && (!encoding || res.headers.get("content-encoding") === encoding)) return { res, body };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never answered before the framework`);
}

describe("public pages answered before the framework", () => {
  it("sends the bytes and headers the framework sent, for every anonymous visitor", async () => {
    const first = await fetch(`${base}${PAGE}`, { headers: { "accept-encoding": "identity" } });
    const firstBody = await first.text();
    const { res, body } = await untilFast(PAGE, { "accept-encoding": "identity" });
    expect(body).toBe(firstBody);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);
    expect(res.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(res.headers.get("content-type")).toBe(first.headers.get("content-type"));
    expect(res.headers.get("content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(res.headers.get("set-cookie")).toBeNull();
    const notModified = await fetch(`${base}${PAGE}`, {
      headers: { "accept-encoding": "identity", "if-none-match": String(res.headers.get("etag")) },
    });
    expect(notModified.status).toBe(304);
  });

  it("sends brotli to a browser that takes it (fetch decodes it)", async () => {
    // Brotli's copy is made off the request's path, a moment after the page is kept.
    const { res, body } = await untilFast("/en/about", { "accept-encoding": "br" }, "br");
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(body).toContain("<!doctype html>");
  });

  it("leaves a signed-in or personal request, and anything but GET, to the framework", async () => {
    await untilFast(PAGE);
    for (const cookie of ["hk_session=anything", "a11y=text200", "hk_csrf=x; hk_session=y"]) {
      const res = await fetch(`${base}${PAGE}`, { headers: { cookie } });
      expect(res.headers.get("x-page-cache")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("private, no-store");
    }
    const withSecret = await fetch(`${base}${PAGE}`, { headers: { cookie: "hk_csrf=x" } });
    expect(withSecret.headers.get("x-page-cache")).toBe("hit");
    const post = await fetch(`${base}${PAGE}`, { method: "POST" });
    expect(post.headers.get("x-page-cache")).toBeNull();
  });

  it("counts the page views it answers", async () => {
    await untilFast("/en/agencies");
    const views = async () => {
      await t.app.pageViews.flush();
      return (await viewsOfPath(t.db.database.db, "/agencies")).reduce((sum, v) => sum + v.views, 0);
    };
    const before = await views();
    // Each view is counted once, whichever way it was answered (the first is nearly always before the framework).
    const fast = (await fetch(`${base}/en/agencies`)).headers.get("x-request-id") === null;
    await fetch(`${base}/en/agencies`);
    expect(await views()).toBe(before + 2);
    expect(fast).toBe(true);
  });
});

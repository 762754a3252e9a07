import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { services } from "../../src/catalogue/tables.js";
import { bumpVersion } from "../../src/platform/db/versions.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signedInAs } from "../support/people.js";

const PAGE = "/en/services/complain-about-a-bank";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true, env: { PAGE_CACHE_SECONDS: "300" } });
  await loadDemoPeople(t.db.database.db);
});
afterAll(() => t.close());

const titleOf = (body: string) => /<h1[^>]*>([^<]*)</.exec(body)?.[1];

describe("the page cache", () => {
  it("keeps a public page once rendered and gives each visitor their own working anti-forgery token", async () => {
    const first = new Client(t.app);
    const miss = await first.get(PAGE);
    expect(miss.statusCode).toBe(200);
    expect(miss.headers["x-page-cache"]).toBe("miss");
    expect(miss.headers["cache-control"]).toBe("private, no-cache");

    const second = new Client(t.app);
    const hit = await second.get(PAGE);
    expect(hit.headers["x-page-cache"]).toBe("hit");
    expect(titleOf(hit.body)).toBe(titleOf(miss.body));
    expect(hit.body).not.toContain(t.app.pageCache.placeholder);
    expect(second.csrf).not.toBe("");
    expect(second.csrf).not.toBe(first.csrf);

    // The token in the cached page is good for this visitor's forms (the feedback form is on every page).
    const answer = await second.post("/en/feedback", { page: "/services/complain-about-a-bank", helpful: "yes" });
    expect(answer.statusCode).toBe(303);
  });

  it("answers a browser's revalidation with 304 for the same anti-forgery secret only", async () => {
    const visitor = new Client(t.app);
    await visitor.get(PAGE);
    const again = await visitor.get(PAGE);
    const etag = String(again.headers.etag);
    expect(etag).toMatch(/^W\/"/);
    const notModified = await visitor.get(PAGE, { "if-none-match": etag });
    expect(notModified.statusCode).toBe(304);

    const stranger = new Client(t.app);
    const fresh = await stranger.get(PAGE, { "if-none-match": etag });
    expect(fresh.statusCode).toBe(200);
  });

  it("never keeps or serves a page for a signed-in person or a visitor with their own settings", async () => {
    const person = await signedInAs(t.app, "citizen");
    const page = await person.get(PAGE);
    expect(page.headers["x-page-cache"]).toBeUndefined();
    expect(page.headers["cache-control"]).toBe("private, no-store");

    const withSettings = await t.app.inject({ url: PAGE, headers: { cookie: "a11y=text-150" } });
    expect(withSettings.headers["x-page-cache"]).toBeUndefined();
  });

  it("is emptied on every change of content, so a publish shows at once", async () => {
    const before = await t.app.inject({ url: PAGE });
    expect(["hit", "miss"]).toContain(before.headers["x-page-cache"]);
    const db = t.db.database.db;
    await db.transaction(async (tx) => {
      await tx
        .update(services)
        .set({ titleEn: "Complain about a bank (revised)" })
        .where(eq(services.slug, "complain-about-a-bank"));
      await bumpVersion(tx, "catalogue");
    });
    // Each instance looks at the change counters at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const after = await t.app.inject({ url: PAGE });
    expect(after.headers["x-page-cache"]).toBe("miss");
    expect(titleOf(after.body)).toBe("Complain about a bank (revised)");
  });

  it("keeps no error page", async () => {
    const missing = await t.app.inject({ url: "/en/services/no-such-service" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["x-page-cache"]).toBeUndefined();
  });
});

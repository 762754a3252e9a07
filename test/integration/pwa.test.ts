import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { fromRoot } from "../../src/platform/paths.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { signedInAs } from "../support/people.js";

let t: TestApp;
beforeAll(async () => {
  // /sw.js is the built worker (npm run build); build the browser scripts if they are not there yet.
  if (!existsSync(fromRoot("dist", "client", "sw.js"))) {
    execFileSync(process.execPath, ["--import", "tsx", fromRoot("scripts", "build-client.ts")], { cwd: fromRoot() });
  }
  t = await createTestApp({ demo: true });
  await loadDemoPeople(t.db.database.db);
});
afterAll(() => t.close());

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the web app manifest", () => {
  for (const [path, lang, dir, name, start] of [
    ["/manifest.webmanifest", "ar", "rtl", "حكومي", "/"],
    ["/en/manifest.webmanifest", "en", "ltr", "Hukoomi", "/en/"],
  ] as const) {
    it(`${path}: ${lang}, installable, with icons that exist`, async () => {
      const res = await t.app.inject({ url: path });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("application/manifest+json");
      const manifest = res.json();
      expect(manifest).toMatchObject({
        lang,
        dir,
        short_name: name,
        id: start,
        start_url: start,
        // Each app its own scope, with its start inside it.
        scope: start,
        display: "standalone",
        theme_color: "#8a1538",
        background_color: "#ffffff",
      });
      expect(manifest.name).toContain(name);
      const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
      expect(icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
      for (const icon of icons) {
        const image = await t.app.inject({ url: icon.src });
        expect(image.statusCode, icon.src).toBe(200);
        expect(image.headers["content-type"]).toBe("image/png");
        const size = Number(icon.sizes.split("x")[0]);
        expect(pngSize(image.rawPayload)).toEqual({ width: size, height: size });
      }
    });
  }

  it("gives the two apps distinct ids and scopes, the English one holding only English pages", async () => {
    const [ar, en] = await Promise.all(
      ["/manifest.webmanifest", "/en/manifest.webmanifest"].map(async (url) => (await t.app.inject({ url })).json()),
    );
    expect(ar.id).not.toBe(en.id);
    expect(ar.scope).not.toBe(en.scope);
    // The English app's start is an English page that answers.
    expect((await t.app.inject({ url: en.start_url })).body).toContain('lang="en"');
    expect("/services".startsWith(en.scope)).toBe(false);
  });

  it("is linked from every page in the page's language", async () => {
    expect((await t.app.inject({ url: "/" })).body).toContain('<link rel="manifest" href="/manifest.webmanifest"/>');
    expect((await t.app.inject({ url: "/en/services" })).body).toContain(
      '<link rel="manifest" href="/en/manifest.webmanifest"/>',
    );
  });
});

describe("the service worker", () => {
  it("is served at the root as JavaScript, never cached, with its list of files to keep", async () => {
    const res = await t.app.inject({ url: "/sw.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.headers["cache-control"]).toBe("no-cache");
    const precache = JSON.parse(/^self\.hukoomiPrecache=(.*);$/m.exec(res.body)?.[1] ?? "[]") as string[];
    expect(precache).toEqual(expect.arrayContaining(["/offline", "/en/offline"]));
    expect(precache.some((p) => p.startsWith("/assets/css/hukoomi.css?v="))).toBe(true);
    for (const path of precache) expect((await t.app.inject({ url: path })).statusCode, path).toBe(200);
  });
});

describe("the offline page", () => {
  for (const [path, lang, text] of [
    ["/offline", "ar", "أنت غير متصل بالإنترنت"],
    ["/en/offline", "en", "You are offline"],
  ] as const) {
    it(`${path} in ${lang}, kept out of search engines`, async () => {
      const res = await t.app.inject({ url: path });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain(`<html lang="${lang}"`);
      expect(res.body).toContain(text);
      expect(res.body).toContain('<meta name="robots" content="noindex"/>');
    });
  }
});

describe("pages for a signed-in person", () => {
  it("are never stored, so neither shared caches nor the worker keep them", async () => {
    const anonymous = await t.app.inject({ url: "/en/services/renew-residence-permit" });
    expect(anonymous.statusCode).toBe(200);
    // An anonymous visitor's page is the same for everyone: shared caches and the worker may keep it.
    expect(anonymous.headers["cache-control"]).toMatch(/^public, /);
    const client = await signedInAs(t.app, "resident");
    const signedIn = await client.get("/en/services/renew-residence-permit");
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.headers["cache-control"]).toBe("private, no-store");
    expect((await client.get("/en/my")).headers["cache-control"]).toBe("private, no-store");
  });
});

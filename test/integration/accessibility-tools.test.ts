import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

/** The opening <html …> tag of a page. */
const htmlTag = (body: string) => /<html[^>]*>/.exec(body)?.[0] ?? "";
const setCookieOf = (res: { headers: Record<string, unknown> }) => {
  const set = res.headers["set-cookie"];
  return (Array.isArray(set) ? set : set ? [String(set)] : []).find((c) => c.startsWith("a11y=")) ?? "";
};

describe("accessibility tools", () => {
  it("save the settings in the a11y cookie and put them on every page's <html>", async () => {
    const c = new Client(t.app);
    const tools = await c.get("/en/accessibility-tools?returnTo=%2Fen%2Fservices%2Frenew-residence-permit");
    expect(tools.statusCode).toBe(200);
    expect(tools.body).toContain('name="returnTo" value="/en/services/renew-residence-permit"');
    expect(htmlTag(tools.body)).toBe('<html lang="en" dir="ltr">');

    const saved = await c.post("/en/accessibility-tools", {
      textSize: "150",
      options: ["contrast", "underline", "motion", "readable"],
      returnTo: "/en/services/renew-residence-permit",
      action: "save",
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/en/services/renew-residence-permit");
    const cookie = setCookieOf(saved);
    expect(cookie).toMatch(/^a11y=text150\.contrast\.underline\.motion\.readable;/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=31536000/);

    const page = await c.follow(saved);
    expect(page.statusCode).toBe(200);
    const tag = htmlTag(page.body);
    expect(tag).toContain('data-text-size="150"');
    expect(tag).toContain('class="a11y-contrast a11y-underline a11y-motion a11y-readable"');
    expect(tag).toContain('lang="en"');
    // A page shaped by one person's cookie is never stored for another.
    expect(page.headers.vary).toMatch(/Cookie/);
    expect(page.headers["cache-control"]).toMatch(/private/);

    // The form shows what was chosen.
    const again = await c.get("/en/accessibility-tools");
    expect(again.body).toMatch(/<input[^>]*value="150"[^>]*checked/);
    expect(again.body).toMatch(/<input[^>]*value="readable"[^>]*checked/);
    expect(again.body).not.toMatch(/<input[^>]*value="100"[^>]*checked/);

    // Back to the standard settings: the cookie goes, and so do the attributes.
    const reset = await c.post("/en/accessibility-tools", { action: "reset" });
    expect(reset.statusCode).toBe(303);
    expect(reset.headers.location).toBe("/en/accessibility-tools?saved=1");
    expect(setCookieOf(reset)).toMatch(/^a11y=;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/);
    const done = await c.follow(reset);
    expect(htmlTag(done.body)).toBe('<html lang="en" dir="ltr">');
    expect(done.body).toContain("Your settings are saved");
    expect(done.headers.vary ?? "").not.toMatch(/Cookie/);
  });

  it("work in Arabic too, and one setting alone", async () => {
    const c = new Client(t.app);
    await c.get("/accessibility-tools");
    const saved = await c.post("/accessibility-tools", { textSize: "200", action: "save" });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe("/accessibility-tools?saved=1");
    expect(setCookieOf(saved)).toMatch(/^a11y=text200;/);
    const home = await c.get("/");
    expect(htmlTag(home.body)).toBe('<html data-text-size="200" lang="ar" dir="rtl">');
    const page = await c.follow(saved);
    expect(page.body).toContain("حُفظت إعداداتك");
    expect(page.body).toContain("أدوات سهولة الوصول");
  });

  it("read only what they know from the cookie", async () => {
    const res = await t.app.inject({ url: "/en/about", headers: { cookie: "a11y=text999.contrast.<script>.evil" } });
    expect(res.statusCode).toBe(200);
    expect(htmlTag(res.body)).toBe('<html class="a11y-contrast" lang="en" dir="ltr">');
    const none = await t.app.inject({ url: "/en/about", headers: { cookie: "a11y=nonsense" } });
    expect(htmlTag(none.body)).toBe('<html lang="en" dir="ltr">');
  });

  it("refuse values they do not offer, with a message in the page's language", async () => {
    const c = new Client(t.app);
    await c.get("/en/accessibility-tools");
    const size = await c.post("/en/accessibility-tools", { textSize: "400", action: "save" });
    expect(size.statusCode).toBe(400);
    expect(size.body).toContain("Choose a text size from the list");
    expect(setCookieOf(size)).toBe("");

    const option = await c.post("/en/accessibility-tools", { textSize: "125", options: ["contrast", "blink"] });
    expect(option.statusCode).toBe(400);
    expect(option.body).toContain("Choose display options from the list");

    await c.get("/accessibility-tools");
    const arabic = await c.post("/accessibility-tools", { textSize: "huge" });
    expect(arabic.statusCode).toBe(400);
    expect(arabic.body).toContain("اختر حجم النص من القائمة");
  });

  it("never send anyone to another site", async () => {
    const c = new Client(t.app);
    await c.get("/en/accessibility-tools");
    for (const returnTo of [
      "https://evil.example/",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/%0d%0aSet-Cookie:x=1".replace("%0d%0a", "\r\n"),
      // Paths that become "//evil.example" once normalised.
      "/.//evil.example",
      "/..//evil.example",
      "/a/..//evil.example",
      "/%2e//evil.example",
    ]) {
      const res = await c.post("/en/accessibility-tools", { textSize: "125", returnTo });
      expect(res.statusCode, returnTo).toBe(400);
      expect(res.headers.location, returnTo).toBeUndefined();
      expect(res.body).toContain("The page to go back to must be a page on Hukoomi");
      expect(setCookieOf(res)).toBe("");
    }
    // The page drops such an address rather than carrying it into the form.
    const page = await c.get("/en/accessibility-tools?returnTo=%2F%2Fevil.example");
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('name="returnTo"');
    // A local path with a query is kept as it is.
    const ok = await c.post("/en/accessibility-tools", { textSize: "125", returnTo: "/en/search?q=visa" });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe("/en/search?q=visa");
  });

  it("need the anti-forgery token", async () => {
    const c = new Client(t.app);
    await c.get("/en/accessibility-tools");
    const res = await c.post("/en/accessibility-tools", { _csrf: "forged", textSize: "150" });
    expect(res.statusCode).toBe(403);
    expect(setCookieOf(res)).toBe("");
    const none = await t.app.inject({
      method: "POST",
      url: "/en/accessibility-tools",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "textSize=150",
    });
    expect(none.statusCode).toBe(403);
  });

  it("are linked from the header of every page, in both languages, coming back to that page", async () => {
    const en = await t.app.inject({ url: "/en/services/renew-residence-permit" });
    expect(en.body).toContain('href="/en/accessibility-tools?returnTo=%2Fen%2Fservices%2Frenew-residence-permit"');
    expect(en.body).toContain(">Accessibility</a>");
    const ar = await t.app.inject({ url: "/about" });
    expect(ar.body).toContain('href="/accessibility-tools?returnTo=%2Fabout"');
    expect(ar.body).toContain("سهولة الوصول</a>");
    const tools = await t.app.inject({ url: "/en/accessibility-tools" });
    expect(tools.body).toContain('href="/en/accessibility-services"');
  });
});

describe("easy read", () => {
  it("shows a plain-language summary on key service pages, in both languages", async () => {
    for (const slug of [
      "renew-residence-permit",
      "apply-for-exit-permit",
      "medical-commission-registration",
      "customs-duty-calculation",
      "apply-for-visitor-visa",
      "labour-complaint",
    ]) {
      const en = await t.app.inject({ url: `/en/services/${slug}` });
      expect(en.body, slug).toContain('<section class="easy-read" aria-labelledby="easy-read-heading">');
      expect(en.body, slug).toContain(">Easy read</h2>");
      const ar = await t.app.inject({ url: `/services/${slug}` });
      expect(ar.body, slug).toContain(">بلغة سهلة</h2>");
    }
    const en = await t.app.inject({ url: "/en/services/renew-residence-permit" });
    expect(en.body).toContain("<li>Renew it before it ends.</li>");
    const without = await t.app.inject({ url: "/en/services/report-lost-id-card" });
    expect(without.statusCode).toBe(200);
    expect(without.body).not.toContain('class="easy-read"');
  });
});

describe("services for disabled people", () => {
  it("gathers rights, benefits, assistive services, transport and their services, in both languages", async () => {
    const en = await t.app.inject({ url: "/en/accessibility-services" });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<h1 class="heading-xl">Services for disabled people</h1>');
    for (const heading of ["Your rights", "Benefits and money", "Assistive devices and support", "Accessible transport"]) {
      expect(en.body).toContain(heading);
    }
    for (const slug of [
      "apply-for-disability-card",
      "apply-for-disability-allowance",
      "borrow-assistive-devices",
      "apply-for-disabled-parking-permit",
      "book-metro-accessibility-assistance",
    ]) {
      expect(en.body, slug).toContain(`href="/en/services/${slug}"`);
    }
    expect(en.body).toContain('href="/en/accessibility-tools"');
    const ar = await t.app.inject({ url: "/accessibility-services" });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("خدمات الأشخاص ذوي الإعاقة");
    expect(ar.body).toContain('href="/services/apply-for-disability-allowance"');
  });
});

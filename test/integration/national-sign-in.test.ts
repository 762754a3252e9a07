import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { users } from "../../src/accounts/tables.js";
import { startDevNationalIdp } from "../../src/dev-national-idp/app.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { freePort } from "../support/portal-process.js";

let t: TestApp;
let idp: { issuer: string; close(): Promise<void> };
let portalUrl: string;

beforeAll(async () => {
  const [portalPort, idpPort] = [await freePort(), await freePort()];
  portalUrl = `http://127.0.0.1:${portalPort}`;
  idp = await startDevNationalIdp({
    port: idpPort,
    redirectUri: `${portalUrl}/sign-in/national/callback`,
    clientId: "hukoomi",
    clientSecret: "test-national-secret",
  });
  t = await createTestApp({
    env: {
      BASE_URL: portalUrl,
      NATIONAL_IDP_ISSUER: idp.issuer,
      NATIONAL_IDP_CLIENT_ID: "hukoomi",
      NATIONAL_IDP_CLIENT_SECRET: "test-national-secret",
    },
  });
  await loadDemoPeople(t.db.database.db);
  await t.app.listen({ port: portalPort, host: "127.0.0.1" });
});
afterAll(async () => {
  await t.close();
  await idp.close();
});

/** Drives the development provider's card page with plain HTTP, keeping its cookies. */
async function atNationalProvider(start: string, qid: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  for (let i = 0; i < 15; i++) {
    if (url.startsWith(portalUrl)) return url;
    const res = await fetch(url, { redirect: "manual", headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
    if (res.status >= 300 && res.status < 400) {
      url = new URL(res.headers.get("location") ?? "", url).href;
      continue;
    }
    const html = await res.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form at ${url}: ${html.slice(0, 200)}`);
    const fields = new URLSearchParams({ qid });
    const post = await fetch(new URL(action, url), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
      body: fields.toString(),
    });
    for (const c of post.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, ...v] = (pair ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
    url = new URL(post.headers.get("location") ?? "", url).href;
  }
  throw new Error("the national provider did not send the person back");
}

describe("sign-in with the national identity provider", () => {
  it("offers the smart card on the sign-in page", async () => {
    const res = await new Client(t.app).get("/en/sign-in");
    expect(res.body).toContain('id="national-sign-in"');
    expect(res.body).toContain("Sign in with your smart card");
  });

  it("signs in an existing person found by QID and links the card", async () => {
    const client = new Client(t.app, { host: new URL(portalUrl).host });
    const start = await client.get("/en/sign-in/national?returnTo=%2Fen%2Fmy%2Fprofile");
    expect(start.statusCode).toBe(303);
    const back = await atNationalProvider(String(start.headers.location), "28663400101");
    const done = await client.get(back.slice(portalUrl.length));
    expect(done.statusCode).toBe(303);
    // Started on the English site: back to the English page, whatever the person's saved language.
    expect(done.headers.location).toBe("/en/my/profile");
    expect((await client.get("/my")).statusCode).toBe(200);
    const [user] = await t.db.database.db.select().from(users).where(eq(users.qid, "28663400101"));
    expect(user?.nationalSubject).toBe(`${idp.issuer}#28663400101`);
  });

  it("creates a confirmed account for a card holder without one", async () => {
    const client = new Client(t.app, { host: new URL(portalUrl).host });
    const start = await client.get("/sign-in/national");
    const back = await atNationalProvider(String(start.headers.location), "29163400188");
    const done = await client.get(back.slice(portalUrl.length));
    expect(done.headers.location).toBe("/my");
    const [user] = await t.db.database.db.select().from(users).where(eq(users.qid, "29163400188"));
    expect(user).toMatchObject({ nameEn: "Yousef Abdullah Al-Dosari", residency: "citizen", passwordHash: null });
    expect(user?.phoneVerifiedAt).toBeInstanceOf(Date);
  });

  it("refuses a replayed or forged answer with a message", async () => {
    const client = new Client(t.app, { host: new URL(portalUrl).host });
    const forged = await client.get("/en/sign-in/national/callback?code=x&state=forged");
    expect(forged.statusCode).toBe(400);
    expect(forged.body).toContain("The sign-in took too long or was already used");
  });
});

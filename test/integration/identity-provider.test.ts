import { and, eq } from "drizzle-orm";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { dataAccessFor, findUserByEmail } from "../../src/accounts/repository.js";
import { registerClient } from "../../src/idp/clients.js";
import { oidcPayloads } from "../../src/idp/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { browseWithin, Client } from "../support/client.js";
import { freePort } from "../support/portal-process.js";

let t: TestApp;
let issuer: string;
const REDIRECT = "http://agency.test/callback";
let config: oidc.Configuration;

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  t = await createTestApp({ env: { BASE_URL: issuer } });
  await loadDemoPeople(t.db.database.db);
  await t.app.listen({ port, host: "127.0.0.1" });
  const { clientId, clientSecret } = await registerClient(t.db.database.db, {
    nameAr: "بوابة وزارة تجريبية",
    nameEn: "Demo ministry portal",
    agency: "ministry-of-interior",
    redirectUris: [REDIRECT],
  });
  config = await oidc.discovery(new URL(`${issuer}/idp`), clientId, clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
});
afterAll(() => t.close());

/** Follows redirects inside the portal until one leaves it. */
const browse = (client: Client, url: string) => browseWithin(client, issuer, url);

async function startLogin() {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    scope: "openid profile email national_id",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    ui_locales: "en",
  });
  return { url: url.href, verifier, state };
}

describe("Hukoomi as an OpenID Connect provider", () => {
  it("publishes its discovery document under /idp", async () => {
    const res = await fetch(`${issuer}/idp/.well-known/openid-configuration`);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(`${issuer}/idp`);
    expect(doc.code_challenge_methods_supported).toContain("S256");
    expect(doc.scopes_supported).toEqual(expect.arrayContaining(["openid", "profile", "email", "national_id"]));
  });

  it("signs a person in for an agency's portal (code flow with PKCE), then again without asking (single sign-on)", async () => {
    const browser = new Client(t.app, { host: new URL(issuer).host });
    const first = await startLogin();
    const toSignIn = await browse(browser, first.url);
    expect(toSignIn.url, decodeURIComponent(toSignIn.url)).toMatch(/^\/en\/sign-in\?returnTo=%2Fidp%2Finteraction%2F/);
    const returnTo = decodeURIComponent(/returnTo=([^&]+)/.exec(toSignIn.url)?.[1] ?? "");
    const signedIn = await browser.post("/en/sign-in", {
      identifier: "resident@demo.hukoomi.example",
      password: DEMO_PASSWORD,
      returnTo,
    });
    // A page, not a redirect, carries the person on (a form's redirect chain must not end on another site).
    expect(signedIn.statusCode).toBe(200);
    const next = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(signedIn.body)?.[1] ?? "";
    expect(next).toBe(returnTo);
    const back = await browse(browser, next);
    expect(back.url.startsWith(REDIRECT), `${back.url} ${back.status} ${back.body.slice(0, 600)}`).toBe(true);
    const tokens = await oidc.authorizationCodeGrant(config, new URL(back.url), {
      pkceCodeVerifier: first.verifier,
      expectedState: first.state,
    });
    const claims = tokens.claims();
    const user = await findUserByEmail(t.db.database.db, "resident@demo.hukoomi.example");
    expect(claims?.sub).toBe(user?.id);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, user?.id ?? "");
    expect(info).toMatchObject({
      email: "resident@demo.hukoomi.example",
      name_en: "Anil Kumar Menon",
      qid: "29035600102",
      email_verified: true,
    });

    // Single sign-on: the same browser is not asked again.
    const second = await startLogin();
    const again = await browse(browser, second.url);
    expect(again.url.startsWith(REDIRECT)).toBe(true);
    await oidc.authorizationCodeGrant(config, new URL(again.url), {
      pkceCodeVerifier: second.verifier,
      expectedState: second.state,
    });

    // The person sees which service received their details.
    const log = await dataAccessFor(t.db.database.db, user?.id ?? "");
    expect(log.some((e) => e.whoEn === "Demo ministry portal" && e.action === "accounts.access.signedInWith")).toBe(true);

    // Signing out of Hukoomi ends the single sign-on too.
    await browser.get("/en/my");
    await browser.post("/en/sign-out", {});
    const third = await startLogin();
    const afterSignOut = await browse(browser, third.url);
    expect(afterSignOut.url).toMatch(/^\/en\/sign-in\?returnTo=/);
  });

  it("refuses a code used twice and a wrong verifier", async () => {
    const browser = new Client(t.app, { host: new URL(issuer).host });
    await browser.get("/en/sign-in");
    await browser.post("/en/sign-in", { identifier: "citizen@demo.hukoomi.example", password: DEMO_PASSWORD });
    const login = await startLogin();
    const back = await browse(browser, login.url);
    await expect(
      oidc.authorizationCodeGrant(config, new URL(back.url), {
        pkceCodeVerifier: oidc.randomPKCECodeVerifier(),
        expectedState: login.state,
      }),
    ).rejects.toThrow();
    const other = await startLogin();
    const code = await browse(browser, other.url);
    await oidc.authorizationCodeGrant(config, new URL(code.url), {
      pkceCodeVerifier: other.verifier,
      expectedState: other.state,
    });
    await expect(
      oidc.authorizationCodeGrant(config, new URL(code.url), { pkceCodeVerifier: other.verifier, expectedState: other.state }),
    ).rejects.toThrow();
  });

  it("ends the whole grant when an app revokes one of its tokens (every token of the grant stops working)", async () => {
    const browser = new Client(t.app, { host: new URL(issuer).host });
    await browser.get("/en/sign-in");
    await browser.post("/en/sign-in", { identifier: "visitor@demo.hukoomi.example", password: DEMO_PASSWORD });
    const tokens = [];
    for (let i = 0; i < 2; i++) {
      const login = await startLogin();
      const back = await browse(browser, login.url);
      tokens.push(
        await oidc.authorizationCodeGrant(config, new URL(back.url), {
          pkceCodeVerifier: login.verifier,
          expectedState: login.state,
        }),
      );
    }
    const user = await findUserByEmail(t.db.database.db, "visitor@demo.hukoomi.example");
    const [first, second] = tokens.map((x) => x.access_token);
    expect(await oidc.fetchUserInfo(config, second ?? "", user?.id ?? "")).toMatchObject({ sub: user?.id });
    const grants = () =>
      t.db.database.db
        .select()
        .from(oidcPayloads)
        .where(and(eq(oidcPayloads.model, "Grant"), eq(oidcPayloads.accountId, user?.id ?? "")));
    expect(await grants()).toHaveLength(1);
    await oidc.tokenRevocation(config, first ?? "");
    await expect(oidc.fetchUserInfo(config, second ?? "", user?.id ?? "")).rejects.toThrow();
    // The grant itself is gone too (the provider's default keeps it when an access token is revoked).
    expect(await grants()).toHaveLength(0);
  });

  it("refuses unknown clients and redirect addresses with a page in the person's language", async () => {
    const unknown = await fetch(
      `${issuer}/idp/auth?client_id=nobody&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(REDIRECT)}&ui_locales=en`,
    );
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("Sorry, signing in did not work");
    const badRedirect = new URL(config.serverMetadata().authorization_endpoint ?? "");
    badRedirect.search = new URLSearchParams({
      client_id: config.clientMetadata().client_id,
      response_type: "code",
      scope: "openid",
      redirect_uri: "https://evil.example/cb",
      code_challenge: "x".repeat(43),
      code_challenge_method: "S256",
    }).toString();
    const res = await fetch(badRedirect);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("عذراً، لم ينجح تسجيل الدخول");
  });
});

import { createServer, type Server } from "node:http";
import { and, desc, eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { registerClient } from "../../src/idp/clients.js";
import { oidcPayloads } from "../../src/idp/tables.js";
import { devMessages } from "../../src/platform/messaging/tables.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { browseWithin, Client } from "../support/client.js";
import { freePort } from "../support/portal-process.js";

let t: TestApp;
let issuer: string;
let config: oidc.Configuration;
let clientId: string;
let receiver: Server;
let agency: string;
/** Logout tokens the agency's back-channel address received. */
const logoutTokens: string[] = [];

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  t = await createTestApp({ env: { BASE_URL: issuer } });
  await loadDemoPeople(t.db.database.db);
  await t.app.listen({ port, host: "127.0.0.1" });
  // The agency's portal: only its back-channel logout address answers (as a real one would).
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      logoutTokens.push(new URLSearchParams(body).get("logout_token") ?? "");
      res.writeHead(200).end();
    });
  });
  const agencyPort = await freePort();
  await new Promise<void>((resolve) => receiver.listen(agencyPort, "127.0.0.1", resolve));
  agency = `http://127.0.0.1:${agencyPort}`;
  const registered = await registerClient(t.db.database.db, {
    nameAr: "بوابة وزارة تجريبية",
    nameEn: "Demo ministry portal",
    agency: "ministry-of-interior",
    redirectUris: [`${agency}/callback`],
    postLogoutRedirectUris: [`${agency}/`],
    backchannelLogoutUri: `${agency}/backchannel-logout`,
  });
  clientId = registered.clientId;
  config = await oidc.discovery(new URL(`${issuer}/idp`), clientId, registered.clientSecret, undefined, {
    execute: [oidc.allowInsecureRequests],
  });
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => receiver.close(resolve));
});

/** Follows redirects inside the portal until one leaves it. */
const browse = (client: Client, url: string) => browseWithin(client, issuer, url);

/** Signs the browser in to the portal, then into the agency through /idp; returns the agency's tokens. */
async function signedInBoth(email: string) {
  const browser = new Client(t.app, { host: new URL(issuer).host });
  await browser.get("/en/sign-in");
  expect((await browser.post("/en/sign-in", { identifier: email, password: DEMO_PASSWORD })).statusCode).toBe(303);
  const tokens = await agencySignIn(browser);
  if (!tokens) throw new Error("no single sign-on");
  return { browser, tokens };
}

/** The agency asks /idp to sign the browser in: the tokens when no question is asked, else undefined. */
async function agencySignIn(browser: Client) {
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${agency}/callback`,
    scope: "openid profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  const back = await browse(browser, url.href);
  if (!back.url.startsWith(`${agency}/callback`)) return undefined;
  return oidc.authorizationCodeGrant(config, new URL(back.url), { pkceCodeVerifier: verifier, expectedState: state });
}

const sessionsOf = async (email: string) => {
  const user = await findUserByEmail(t.db.database.db, email);
  return t.db.database.db
    .select()
    .from(oidcPayloads)
    .where(and(eq(oidcPayloads.model, "Session"), eq(oidcPayloads.accountId, user?.id ?? "")));
};

describe("one sign-out ends the portal and the identity provider, and tells the agencies", () => {
  it("signing out of the portal ends the /idp session for good (replayed cookies open nothing) and tells the agency", async () => {
    const { browser, tokens } = await signedInBoth("resident@demo.hukoomi.example");
    const sid = tokens.claims()?.sid;
    expect(typeof sid).toBe("string");
    const stolen = new Map(browser.cookies);
    logoutTokens.length = 0;
    await browser.get("/en/my");
    await browser.post("/en/sign-out", {});
    expect(await sessionsOf("resident@demo.hukoomi.example")).toHaveLength(0);
    // Someone replaying the browser's old cookies gets no code: they are sent to sign in.
    const replay = new Client(t.app, { host: new URL(issuer).host });
    replay.cookies = stolen;
    expect(await agencySignIn(replay)).toBeUndefined();
    // The access token the agency held was revoked with the session's grant.
    await expect(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()?.sub ?? "")).rejects.toThrow();
    // The agency was told, with a logout token signed by the provider naming the person and the session.
    expect(logoutTokens).toHaveLength(1);
    const logout = decodeJwt(logoutTokens[0] ?? "");
    expect(logout).toMatchObject({ iss: `${issuer}/idp`, aud: clientId, sub: tokens.claims()?.sub, sid });
    expect(logout.events).toEqual({ "http://schemas.openid.net/event/backchannel-logout": {} });
  });

  it("signing out at /idp/session/end (asked by the agency) signs the browser out of the portal too, and may go back to the agency", async () => {
    const { browser, tokens } = await signedInBoth("citizen@demo.hukoomi.example");
    const end = oidc.buildEndSessionUrl(config, {
      id_token_hint: tokens.id_token ?? "",
      post_logout_redirect_uri: `${agency}/`,
      ui_locales: "en",
    });
    const page = await browser.get(end.pathname + end.search);
    expect(page.statusCode).toBe(200);
    // The form posts to the provider, which sends the browser back to the agency: the policy allows that one origin.
    const policy = String(page.headers["content-security-policy"]);
    expect(policy).toContain(`form-action 'self' ${agency}`);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(page.body)?.[1] ?? "";
    const confirmed = await browser.post("/idp/session/end/confirm", { _csrf: "", xsrf, logout: "yes" });
    expect(confirmed.statusCode).toBe(303);
    expect(String(confirmed.headers.location)).toBe(`${agency}/`);
    expect(browser.cookies.has("hk_session")).toBe(false);
    expect((await browser.get("/en/my")).statusCode).toBe(303);
    // Other pages keep their own strict policy.
    expect(String((await browser.get("/en")).headers["content-security-policy"])).toContain("form-action 'self';");
  });

  it("a password reset ends every /idp session and grant of the account", async () => {
    const { browser, tokens } = await signedInBoth("visitor@demo.hukoomi.example");
    const other = new Client(t.app);
    await other.get("/en/reset-password");
    await other.post("/en/reset-password", { identifier: "visitor@demo.hukoomi.example" });
    // The link is made and written after the answer (the same time whether or not the account exists).
    let mail: { body: string } | undefined;
    for (let i = 0; i < 50 && !mail; i++) {
      [mail] = await t.db.database.db
        .select()
        .from(devMessages)
        .where(eq(devMessages.recipient, "visitor@demo.hukoomi.example"))
        .orderBy(desc(devMessages.id))
        .limit(1);
      if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const path = /https?:\/\/[^/]+(\/en\/reset-password\/[\w-]+)/.exec(mail?.body ?? "")?.[1] ?? "";
    await other.get(path);
    const done = await other.post(path, { password: "a brand new phrase here", confirmPassword: "a brand new phrase here" });
    expect(done.statusCode).toBe(303);
    expect(await sessionsOf("visitor@demo.hukoomi.example")).toHaveLength(0);
    expect(await agencySignIn(browser)).toBeUndefined();
    await expect(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()?.sub ?? "")).rejects.toThrow();
  });

  it("an administrator turning an account off ends its sessions everywhere and tells the agency; it cannot sign in until turned on", async () => {
    const email = "officer@demo.hukoomi.example";
    const { browser, tokens } = await signedInBoth(email);
    const officer = await findUserByEmail(t.db.database.db, email);
    const admin = new Client(t.app, { host: new URL(issuer).host });
    await admin.get("/en/sign-in");
    await admin.post("/en/sign-in", { identifier: "admin@demo.hukoomi.example", password: DEMO_PASSWORD });
    const page = await admin.get(`/en/admin/staff/${officer?.id}`);
    expect(page.body).toContain("The account is on: the person can sign in.");
    logoutTokens.length = 0;
    const off = await admin.post(`/en/admin/staff/${officer?.id}/account`, { state: "disabled" });
    expect(off.headers.location).toBe(`/en/admin/staff/${officer?.id}?done=disabled`);
    expect((await browser.get("/en/my")).statusCode).toBe(303);
    expect(await sessionsOf(email)).toHaveLength(0);
    expect(await agencySignIn(browser)).toBeUndefined();
    await expect(oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()?.sub ?? "")).rejects.toThrow();
    expect(logoutTokens).toHaveLength(1);
    expect(decodeJwt(logoutTokens[0] ?? "").sub).toBe(officer?.id);
    // The right password no longer opens it, and says no more than a wrong one.
    const again = new Client(t.app);
    await again.get("/en/sign-in");
    const refused = await again.post("/en/sign-in", { identifier: email, password: DEMO_PASSWORD });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).toContain("The details you entered do not match an account");
    // Nobody turns off their own account, nor an administrator's.
    const admins = await findUserByEmail(t.db.database.db, "admin@demo.hukoomi.example");
    const own = await admin.post(`/en/admin/staff/${admins?.id}/account`, { state: "disabled" });
    expect(own.statusCode).toBe(409);
    expect(own.body).toContain("You cannot turn off your own account");
    // Turned on again, the person signs in.
    await admin.get(`/en/admin/staff/${officer?.id}`);
    await admin.post(`/en/admin/staff/${officer?.id}/account`, { state: "enabled" });
    const back = new Client(t.app);
    await back.get("/en/sign-in");
    expect((await back.post("/en/sign-in", { identifier: email, password: DEMO_PASSWORD })).statusCode).toBe(303);
  });
});

import { randomUUID } from "node:crypto";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { and, eq } from "drizzle-orm";
import type { OpenAPIV3_1 } from "openapi-types";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail, type User } from "../../src/accounts/repository.js";
import { FAILURES_PER_MINUTE } from "../../src/api/bearer.js";
import { issueDocument } from "../../src/documents/issue.js";
import { submitCase } from "../../src/eservices/repository/cases.js";
import { loadDemoMobileClient, MOBILE_APP_CLIENT_ID, MOBILE_APP_REDIRECT } from "../../src/idp/demo-client.js";
import { oidcPayloads } from "../../src/idp/tables.js";
import { Notifier } from "../../src/notifications/notifier.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { demoDefinition } from "../support/apply.js";
import { Client } from "../support/client.js";
import { type DemoPerson, demoEmails } from "../support/people.js";
import { freePort } from "../support/portal-process.js";

const ALLOWED_ORIGIN = "https://app.example";
let t: TestApp;
let issuer: string;
let config: oidc.Configuration;
let doc: OpenAPIV3_1.Document;
const db = () => t.db.database.db;

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

interface Records {
  user: User;
  reference: string;
  documentCode: string;
}
const records = new Map<DemoPerson, Records>();

/** A request, the document it issued and its notification, made for a person directly. */
async function recordsFor(who: DemoPerson): Promise<Records> {
  const user = await findUserByEmail(db(), demoEmails[who]);
  if (!user) throw new Error(`no ${who}`);
  const def = demoDefinition("residence-permit-renewal");
  const { case: kase } = await submitCase(db(), {
    draftId: randomUUID(),
    userId: user.id,
    eservice: def.slug,
    version: def.version,
    agency: def.agency,
    queue: def.queue,
    answers: {},
    fee: 0,
    targetDays: def.targetDays,
    files: [],
  });
  const document = await issueDocument(db(), { kase, definition: def, holder: user });
  await new Notifier(issuer).record(
    db(),
    user,
    "submitted",
    { service: def.title, reference: kase.reference, nextSteps: "" },
    `/my/requests/${kase.reference}`,
  );
  return { user, reference: kase.reference, documentCode: document.code };
}

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  t = await createTestApp({ demo: true, env: { BASE_URL: issuer, API_CORS_ORIGINS: ALLOWED_ORIGIN } });
  await loadDemoPeople(db());
  await loadDemoMobileClient(db());
  await t.app.listen({ port, host: "127.0.0.1" });
  config = await oidc.discovery(new URL(`${issuer}/idp`), MOBILE_APP_CLIENT_ID, undefined, oidc.None(), {
    execute: [oidc.allowInsecureRequests],
  });
  for (const who of ["resident", "citizen"] as const) records.set(who, await recordsFor(who));
  doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
}, 180_000);
afterAll(() => t.close());

/** Follows redirects inside the portal until one leaves it (the app's own address); returns that address. */
async function browse(client: Client, url: string): Promise<string> {
  let current = url;
  for (let i = 0; i < 12; i++) {
    const path = current.startsWith(issuer) ? current.slice(issuer.length) : current;
    if (!path.startsWith("/")) return current;
    const res = await client.get(path);
    if (res.statusCode < 300 || res.statusCode >= 400) throw new Error(`stopped at ${path}: ${res.statusCode}`);
    current = String(res.headers.location);
  }
  throw new Error("too many redirects");
}

/** An access token for a person, through the authorization-code flow with PKCE, as the mobile app gets one. */
async function tokenFor(who: DemoPerson, scope = "openid hukoomi.me"): Promise<string> {
  const browser = new Client(t.app, { host: new URL(issuer).host });
  await browser.get("/en/sign-in");
  const signedIn = await browser.post("/en/sign-in", { identifier: demoEmails[who], password: DEMO_PASSWORD });
  expect(signedIn.statusCode).toBe(303);
  const verifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: MOBILE_APP_REDIRECT,
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
  });
  const back = await browse(browser, url.href);
  expect(back.startsWith(MOBILE_APP_REDIRECT), back).toBe(true);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(back), { pkceCodeVerifier: verifier, expectedState: state });
  expect(tokens.token_type.toLowerCase()).toBe("bearer");
  return tokens.access_token;
}

const ME = ["/api/v1/me/requests", "/api/v1/me/documents", "/api/v1/me/notifications"] as const;

function call(url: string, token?: string, headers: Record<string, string> = {}) {
  return t.app.inject({ url, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
}

/** The body against the schema the OpenAPI document gives for that answer. */
function expectDocumented(path: string, status: number, body: unknown) {
  const response = doc.paths?.[path]?.get?.responses?.[String(status)] as OpenAPIV3_1.ResponseObject | undefined;
  const schema = response?.content?.["application/json"]?.schema;
  expect(schema, `${path} documents ${status}`).toBeTruthy();
  const validate = ajv.compile({ ...schema, components: doc.components });
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

describe("signed-in API calls with bearer tokens", () => {
  let residentToken: string;
  let citizenToken: string;

  it("refuses a call without a token (401, a Bearer challenge naming the scope)", async () => {
    for (const path of ME) {
      const res = await call(path);
      expect(res.statusCode, path).toBe(401);
      expect(res.headers["www-authenticate"]).toBe('Bearer realm="hukoomi", scope="hukoomi.me"');
      expectDocumented(path, 401, res.json());
    }
  });

  it("refuses a token the provider never issued, and a header that is not a bearer token (401 invalid_token)", async () => {
    for (const authorization of ["Bearer not-a-real-token", "Bearer ", "Basic dXNlcjpwYXNz", `Bearer ${"x".repeat(43)}`]) {
      const res = await t.app.inject({ url: ME[0], headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer .*error="invalid_token"/);
      expect(res.json().error.message).toBeTruthy();
    }
  });

  it("gets real tokens for two people through /idp (authorization code with PKCE, the demo mobile app)", async () => {
    residentToken = await tokenFor("resident");
    citizenToken = await tokenFor("citizen");
    expect(residentToken).not.toBe(citizenToken);
  }, 60_000);

  it("answers each person with their own requests, documents and notifications, never the other’s", async () => {
    const cases = [
      { who: "resident" as const, token: residentToken, other: "citizen" as const },
      { who: "citizen" as const, token: citizenToken, other: "resident" as const },
    ];
    for (const { who, token, other } of cases) {
      const mine = records.get(who);
      const theirs = records.get(other);
      if (!mine || !theirs) throw new Error("records missing");

      const requests = await call("/api/v1/me/requests", token);
      expect(requests.statusCode).toBe(200);
      expect(requests.headers["cache-control"]).toBe("no-store");
      expectDocumented("/api/v1/me/requests", 200, requests.json());
      const refs = requests.json().items.map((i: { reference: string }) => i.reference);
      expect(refs).toContain(mine.reference);
      expect(refs).not.toContain(theirs.reference);

      const documents = await call("/api/v1/me/documents", token);
      expect(documents.statusCode).toBe(200);
      expectDocumented("/api/v1/me/documents", 200, documents.json());
      const codes = documents.json().items.map((i: { code: string }) => i.code);
      expect(codes).toEqual([mine.documentCode]);

      const notifications = await call("/api/v1/me/notifications", token);
      expect(notifications.statusCode).toBe(200);
      expectDocumented("/api/v1/me/notifications", 200, notifications.json());
      const items = notifications.json().items as { title: { en: string }; url: { en: string } | null }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((n) => n.title.en.includes(mine.reference))).toBe(true);
      expect(items.some((n) => n.title.en.includes(theirs.reference) || n.url?.en.includes(theirs.reference))).toBe(false);
    }
  });

  it("takes no person from the address: an extra parameter is refused", async () => {
    const citizen = records.get("citizen");
    const res = await call(`/api/v1/me/requests?user=${citizen?.user.id}`, residentToken);
    expect(res.statusCode).toBe(400);
    expectDocumented("/api/v1/me/requests", 400, res.json());
  });

  it("says a request whose fee is unpaid is not sent, in the words the request page uses, with no date to expect an answer", async () => {
    const citizen = records.get("citizen");
    if (!citizen) throw new Error("records missing");
    const def = demoDefinition("residence-permit-renewal");
    const { case: unpaid } = await submitCase(db(), {
      draftId: randomUUID(),
      userId: citizen.user.id,
      eservice: def.slug,
      version: def.version,
      agency: def.agency,
      queue: def.queue,
      answers: {},
      fee: 500,
      targetDays: def.targetDays,
      files: [],
    });
    const res = await call(`/api/v1/me/requests?reference=${unpaid.reference}`, citizenToken);
    expectDocumented("/api/v1/me/requests", 200, res.json());
    expect(res.json().items[0]).toMatchObject({
      status: "payment-due",
      statusText: { en: "Not sent until the fee is paid", ar: "لن يُرسل قبل دفع الرسوم" },
      dueAt: null,
    });
    const sent = await call(`/api/v1/me/requests?reference=${citizen.reference}`, citizenToken);
    expect(sent.json().items[0]).toMatchObject({ status: "submitted", statusText: { en: "Received", ar: "مستلَم" } });
    expect(sent.json().items[0].dueAt).toEqual(expect.any(String));
  });

  it("filters by a reference or a document code typed with Arabic-Indic digits, spaces and lower case; one of another person's is simply absent", async () => {
    const mine = records.get("resident");
    const theirs = records.get("citizen");
    if (!mine || !theirs) throw new Error("records missing");
    const typed = (s: string) =>
      encodeURIComponent(
        s
          .toLowerCase()
          .replace(/-/g, " ")
          .replace(/[0-9]/g, (d) => String.fromCharCode(0x0660 + Number(d))),
      );
    const one = await call(`/api/v1/me/requests?reference=${typed(mine.reference)}`, residentToken);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ total: 1, items: [{ reference: mine.reference }] });
    const doc = await call(`/api/v1/me/documents?code=${typed(mine.documentCode)}`, residentToken);
    expect(doc.json()).toMatchObject({ total: 1, items: [{ code: mine.documentCode }] });
    expect((await call(`/api/v1/me/requests?reference=${typed(theirs.reference)}`, residentToken)).json()).toMatchObject({
      total: 0,
      items: [],
    });
    const bad = await call("/api/v1/me/requests?reference=HK-0000", residentToken);
    expect(bad.statusCode).toBe(400);
    expectDocumented("/api/v1/me/requests", 400, bad.json());
  });

  it("pages through a person’s records", async () => {
    const res = await call("/api/v1/me/requests?page=2&pageSize=1", residentToken);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 2, pageSize: 1, total: 1, items: [] });
  });

  it("refuses a token without the hukoomi.me scope (403 insufficient_scope)", async () => {
    const token = await tokenFor("resident", "openid profile");
    const res = await call(ME[1], token);
    expect(res.statusCode).toBe(403);
    expect(res.headers["www-authenticate"]).toMatch(/error="insufficient_scope"/);
    expectDocumented(ME[1], 403, res.json());
  }, 30_000);

  it("refuses an expired token and a revoked one at once (401)", async () => {
    const expiring = await tokenFor("resident");
    expect((await call(ME[0], expiring)).statusCode).toBe(200);
    await db()
      .update(oidcPayloads)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(oidcPayloads.model, "AccessToken"), eq(oidcPayloads.id, expiring)));
    const expired = await call(ME[0], expiring);
    expect(expired.statusCode).toBe(401);
    expect(expired.headers["www-authenticate"]).toMatch(/error="invalid_token"/);

    const revoking = await tokenFor("citizen");
    expect((await call(ME[2], revoking)).statusCode).toBe(200);
    await oidc.tokenRevocation(config, revoking, { token_type_hint: "access_token" });
    expect((await call(ME[2], revoking)).statusCode).toBe(401);
  }, 60_000);

  it("limits the calls of one token (429 once past the limit), not other people’s", async () => {
    const token = await tokenFor("resident");
    let limited = 0;
    for (let i = 0; i < 125; i++) {
      const res = await call(ME[0], token);
      if (res.statusCode === 429) limited++;
    }
    expect(limited).toBeGreaterThan(0);
    const last = await call(ME[0], token);
    expect(last.statusCode).toBe(429);
    expect(last.headers["retry-after"]).toBeTruthy();
    expect((await call(ME[0], citizenToken)).statusCode).toBe(200);
  }, 120_000);

  it("stops an address that keeps sending made-up tokens (each a new token, so the per-token limit never sees them)", async () => {
    const guess = (remoteAddress: string) =>
      t.app.inject({ url: ME[1], remoteAddress, headers: { authorization: `Bearer ${randomUUID()}` } });
    const statuses: number[] = [];
    for (let i = 0; i < FAILURES_PER_MINUTE + 5; i++) statuses.push((await guess("203.0.113.9")).statusCode);
    expect(statuses.slice(0, FAILURES_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(FAILURES_PER_MINUTE)).toEqual(Array(5).fill(429));
    const blocked = await t.app.inject({
      url: ME[1],
      remoteAddress: "203.0.113.9",
      headers: { authorization: `Bearer ${citizenToken}`, "accept-language": "en" },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);
    expect(blocked.json().error.message).toMatch(/too many times/);
    // Another address is not affected, with a made-up token or a real one.
    expect((await guess("198.51.100.4")).statusCode).toBe(401);
    const other = await t.app.inject({
      url: ME[1],
      remoteAddress: "198.51.100.4",
      headers: { authorization: `Bearer ${citizenToken}` },
    });
    expect(other.statusCode).toBe(200);
  });
});

describe("CORS", () => {
  it("names an allowed origin on /api/v1 and answers its preflight; nothing for other origins or outside /api/v1", async () => {
    const allowed = await call("/api/v1/services", undefined, { origin: ALLOWED_ORIGIN });
    expect(allowed.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers["access-control-allow-credentials"]).toBeUndefined();

    const other = await call("/api/v1/services", undefined, { origin: "https://elsewhere.example" });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();

    const page = await call("/en", undefined, { origin: ALLOWED_ORIGIN });
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();

    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: "/api/v1/me/requests",
      headers: {
        origin: ALLOWED_ORIGIN,
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(ALLOWED_ORIGIN);
    expect(String(preflight.headers["access-control-allow-headers"])).toMatch(/Authorization/);

    for (const [url, origin] of [
      ["/api/v1/me/requests", "https://elsewhere.example"],
      ["/en/sign-in", ALLOWED_ORIGIN],
    ] as const) {
      const refused = await t.app.inject({
        method: "OPTIONS",
        url,
        headers: { origin, "access-control-request-method": "POST" },
      });
      expect(refused.statusCode, url).toBe(404);
      expect(refused.headers["access-control-allow-origin"], url).toBeUndefined();
    }
  });

  it("lets a page on an allowed origin read a person’s records with their token (a real cross-origin fetch)", async () => {
    const token = await tokenFor("citizen");
    const res = await fetch(`${issuer}/api/v1/me/documents`, {
      headers: { origin: ALLOWED_ORIGIN, authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(ALLOWED_ORIGIN);
    const body = (await res.json()) as { items: { code: string }[] };
    expect(body.items.map((i) => i.code)).toEqual([records.get("citizen")?.documentCode]);
  }, 30_000);
});

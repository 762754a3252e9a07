import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { OpenAPIV3_1 } from "openapi-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../support/app.js";

let t: TestApp;
let doc: OpenAPIV3_1.Document;

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  const res = await t.app.inject({ url: "/api/openapi.json" });
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^application\/json/);
  doc = res.json();
}, 120_000);
afterAll(() => t.close());

type Method = "get" | "post" | "put" | "patch" | "delete";
const METHODS: Method[] = ["get", "post", "put", "patch", "delete"];

function operations(): { method: Method; path: string; op: OpenAPIV3_1.OperationObject }[] {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item?.[method] ? [{ method, path, op: item[method] as OpenAPIV3_1.OperationObject }] : [])),
  );
}

/** A validator of a documented response body; the document's components travel with it so $refs resolve. */
function validatorFor(op: OpenAPIV3_1.OperationObject, status: number) {
  const responses = op.responses ?? {};
  const response = (responses[String(status)] ?? responses[`${String(status)[0]}XX`]) as OpenAPIV3_1.ResponseObject | undefined;
  if (!response) return undefined;
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  return ajv.compile({ ...schema, components: doc.components });
}

/** The routes the app has under /api/v1, as "METHOD /path/{param}", read from the router's printed tree. */
function registeredApiRoutes(): Set<string> {
  const out = new Set<string>();
  const stack: string[] = [];
  for (const line of t.app.printRoutes().split("\n")) {
    const at = line.search(/[├└]── /);
    if (at < 0) continue;
    const depth = at / 4;
    const match = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(at + 4));
    const segment = match?.[1] ?? "";
    stack[depth] = segment === "(empty root node)" ? "" : segment;
    stack.length = depth + 1;
    const path = stack.join("").replace(/:([A-Za-z0-9_]+)/g, "{$1}");
    if (!match?.[2] || !path.startsWith("/api/v1/")) continue;
    for (const method of match[2].split(", ")) if (method !== "HEAD" && method !== "OPTIONS") out.add(`${method} ${path}`);
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const result = await new Validator().validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("is checked by a validator that refuses a broken document", async () => {
    const broken = structuredClone(doc) as unknown as Record<string, unknown>;
    delete broken.info;
    const result = await new Validator().validate(broken as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.valid).toBe(false);
  });

  it("holds JSON Schemas (2020-12) that compile", () => {
    for (const { op } of operations()) {
      for (const p of (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[])
        expect(() => ajv.compile(p.schema ?? {})).not.toThrow();
      for (const r of Object.values(op.responses ?? {}) as OpenAPIV3_1.ResponseObject[]) {
        const schema = r.content?.["application/json"]?.schema;
        if (schema) expect(() => ajv.compile({ ...schema, components: doc.components })).not.toThrow();
      }
    }
  });

  it("documents every /api/v1 route (and /api/3 where it has schemas), nothing else", () => {
    const documented = new Set(operations().map((o) => `${o.method.toUpperCase()} ${o.path}`));
    const v1 = [...documented].filter((o) => o.includes(" /api/v1/"));
    expect(v1.sort()).toEqual([...registeredApiRoutes()].sort());
    for (const expected of [
      "GET /api/v1/services",
      "GET /api/v1/services/{slug}",
      "GET /api/v1/search",
      "GET /api/v1/stats",
      "GET /api/v1/eservices",
      "GET /api/v1/polls/{slug}",
      "GET /api/v1/me/requests",
      "GET /api/v1/me/documents",
      "GET /api/v1/me/notifications",
      "GET /api/v1/appointments/services/{service}/centres",
      "GET /api/v1/appointments/centres/{centre}/services/{service}/days",
      "GET /api/v1/appointments/centres/{centre}/services/{service}/days/{day}/times",
      "GET /api/v1/me/appointments",
      "GET /api/v1/me/appointments/{id}",
      "POST /api/v1/me/appointments",
      "POST /api/v1/me/appointments/{id}/confirm",
      "POST /api/v1/me/appointments/{id}/move",
      "POST /api/v1/me/appointments/{id}/cancel",
      "POST /api/v1/me/appointments/waitlist",
    ]) {
      expect(documented.has(expected), expected).toBe(true);
    }
    expect(Object.keys(doc.paths ?? {}).some((p) => !p.startsWith("/api/v1/") && !p.startsWith("/api/3/"))).toBe(false);
  });

  it("gives every operation an id, a group, a summary and its responses with a schema", () => {
    const ids = new Set<string>();
    for (const { method, path, op } of operations()) {
      const name = `${method} ${path}`;
      expect(op.operationId, name).toBeTruthy();
      expect(ids.has(op.operationId ?? ""), name).toBe(false);
      ids.add(op.operationId ?? "");
      expect(op.tags?.length, name).toBe(1);
      expect(op.summary, name).toBeTruthy();
      const responses = Object.entries(op.responses ?? {});
      expect(
        responses.some(([status]) => status.startsWith("2")),
        name,
      ).toBe(true);
      expect(
        responses.some(([status]) => status.startsWith("4")),
        name,
      ).toBe(true);
    }
    const tags = new Set((doc.tags ?? []).map((tag) => tag.name));
    for (const { op } of operations()) expect(tags.has(op.tags?.[0] ?? "")).toBe(true);
  });

  it("says how to sign in: OAuth 2.0 authorization code at /idp, and the scope the signed-in calls need", () => {
    const schemes = doc.components?.securitySchemes ?? {};
    const [name, scheme] = Object.entries(schemes)[0] ?? [];
    expect(scheme).toMatchObject({ type: "oauth2" });
    const flow = (scheme as OpenAPIV3_1.OAuth2SecurityScheme).flows.authorizationCode;
    expect(flow?.authorizationUrl).toBe(`${t.baseUrl}/idp/auth`);
    expect(flow?.tokenUrl).toBe(`${t.baseUrl}/idp/token`);
    for (const { path, op } of operations()) {
      const signedIn = path.startsWith("/api/v1/me/");
      // Every operation says how it is secured: a public one with an empty list, not by leaving it out.
      expect(op.security, path).toEqual(signedIn ? [{ [name ?? ""]: ["hukoomi.me"] }] : []);
    }
  });

  it("states the API's licence as an SPDX identifier", () => {
    expect(doc.info.license).toEqual({ name: "MIT License", identifier: "MIT" });
  });
});

describe("refusals say how to authenticate", () => {
  it("describes a 401 as a bearer-token refusal only where a bearer token is asked for", () => {
    const bearerText = "No valid access token: sign in again.";
    for (const { path, op } of operations()) {
      const unauthorised = op.responses?.["401"] as OpenAPIV3_1.ResponseObject | undefined;
      if (!unauthorised) continue;
      if (op.security?.length) expect(unauthorised.description, path).toBe(bearerText);
      else expect(unauthorised.description, path).not.toBe(bearerText);
    }
    const notifications = doc.paths?.["/api/v1/payments/notifications"]?.post?.responses?.["401"] as OpenAPIV3_1.ResponseObject;
    expect(notifications.description).toContain("x-gateway-signature");
  });

  it("answers an unsigned payment notification 401 with a WWW-Authenticate challenge naming the signature headers", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/payments/notifications",
      headers: { "content-type": "application/json" },
      payload: "{}",
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers["www-authenticate"]).toBe(
      'HMAC-SHA256 realm="payment-notifications", headers="x-gateway-timestamp x-gateway-signature"',
    );
  });
});

/** A value for a query parameter: its example or the first allowed value; required ones must say one. */
function queryValue(p: OpenAPIV3_1.ParameterObject): string | undefined {
  const schema = (p.schema ?? {}) as { enum?: unknown[]; examples?: unknown[]; default?: unknown };
  if (p.example !== undefined) return String(p.example);
  if (schema.examples?.length) return String(schema.examples[0]);
  if (!p.required) return undefined;
  if (schema.enum?.length) return String(schema.enum[0]);
  throw new Error(`required parameter ${p.name} has no example`);
}

/** A path parameter's own example, when its schema gives one (addresses with no list above them). */
function pathExample(p: OpenAPIV3_1.ParameterObject): string | undefined {
  if (p.example !== undefined) return String(p.example);
  const examples = (p.schema as { examples?: unknown[] } | undefined)?.examples;
  return examples?.length ? String(examples[0]) : undefined;
}

/** A real value for a path parameter: the first item the list above it answers (its slug or id). */
async function pathValue(path: string, name: string): Promise<string> {
  const list = path.slice(0, path.indexOf(`/{${name}}`));
  const res = await t.app.inject({ url: list });
  expect(res.statusCode, list).toBe(200);
  const first = (res.json() as { items?: Record<string, unknown>[] }).items?.[0];
  const value = first?.slug ?? first?.id;
  if (typeof value !== "string") throw new Error(`no example for ${name} of ${path}`);
  return value;
}

describe("every documented GET route answers as documented", () => {
  it("answers each, in both languages, with a body its documented schema accepts", async () => {
    const gets = operations().filter((o) => o.method === "get");
    expect(gets.length).toBeGreaterThanOrEqual(15);
    for (const { path, op } of gets) {
      let url = path;
      const query = new URLSearchParams();
      for (const p of (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]) {
        if (p.in === "path")
          url = url.replace(`{${p.name}}`, encodeURIComponent(pathExample(p) ?? (await pathValue(path, p.name))));
        if (p.in === "query") {
          const value = queryValue(p);
          if (value !== undefined) query.set(p.name, value);
        }
      }
      for (const lang of ["ar", "en"]) {
        const q = new URLSearchParams(query);
        if (((op.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).some((p) => p.name === "lang")) q.set("lang", lang);
        const target = `${url}${q.size ? `?${q}` : ""}`;
        const res = await t.app.inject({ url: target, headers: { "accept-language": lang } });
        // The signed-in calls refuse a call without a token, as documented (api-bearer.test.ts calls them with one).
        const expected = op.security?.length ? 401 : 200;
        expect(res.statusCode, `${target}: ${res.body.slice(0, 300)}`).toBe(expected);
        expect(res.headers["content-type"], target).toMatch(/^application\/json/);
        const validate = validatorFor(op, expected);
        expect(validate, `${target} documents ${expected}`).toBeTruthy();
        const valid = validate?.(res.json());
        expect(valid, `${target}: ${JSON.stringify(validate?.errors)}`).toBe(true);
      }
    }
  }, 120_000);

  it("answers an unknown parameter or a missing item with the documented refusal", async () => {
    for (const url of ["/api/v1/services?colour=red", "/api/v1/services/no-such-service"]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      const op = doc.paths?.[url.includes("?") ? "/api/v1/services" : "/api/v1/services/{slug}"]?.get;
      const validate = op && validatorFor(op, res.statusCode);
      expect(validate?.(res.json()), JSON.stringify(validate?.errors)).toBe(true);
    }
  });
});

describe("CORS, closed by default", () => {
  it("names no origin on any response and answers no preflight when API_CORS_ORIGINS is not set", async () => {
    for (const url of ["/api/v1/services", "/api/openapi.json", "/en"]) {
      const res = await t.app.inject({ url, headers: { origin: "https://app.example" } });
      expect(res.headers["access-control-allow-origin"], url).toBeUndefined();
    }
    const preflight = await t.app.inject({
      method: "OPTIONS",
      url: "/api/v1/services",
      headers: { origin: "https://app.example", "access-control-request-method": "GET" },
    });
    expect(preflight.statusCode).toBe(404);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("the documentation page", () => {
  it("is rendered on the server from the document in each language, every operation on it", async () => {
    for (const [url, lang] of [
      ["/api/docs", "ar"],
      ["/en/api/docs", "en"],
    ] as const) {
      // The page's language is its address's, whatever the browser prefers.
      const res = await t.app.inject({ url, headers: { "accept-language": lang === "ar" ? "en" : "ar" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain(`lang="${lang}"`);
      for (const path of Object.keys(doc.paths ?? {})) expect(res.body, path).toContain(`<code>${path}</code>`);
      expect(res.body).toContain(`${t.baseUrl}/idp/token`);
    }
  });
});

import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { eq } from "drizzle-orm";
import type { OpenAPIV3_1 } from "openapi-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { writeCentre } from "../../src/appointments/centres.js";
import { overbookedSlots } from "../../src/appointments/repository.js";
import { appointmentBookings } from "../../src/appointments/tables.js";
import { loadDemoMobileClient } from "../../src/idp/demo-client.js";
import { translator } from "../../src/platform/i18n/messages.js";
import { addDays, dohaMoment, dohaToday } from "../../src/platform/time/doha.js";
import { HOSTILE_SEGMENTS, HOSTILE_STRINGS } from "../fixtures/hostile-inputs.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { bearerTokens } from "../support/bearer-token.js";
import { signedInAs } from "../support/people.js";
import { freePort } from "../support/portal-process.js";

/**
 * /api/v1/appointments (public) and /api/v1/me/appointments (bearer tokens from /idp), through the whole portal; a
 * test centre with one place a slot, open every day 07:00–09:00 in Doha, makes the refusals certain.
 */
let t: TestApp;
let issuer: string;
let doc: OpenAPIV3_1.Document;
const db = () => t.db.database.db;
const tokens = {} as Record<"resident" | "citizen" | "visitor", string>;

const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

const CENTRE = "api-test-centre-al-khor";
const ORIGIN = "https://app.example";
const SERVICE = "medical-commission-registration";
const day = addDays(dohaToday(), 10);
const at = (time: string, d = day) => dohaMoment(d, time).toISOString();
const en = translator("en");
const ar = translator("ar");

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  t = await createTestApp({ demo: true, env: { BASE_URL: issuer, API_CORS_ORIGINS: ORIGIN } });
  await loadDemoPeople(db());
  await loadDemoMobileClient(db());
  const every = ["07:00-09:00"];
  await writeCentre(db(), "ministry-of-public-health", {
    slug: CENTRE,
    name: { ar: "مركز الاختبار – الخور", en: "Test centre – Al Khor" },
    address: { ar: "الخور", en: "Al Khor" },
    area: "al-khor",
    mapUrl: "",
    hours: { "0": every, "1": every, "2": every, "3": every, "4": every, "5": every, "6": every },
    bookAheadDays: 30,
    changeCutoffHours: 2,
    published: true,
    services: [{ serviceSlug: SERVICE, minutes: 30, counters: 1, perPerson: 1 }],
  });
  await t.app.listen({ port, host: "127.0.0.1" });
  const tokenFor = await bearerTokens(t.app, issuer);
  doc = (await t.app.inject({ url: "/api/openapi.json" })).json();
  for (const who of ["resident", "citizen", "visitor"] as const) tokens[who] = await tokenFor(who);
}, 180_000);
afterAll(() => t.close());

type Method = "GET" | "POST";
function call(method: Method, url: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({
    method,
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
}

/** The body against the schema the OpenAPI document gives for that answer. */
function expectDocumented(method: Method, path: string, status: number, body: unknown) {
  const op = doc.paths?.[path]?.[method.toLowerCase() as "get" | "post"];
  const response = op?.responses?.[String(status)] as OpenAPIV3_1.ResponseObject | undefined;
  const schema = response?.content?.["application/json"]?.schema;
  expect(schema, `${method} ${path} documents ${status}`).toBeTruthy();
  const validate = ajv.compile({ ...schema, components: doc.components });
  expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
}

const CENTRES = "/api/v1/appointments/services/{service}/centres";
const DAYS = "/api/v1/appointments/centres/{centre}/services/{service}/days";
const TIMES = "/api/v1/appointments/centres/{centre}/services/{service}/days/{day}/times";
const MINE = "/api/v1/me/appointments";
const ONE = "/api/v1/me/appointments/{id}";
const timesUrl = (d = day, centre = CENTRE) => `/api/v1/appointments/centres/${centre}/services/${SERVICE}/days/${d}/times`;

describe("free times (public)", () => {
  it("lists the centres offering a service, nearest the area first, with hours, address and map link", async () => {
    const res = await call("GET", `/api/v1/appointments/services/${SERVICE}/centres?area=al-wakrah`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=60");
    expectDocumented("GET", CENTRES, 200, res.json());
    const items = res.json().items as { id: string; area: string; distanceKm: number; hours: { sun: string[] } }[];
    expect(items[0]).toMatchObject({ id: "medical-commission-al-wakrah", area: "al-wakrah" });
    expect(items.map((i) => i.id)).toContain(CENTRE);
    const km = items.map((i) => i.distanceKm);
    expect([...km].sort((a, b) => a - b)).toEqual(km);
    expect(items.find((i) => i.id === CENTRE)?.hours.sun).toEqual(["07:00-09:00"]);
    expect((await call("GET", `/api/v1/appointments/services/${SERVICE}/centres?area=al-khor`)).json().items[0].id).toBe(CENTRE);
    const plain = (await call("GET", `/api/v1/appointments/services/${SERVICE}/centres`)).json();
    expect(plain.items.every((i: { distanceKm: unknown }) => i.distanceKm === null)).toBe(true);
  });

  it("refuses an unknown area (400) and a service no centre offers (404), never kept by a cache", async () => {
    const bad = await call("GET", `/api/v1/appointments/services/${SERVICE}/centres?area=atlantis`);
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["cache-control"]).toBe("no-store");
    expectDocumented("GET", CENTRES, 400, bad.json());
    const none = await call("GET", "/api/v1/appointments/services/no-such-service/centres");
    expect(none.statusCode).toBe(404);
    expect(none.headers["cache-control"]).toBe("no-store");
  });

  it("gives the days a service can be booked at a centre", async () => {
    const res = await call("GET", `/api/v1/appointments/centres/${CENTRE}/services/${SERVICE}/days`);
    expect(res.statusCode).toBe(200);
    expectDocumented("GET", DAYS, 200, res.json());
    const days = res.json().days.map((d: { day: string }) => d.day);
    expect(days).toContain(day);
    expect(days[0] >= dohaToday()).toBe(true);
    expect((await call("GET", `/api/v1/appointments/centres/no-such-centre/services/${SERVICE}/days`)).statusCode).toBe(404);
    expect((await call("GET", `/api/v1/appointments/centres/${CENTRE}/services/renew-id-card/days`)).statusCode).toBe(404);
  });

  it("gives a day's times with their free places, as instants and on Doha's clock, kept five seconds at most", async () => {
    const res = await call("GET", timesUrl());
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=5");
    expect(res.headers["set-cookie"]).toBeUndefined();
    // Nothing about the caller: a signed-in person's browser gets the same bytes.
    const signedIn = await signedInAs(t.app, "citizen");
    const theirs = await t.app.inject({ url: timesUrl(), headers: { cookie: signedIn.cookieHeader } });
    expect(theirs.body).toBe(res.body);
    expect(theirs.headers["set-cookie"]).toBeUndefined();
    expectDocumented("GET", TIMES, 200, res.json());
    const body = res.json();
    expect(body.timeZone).toBe("Asia/Qatar");
    expect(body.times.map((x: { time: string }) => x.time)).toEqual(["07:00", "07:30", "08:00", "08:30"]);
    expect(body.times[0]).toMatchObject({
      startsAt: at("07:00"),
      endsAt: at("07:30"),
      day,
      localStartsAt: `${day}T07:00:00+03:00`,
      free: 1,
      places: 1,
    });
    // A day people may not book (beyond the centre's 30 days) has no times.
    expect((await call("GET", timesUrl(addDays(dohaToday(), 40)))).json().times).toEqual([]);
  });

  it("refuses a day that is not a calendar day (400, in the language asked for)", async () => {
    for (const bad of ["2027-02-30", "2026-13-01", "tomorrow", "20261220", "2026-12-20T07:00"]) {
      const res = await call("GET", timesUrl(bad), undefined, undefined, { "accept-language": "en" });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().error.message).toBe(en.t("errors.badRequest.message"));
    }
    const arabic = await call("GET", `${timesUrl("2027-02-30")}`);
    expect(arabic.json().error.message).toBe(ar.t("errors.badRequest.message"));
  });
});

describe("a person's appointments (bearer token)", () => {
  let held: { id: string; status: string; holdExpiresAt: string };

  it("refuses every call without a token (401), whatever else is wrong with it", async () => {
    const id = "00000000-0000-0000-0000-000000000000";
    for (const [method, url, body] of [
      ["GET", MINE],
      ["GET", `${MINE}/${id}`],
      ["GET", `${MINE}/not-a-uuid`],
      ["POST", MINE, { centre: CENTRE, service: SERVICE, startsAt: at("07:00") }],
      ["POST", MINE, { nonsense: true }],
      ["POST", `${MINE}/${id}/confirm`],
      ["POST", `${MINE}/${id}/move`, { startsAt: at("07:30") }],
      ["POST", `${MINE}/${id}/cancel`],
      ["POST", `${MINE}/waitlist`, { centre: CENTRE, service: SERVICE, day }],
    ] as [Method, string, unknown?][]) {
      const res = await call(method, url, undefined, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.headers["www-authenticate"]).toMatch(/^Bearer /);
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  it("lets a page on an allowed origin post with a token (CORS preflight), and no other origin", async () => {
    const preflight = (origin: string) =>
      t.app.inject({
        method: "OPTIONS",
        url: MINE,
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization, content-type",
        },
      });
    const allowed = await preflight(ORIGIN);
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(String(allowed.headers["access-control-allow-methods"])).toMatch(/POST/);
    expect(String(allowed.headers["access-control-allow-headers"])).toMatch(/Content-Type/);
    expect(allowed.headers["access-control-allow-credentials"]).toBeUndefined();
    expect((await preflight("https://elsewhere.example")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("holds a time (201), gives the same hold back when sent again (200), and confirms it", async () => {
    const body = { centre: CENTRE, service: SERVICE, startsAt: at("07:00") };
    const res = await call("POST", MINE, tokens.resident, body);
    expect(res.statusCode).toBe(201);
    expectDocumented("POST", MINE, 201, res.json());
    held = res.json();
    expect(held).toMatchObject({ status: "held", service: SERVICE, time: "07:00", day, centre: { id: CENTRE } });
    expect(Date.parse(held.holdExpiresAt)).toBeGreaterThan(Date.now());

    const again = await call("POST", MINE, tokens.resident, { ...body, startsAt: `${day}T07:00:00+03:00` });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(held.id);

    const times = (await call("GET", timesUrl())).json().times;
    expect(times[0].free).toBe(0);

    const confirmed = await call("POST", `${MINE}/${held.id}/confirm`, tokens.resident);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.headers["cache-control"]).toBe("no-store");
    expectDocumented("POST", `${MINE}/{id}/confirm`, 200, confirmed.json());
    expect(confirmed.json()).toMatchObject({ id: held.id, status: "booked", holdExpiresAt: null });
  });

  it("lists the person's own appointments and gives one; another person's is not found (404)", async () => {
    const list = await call("GET", MINE, tokens.resident);
    expect(list.statusCode).toBe(200);
    expectDocumented("GET", MINE, 200, list.json());
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([held.id]);
    const one = await call("GET", `${MINE}/${held.id}`, tokens.resident);
    expect(one.statusCode).toBe(200);
    expectDocumented("GET", ONE, 200, one.json());
    expect(one.json().checkInCode).toBeTruthy();

    expect((await call("GET", MINE, tokens.citizen)).json().items).toEqual([]);
    for (const [method, url, body] of [
      ["GET", `${MINE}/${held.id}`],
      ["POST", `${MINE}/${held.id}/confirm`],
      ["POST", `${MINE}/${held.id}/move`, { startsAt: at("08:30") }],
      ["POST", `${MINE}/${held.id}/cancel`],
    ] as [Method, string, unknown?][]) {
      const res = await call(method, url, tokens.citizen, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expectDocumented(method, url.replace(held.id, "{id}"), 404, res.json());
    }
    expect((await call("GET", `${MINE}/${held.id}`, tokens.resident)).json().status).toBe("booked");
  });

  it("refuses a taken time (409 full) in the language asked for: Arabic by default, English by lang or Accept-Language", async () => {
    const body = { centre: CENTRE, service: SERVICE, startsAt: at("07:00") };
    const arabic = await call("POST", MINE, tokens.citizen, body);
    expect(arabic.statusCode).toBe(409);
    expectDocumented("POST", MINE, 409, arabic.json());
    expect(arabic.json().error).toEqual({ status: 409, message: ar.t("appointments.refused.full"), details: { reason: "full" } });
    const english = await call("POST", `${MINE}?lang=en`, tokens.citizen, body);
    expect(english.json().error.message).toBe(en.t("appointments.refused.full"));
    const accepted = await call("POST", MINE, tokens.citizen, body, { "accept-language": "en-GB,en;q=0.9" });
    expect(accepted.json().error.message).toBe(en.t("appointments.refused.full"));
  });

  it("refuses a second appointment for the same service, and a time that is not a slot or is past (409)", async () => {
    const second = await call("POST", `${MINE}?lang=en`, tokens.resident, {
      centre: CENTRE,
      service: SERVICE,
      startsAt: at("08:30"),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      message: en.t("appointments.refused.per-person"),
      details: { reason: "per-person" },
    });
    for (const startsAt of [
      at("07:10"),
      at("09:00"),
      at("07:00", addDays(dohaToday(), -1)),
      at("07:00", addDays(dohaToday(), 45)),
    ]) {
      const res = await call("POST", MINE, tokens.visitor, { centre: CENTRE, service: SERVICE, startsAt });
      expect(res.statusCode, startsAt).toBe(409);
      expect(res.json().error.message).toBe(ar.t("appointments.refused.not-bookable"));
    }
  });

  it("refuses bad input with 400 and a message in the person's language, never 500", async () => {
    const unknown = await call("POST", `${MINE}?lang=en`, tokens.visitor, {
      centre: "no-such-centre",
      service: SERVICE,
      startsAt: at("07:00"),
    });
    expect(unknown.statusCode).toBe(400);
    expectDocumented("POST", MINE, 400, unknown.json());
    expect(unknown.json().error.message).toBe(en.t("appointments.api.unknownCentre"));
    const notOffered = await call("POST", MINE, tokens.visitor, {
      centre: CENTRE,
      service: "renew-id-card",
      startsAt: at("07:00"),
    });
    expect(notOffered.statusCode).toBe(400);
    expect(notOffered.json().error.message).toBe(ar.t("appointments.api.unknownService"));
    for (const body of [
      { centre: CENTRE, service: SERVICE },
      { centre: CENTRE, service: SERVICE, startsAt: "2027-02-30T07:00:00Z" },
      { centre: CENTRE, service: SERVICE, startsAt: "tomorrow at seven" },
      { centre: CENTRE, service: SERVICE, startsAt: `${day}T07:00:00` },
      { centre: CENTRE, service: SERVICE, startsAt: at("07:00"), userId: "00000000-0000-0000-0000-000000000000" },
      { centre: ["a"], service: SERVICE, startsAt: at("07:00") },
    ]) {
      const res = await call("POST", MINE, tokens.visitor, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await call("GET", `${MINE}/not-a-uuid`, tokens.visitor)).statusCode).toBe(400);
    expect((await call("GET", `${MINE}?state=past`, tokens.visitor)).statusCode).toBe(400);
    expect(
      (await call("POST", `${MINE}/${held.id}/move`, tokens.resident, { startsAt: "2027-02-30T07:00:00Z" })).statusCode,
    ).toBe(400);
    const waitBad = await call("POST", `${MINE}/waitlist`, tokens.visitor, {
      centre: CENTRE,
      service: SERVICE,
      day: "2027-02-30",
    });
    expect(waitBad.statusCode).toBe(400);
  });

  it("moves a booking to another free time, and the waiting list is offered the place a cancellation frees", async () => {
    const moved = await call("POST", `${MINE}/${held.id}/move`, tokens.resident, { startsAt: at("08:00") });
    expect(moved.statusCode).toBe(200);
    expectDocumented("POST", `${MINE}/{id}/move`, 200, moved.json());
    expect(moved.json()).toMatchObject({ id: held.id, status: "booked", time: "08:00" });
    const free = (await call("GET", timesUrl())).json().times.map((x: { free: number }) => x.free);
    expect(free).toEqual([1, 1, 0, 1]);

    const joined = await call("POST", `${MINE}/waitlist`, tokens.citizen, { centre: CENTRE, service: SERVICE, day });
    expect(joined.statusCode).toBe(201);
    expectDocumented("POST", `${MINE}/waitlist`, 201, joined.json());
    const twice = await call("POST", `${MINE}/waitlist?lang=en`, tokens.citizen, { centre: CENTRE, service: SERVICE, day });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe(en.t("appointments.refused.already-waiting"));

    const cancelled = await call("POST", `${MINE}/${held.id}/cancel`, tokens.resident);
    expect(cancelled.statusCode).toBe(200);
    expectDocumented("POST", `${MINE}/{id}/cancel`, 200, cancelled.json());
    expect(cancelled.json().status).toBe("cancelled");
    const again = await call("POST", `${MINE}/${held.id}/cancel?lang=en`, tokens.resident);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe(en.t("appointments.refused.not-active"));

    const offered = (await call("GET", MINE, tokens.citizen)).json().items;
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ status: "held", time: "08:00" });
    expect((await call("GET", `${MINE}?state=all`, tokens.resident)).json().items[0]).toMatchObject({ status: "cancelled" });
    // An offer not confirmed in time is over, even before the background job lets it go.
    await db()
      .update(appointmentBookings)
      .set({ holdExpiresAt: new Date(Date.now() - 1000) })
      .where(eq(appointmentBookings.id, offered[0].id));
    expect((await call("GET", MINE, tokens.citizen)).json().items).toEqual([]);
    expect((await call("GET", `${MINE}/${offered[0].id}`, tokens.citizen)).json().status).toBe("expired");
    expect((await call("GET", MINE, tokens.resident)).json().items).toEqual([]);
    expect(await overbookedSlots(db())).toBe(0);
  });

  it("answers the hostile-input corpus with 4xx, never 500, as paths and as fields", async () => {
    const failures: string[] = [];
    const check = (label: string, status: number) => {
      if (status >= 500) failures.push(`${status} ${label}`);
    };
    for (const value of HOSTILE_STRINGS.slice(0, 24)) {
      const res = await call("POST", MINE, tokens.visitor, { centre: value, service: value, startsAt: value });
      check(`hold ${value.slice(0, 20)}`, res.statusCode);
      const segment = encodeURIComponent(value.toWellFormed());
      const times = await call("GET", `/api/v1/appointments/services/${segment}/centres?area=${segment}`);
      check(`centres ${value.slice(0, 20)}`, times.statusCode);
    }
    for (const segment of HOSTILE_SEGMENTS) {
      for (const url of [
        `${MINE}/${segment}`,
        `/api/v1/appointments/centres/${segment}/services/${segment}/days`,
        `/api/v1/appointments/centres/${CENTRE}/services/${SERVICE}/days/${segment}/times`,
      ]) {
        const res = await call("GET", url, tokens.visitor);
        check(`GET ${url.slice(0, 60)}`, res.statusCode);
        expect(res.statusCode, url.slice(0, 80)).toBeGreaterThanOrEqual(400);
      }
      const res = await call("POST", `${MINE}/${segment}/move`, tokens.visitor, { startsAt: segment });
      check(`move ${segment.slice(0, 20)}`, res.statusCode);
    }
    expect(failures).toEqual([]);
  });
});

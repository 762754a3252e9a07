import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { writeCentre } from "../../src/appointments/centres.js";
import { loadDemoMobileClient } from "../../src/idp/demo-client.js";
import { translator } from "../../src/platform/i18n/messages.js";
import { addDays, dohaMoment, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { bearerTokens } from "../support/bearer-token.js";
import { freePort } from "../support/portal-process.js";

/** /api/v1/me/appointments/waitlist: joining, listing and leaving a day's waiting list with a bearer token. */
let t: TestApp;
const tokens = {} as Record<"resident" | "citizen", string>;
const CENTRE = "api-waitlist-centre";
const SERVICE = "medical-commission-registration";
const WAITLIST = "/api/v1/me/appointments/waitlist";
const day = addDays(dohaToday(), 12);

beforeAll(async () => {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  t = await createTestApp({ demo: true, env: { BASE_URL: issuer } });
  const db = t.db.database.db;
  await loadDemoPeople(db);
  await loadDemoMobileClient(db);
  const every = ["07:00-08:00"];
  await writeCentre(db, "ministry-of-public-health", {
    slug: CENTRE,
    name: { ar: "مركز قائمة الانتظار", en: "Waiting list centre" },
    address: { ar: "الدوحة", en: "Doha" },
    area: "doha",
    mapUrl: "",
    hours: { "0": every, "1": every, "2": every, "3": every, "4": every, "5": every, "6": every },
    bookAheadDays: 30,
    changeCutoffHours: 2,
    published: true,
    services: [{ serviceSlug: SERVICE, minutes: 60, counters: 1, perPerson: 1 }],
  });
  await t.app.listen({ port, host: "127.0.0.1" });
  const tokenFor = await bearerTokens(t.app, issuer);
  for (const who of ["resident", "citizen"] as const) tokens[who] = await tokenFor(who);
}, 180_000);
afterAll(() => t.close());

function call(method: "GET" | "POST", url: string, token?: string, body?: Record<string, unknown>) {
  return t.app.inject({
    method,
    url,
    headers: token ? { authorization: `Bearer ${token}` } : {},
    ...(body ? { payload: body } : {}),
  });
}

describe("the waiting list through the API", () => {
  it("joins, lists and leaves a day's waiting list; another person's entry is not found", async () => {
    expect((await call("GET", WAITLIST)).statusCode).toBe(401);
    expect((await call("POST", `${WAITLIST}/00000000-0000-0000-0000-000000000000/leave`)).statusCode).toBe(401);
    expect((await call("GET", WAITLIST, tokens.citizen)).json()).toEqual({ items: [] });

    const joined = await call("POST", WAITLIST, tokens.citizen, { centre: CENTRE, service: SERVICE, day });
    expect(joined.statusCode).toBe(201);
    expect(joined.headers["cache-control"]).toBe("no-store");
    const wait = joined.json();
    expect(wait).toMatchObject({ centre: { id: CENTRE }, service: SERVICE, day, status: "waiting", bookingId: null });
    expect((await call("GET", WAITLIST, tokens.citizen)).json().items.map((w: { id: string }) => w.id)).toEqual([wait.id]);
    expect((await call("GET", WAITLIST, tokens.resident)).json().items).toEqual([]);

    expect((await call("POST", `${WAITLIST}/${wait.id}/leave`, tokens.resident)).statusCode).toBe(404);
    expect((await call("POST", `${WAITLIST}/not-a-uuid/leave`, tokens.citizen)).statusCode).toBe(400);
    const left = await call("POST", `${WAITLIST}/${wait.id}/leave`, tokens.citizen);
    expect(left.statusCode).toBe(200);
    expect(left.json()).toMatchObject({ id: wait.id, status: "withdrawn" });
    expect((await call("GET", WAITLIST, tokens.citizen)).json().items).toEqual([]);
    expect((await call("POST", `${WAITLIST}/${wait.id}/leave`, tokens.citizen)).statusCode).toBe(404);
  });

  it("shows a place freed for the person as offered, with its hold, which they confirm or cancel rather than leave", async () => {
    const startsAt = dohaMoment(day, "07:00").toISOString();
    const held = await call("POST", "/api/v1/me/appointments", tokens.resident, { centre: CENTRE, service: SERVICE, startsAt });
    expect(held.statusCode).toBe(201);
    expect((await call("POST", `/api/v1/me/appointments/${held.json().id}/confirm`, tokens.resident)).statusCode).toBe(200);
    const again = (await call("POST", WAITLIST, tokens.citizen, { centre: CENTRE, service: SERVICE, day })).json();

    expect((await call("POST", `/api/v1/me/appointments/${held.json().id}/cancel`, tokens.resident)).statusCode).toBe(200);
    const [offered] = (await call("GET", WAITLIST, tokens.citizen)).json().items;
    expect(offered).toMatchObject({ id: again.id, status: "offered" });
    const hold = await call("GET", `/api/v1/me/appointments/${offered.bookingId}`, tokens.citizen);
    expect(hold.json()).toMatchObject({ status: "held", startsAt });

    const refused = await call("POST", `${WAITLIST}/${again.id}/leave?lang=en`, tokens.citizen);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(translator("en").t("appointments.api.offered"));
    const confirmed = await call("POST", `/api/v1/me/appointments/${offered.bookingId}/confirm`, tokens.citizen);
    expect(confirmed.json().status).toBe("booked");
    expect((await call("GET", WAITLIST, tokens.citizen)).json().items).toEqual([]);
  });
});

import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { users } from "../../src/accounts/tables.js";
import { HttpRegistryConnector } from "../../src/connectors/http.js";
import { loadDefinitionFiles } from "../../src/eservices/content.js";
import { cases, drafts } from "../../src/eservices/tables.js";
import type { AnswerSource } from "../../src/forms/engine/answers.js";
import type { Definition } from "../../src/forms/engine/definition.js";
import { addDays, dohaToday } from "../../src/platform/time/doha.js";
import { DEMO_PERMIT_EXPIRES_IN_DAYS } from "../../src/sandbox-registries/records.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { answerAll, pageOf, submit } from "../support/apply.js";
import type { Client } from "../support/client.js";
import { type Choices, pageFields } from "../support/fill.js";
import { signedInAs } from "../support/people.js";

const TOKEN = "test-registries-token-0123456789";
const ANIL = "29035600102";
const MARYAM = "28663400101";
/** The demo resident's permit expires a fixed number of days from today, inside the 90-day renewal window. */
const anilExpiry = addDays(dohaToday(), DEMO_PERMIT_EXPIRES_IN_DAYS);
/** Issued three years before: the day after the expiry, three years earlier. */
const anilIssue = `${Number(addDays(anilExpiry, 1).slice(0, 4)) - 3}${addDays(anilExpiry, 1).slice(4)}`;
const defs = new Map<string, Definition>(loadDefinitionFiles().map((d) => [d.slug, d]));
const def = (slug: string) => {
  const d = defs.get(slug);
  if (!d) throw new Error(`no definition ${slug}`);
  return d;
};

/** A call to the simulated registries over real HTTP, as another system would make it. */
function registryCall(t: TestApp, path: string, init: RequestInit & { token?: string | null } = {}) {
  const { token = TOKEN, ...rest } = init;
  return fetch(`${t.baseUrl}/sandbox-registries${path}`, {
    ...rest,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(rest.body ? { "content-type": "application/json" } : {}),
    },
  });
}

async function setMode(t: TestApp, registry: string, mode: string) {
  const res = await registryCall(t, `/v1/modes/${registry}`, { method: "PUT", body: JSON.stringify({ mode }) });
  expect(res.status).toBe(200);
}

async function draftOf(t: TestApp, id: string) {
  const [row] = await t.db.database.db.select().from(drafts).where(eq(drafts.id, id));
  if (!row) throw new Error(`no draft ${id}`);
  return row;
}

async function caseOf(t: TestApp, reference: string) {
  const [row] = await t.db.database.db.select().from(cases).where(eq(cases.reference, reference));
  if (!row) throw new Error(`no case ${reference}`);
  return row;
}

/** Starts an application; returns the first page's address, its draft, and how long starting took. */
async function start(client: Client, d: Definition) {
  await client.get(`/en/eservices/${d.slug}`);
  const began = performance.now();
  const res = await client.post(`/en/eservices/${d.slug}/start`, {});
  const ms = performance.now() - began;
  expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
  const location = String(res.headers.location);
  return { location, draft: pageOf(location).draft, ms };
}

/** Answers pages as a person would until the page asked for is next; returns its address. */
async function walkTo(client: Client, d: Definition, from: string, target: string, choices: Choices = {}) {
  let location = from;
  for (let i = 0; i < 20 && pageOf(location).page !== target; i++) {
    const page = await client.get(location);
    expect(page.statusCode).toBe(200);
    const { fields } = pageFields(d, pageOf(location).page, page.body, choices);
    const res = await client.post(location, fields);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    location = String(res.headers.location);
  }
  expect(pageOf(location).page).toBe(target);
  return location;
}

describe("the simulated registries, the prefill and its fallback", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ listen: true, demo: true, env: { REGISTRIES_TOKEN: TOKEN } });
    await loadDemoPeople(t.db.database.db);
  });
  afterAll(() => t.close());

  it("answer only with the bearer token", async () => {
    for (const token of [null, "wrong-token-wrong-token-wrong"]) {
      const res = await registryCall(t, `/v1/residency/${ANIL}`, { token });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      const body = await res.text();
      expect(body).not.toContain(TOKEN);
      expect(body).not.toContain(ANIL);
    }
    expect((await registryCall(t, "/v1/modes/residency", { token: null, method: "PUT", body: '{"mode":"down"}' })).status).toBe(
      401,
    );
  });

  it("give the demo people's records, and 404 where there is none", async () => {
    const anil = await registryCall(t, `/v1/residency/${ANIL}`);
    expect(anil.status).toBe(200);
    expect(anil.headers.get("content-type")).toContain("application/json");
    expect(await anil.json()).toMatchObject({
      qid: ANIL,
      permitNumber: expect.stringMatching(/^RP-\d{4}-\d{7}$/),
      nationality: "IN",
      sponsor: { nameEn: "Gulf Horizon Engineering W.L.L.", crNumber: "98231" },
      issueDate: anilIssue,
      expiryDate: anilExpiry,
      address: { zone: "38", street: "950", building: "17" },
    });
    // A citizen holds no residence permit.
    const maryam = await registryCall(t, `/v1/residency/${MARYAM}`);
    expect(maryam.status).toBe(404);
    expect(await maryam.json()).toMatchObject({ error: "not-found" });
    const vehicles = (await (await registryCall(t, `/v1/vehicles/${MARYAM}`)).json()) as { vehicles: unknown[] };
    expect(vehicles.vehicles).toHaveLength(2);
    expect(vehicles.vehicles[0]).toMatchObject({
      plate: expect.any(String),
      make: "Nissan",
      model: "Patrol",
      year: 2022,
      registrationExpiry: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    const companies = (await (await registryCall(t, `/v1/companies/${MARYAM}`)).json()) as { companies: unknown[] };
    expect(companies.companies[0]).toMatchObject({
      crNumber: "143872",
      tradeName: { ar: expect.any(String), en: "Al-Sulaiti Trading and Contracting" },
      activity: { ar: expect.any(String), en: expect.any(String) },
      status: "active",
    });
    expect((await registryCall(t, `/v1/companies/${ANIL}`)).status).toBe(404);
    expect((await registryCall(t, "/v1/residency/12345")).status).toBe(404);
    expect((await registryCall(t, `/v1/passports/${ANIL}`)).status).toBe(404);
  });

  it("make up the same plausible record every time for any other valid ID", async () => {
    const qid = "29335604417";
    const [a, b] = await Promise.all([registryCall(t, `/v1/residency/${qid}`), registryCall(t, `/v1/residency/${qid}`)]);
    expect(a.status).toBe(200);
    const record = await a.json();
    expect(await b.json()).toEqual(record);
    expect(record).toMatchObject({
      qid,
      nationality: "IN",
      sponsor: { nameAr: expect.any(String), nameEn: expect.any(String) },
      address: { zone: expect.stringMatching(/^\d{1,2}$/) },
    });
    expect(record.expiryDate > record.issueDate).toBe(true);
    // Another citizen: no residence permit.
    expect((await registryCall(t, "/v1/residency/28763400199")).status).toBe(404);
  });

  it("can be made down for every instance, and back", async () => {
    expect((await registryCall(t, "/v1/modes/vehicles", { method: "PUT", body: '{"mode":"sideways"}' })).status).toBe(400);
    await setMode(t, "vehicles", "down");
    const modes = await (await registryCall(t, "/v1/modes")).json();
    expect(modes).toEqual({ modes: { residency: "normal", vehicles: "down", companies: "normal" } });
    const down = await registryCall(t, `/v1/vehicles/${MARYAM}`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: "unavailable" });
    await setMode(t, "vehicles", "normal");
    expect((await registryCall(t, `/v1/vehicles/${MARYAM}`)).status).toBe(200);
  });

  it("fill in a form from the residency record, say where it came from, and tell the officer what was changed", async () => {
    const d = def("residence-permit-renewal");
    const anil = await signedInAs(t.app, "resident");
    const { location, draft } = await start(anil, d);
    // The address is the permit holder's whoever they are: filled in at once.
    const started = await draftOf(t, draft);
    expect(started.answers["home-address"]).toEqual({ zone: "38", street: "950", building: "17" });
    expect(started.sources["home-address"]).toMatchObject({
      kind: "registry",
      registry: "residency",
      agency: "ministry-of-interior",
    });
    // The expiry date is the applicant's only when the permit is their own: filled in when that page is shown.
    expect(started.answers["expiry-date"]).toBeUndefined();
    const expiry = await walkTo(anil, d, location, "expiry", { "permit-for": "myself" });
    const page = await anil.get(expiry);
    expect(page.statusCode).toBe(200);
    const [year, month, day] = anilExpiry.split("-").map(Number);
    expect(page.body).toMatch(new RegExp(`name="expiry-date-day"[^>]*value="${day}"`));
    expect(page.body).toMatch(new RegExp(`name="expiry-date-month"[^>]*value="${month}"`));
    expect(page.body).toMatch(new RegExp(`name="expiry-date-year"[^>]*value="${year}"`));
    expect(page.body).toContain("Filled in from the Ministry of Interior’s residency record, read on");
    expect(page.body).not.toContain("Enter these details yourself");

    // Keep the sponsor as read; the filler types over the date and the address.
    const check = await answerAll(anil, d, { "permit-for": "myself", "sponsor-name": "Gulf Horizon Engineering W.L.L." });
    expect(pageOf(check.replace("/check", "/x")).draft).not.toBe(draft);
    const checkPage = await anil.get(check);
    expect(checkPage.body).toContain("From the Ministry of Interior’s residency record, read on");
    expect(checkPage.body).toContain("Changed by you from what the Ministry of Interior’s residency record gave");
    const kept = await draftOf(t, pageOf(check.replace("/check", "/x")).draft);
    expect(kept.sources["sponsor-name"]).toMatchObject({ kind: "registry", registry: "residency" });
    expect(kept.sources["expiry-date"]).toMatchObject({ kind: "edited", original: anilExpiry });
    expect(kept.sources["home-address"]).toMatchObject({
      kind: "edited",
      original: { zone: "38", street: "950", building: "17" },
    });

    // The person sees who read their data, from where and for what.
    const my = await anil.get("/en/my");
    expect(my.body).toContain("Read your residency record (permit, sponsor, address) from the Ministry of Interior");
    expect(my.body).toContain("Renew a residence permit");
  });

  it("fill in the employer for a labour complaint; a citizen with no permit is asked to type it", async () => {
    const d = def("labour-complaint");
    const anil = await signedInAs(t.app, "resident");
    const { location } = await start(anil, d);
    const employer = await anil.get(await walkTo(anil, d, location, "employer"));
    expect(employer.body).toMatch(/name="employer-name"[^>]*value="Gulf Horizon Engineering W.L.L."/);
    expect(employer.body).toMatch(/name="employer-cr"[^>]*value="98231"/);
    expect(employer.body).toContain("Filled in from the Ministry of Interior’s residency record, read on");
    const employerUrl = String(/action="(\/en\/eservices\/labour-complaint\/[^"]+\/employer)"/.exec(employer.body)?.[1]);
    const arabic = await anil.get(employerUrl.replace(/^\/en/, ""));
    expect(arabic.body).toContain("عُبّئت من سجل الإقامة لدى وزارة الداخلية، بتاريخ");

    // The case keeps where each answer came from; the officer sees it, and what the applicant changed.
    const reference = await submit(anil, await answerAll(anil, d, { "employer-cr": "98231" }));
    const kase = await caseOf(t, reference);
    expect(kase.sources["employer-cr"]).toMatchObject({
      kind: "registry",
      registry: "residency",
      agency: "ministry-of-interior",
    });
    expect(kase.sources["employer-name"]).toMatchObject({ kind: "edited", original: "Gulf Horizon Engineering W.L.L." });
    const officer = await signedInAs(t.app, "officer");
    const casePage = await officer.get(`/en/workspace/cases/${reference}`);
    expect(casePage.statusCode).toBe(200);
    expect(casePage.body).toContain("From the Ministry of Interior’s residency record, read on");
    expect(casePage.body).toContain("Changed by the applicant – verify");
    expect(casePage.body).toContain("the Ministry of Interior’s residency record gave: Gulf Horizon Engineering W.L.L.");

    const maryam = await signedInAs(t.app, "citizen");
    const mine = await start(maryam, d);
    expect((await draftOf(t, mine.draft)).sources["employer-name"]).toMatchObject({ kind: "unverified", reason: "not-found" });
    const empty = await maryam.get(await walkTo(maryam, d, mine.location, "employer"));
    expect(empty.body).not.toMatch(/name="employer-name"[^>]*value="[^"]/);
    expect(empty.body).toContain("We found nothing about you in the Ministry of Interior’s residency record");
  });

  it("never stop a service when the registry is down: the person types, the officer is told to verify", async () => {
    await setMode(t, "residency", "down");
    try {
      const d = def("labour-complaint");
      const anil = await signedInAs(t.app, "resident");
      const { location, draft, ms } = await start(anil, d);
      expect(ms).toBeLessThan(2000);
      const started = await draftOf(t, draft);
      expect(started.answers["employer-name"]).toBeUndefined();
      expect(started.sources["employer-name"]).toMatchObject({ kind: "unverified", registry: "residency", reason: "down" });
      const employer = await anil.get(await walkTo(anil, d, location, "employer"));
      expect(employer.statusCode).toBe(200);
      expect(employer.body).not.toMatch(/name="employer-name"[^>]*value="[^"]/);
      expect(employer.body).toContain("Enter these details yourself");
      expect(employer.body).toContain("We could not reach the Ministry of Interior’s residency record just now");

      const reference = await submit(anil, await answerAll(anil, d));
      const kase = await caseOf(t, reference);
      expect(kase.answers["employer-name"]).toBe("Details for the officer");
      expect(kase.sources["employer-name"]).toMatchObject({ kind: "unverified", registry: "residency" });
      const officer = await signedInAs(t.app, "officer");
      const casePage = await officer.get(`/en/workspace/cases/${reference}`);
      expect(casePage.statusCode).toBe(200);
      expect(casePage.body).toContain("Entered by the applicant – verify");
      expect(casePage.body).toContain("the Ministry of Interior’s residency record could not be reached");
    } finally {
      await setMode(t, "residency", "normal");
    }
  });
});

describe("a slow registry and the circuit breaker", () => {
  const TIMEOUT = 300;
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      listen: true,
      demo: true,
      env: { REGISTRIES_TOKEN: TOKEN, REGISTRY_TIMEOUT_MS: String(TIMEOUT) },
    });
    await loadDemoPeople(t.db.database.db);
  });
  afterAll(() => t.close());

  it("answer the page within the deadline and fall back to typing", async () => {
    await setMode(t, "residency", "slow");
    const d = def("labour-complaint");
    const anil = await signedInAs(t.app, "resident");
    const { location, draft, ms } = await start(anil, d);
    expect(ms).toBeLessThan(TIMEOUT + 400);
    expect((await draftOf(t, draft)).sources["employer-name"]).toMatchObject({ kind: "unverified", reason: "timeout" });
    const employerUrl = await walkTo(anil, d, location, "employer");
    const began = performance.now();
    const employer = await anil.get(employerUrl);
    expect(performance.now() - began).toBeLessThan(TIMEOUT + 400);
    expect(employer.statusCode).toBe(200);
    expect(employer.body).not.toMatch(/name="employer-name"[^>]*value="[^"]/);
    expect(employer.body).toContain("Enter these details yourself");
  });

  it("stop asking a failing registry for a while, then try it again", async () => {
    await setMode(t, "residency", "down");
    const d = def("labour-complaint");
    const anil = await signedInAs(t.app, "resident");
    // After a few failures the circuit opens: drafts start at once, marked for the officer.
    let source: AnswerSource | undefined;
    let ms = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 6; i++) {
      const started = await start(anil, d);
      source = (await draftOf(t, started.draft)).sources["employer-name"];
      ms = started.ms;
      if (source?.kind === "unverified" && source.reason === "circuit-open") break;
    }
    expect(source).toMatchObject({ kind: "unverified", reason: "circuit-open" });
    expect(ms).toBeLessThan(TIMEOUT);

    // The connector on its own: it fails at once while open, and lets one read through after the reset time.
    const [user] = await t.db.database.db.select().from(users).where(eq(users.qid, ANIL));
    if (!user) throw new Error("no demo resident");
    const connector = new HttpRegistryConnector(t.db.database.db, {
      baseUrl: `${t.baseUrl}/sandbox-registries`,
      token: TOKEN,
      timeoutMs: TIMEOUT,
      resetTimeoutMs: 400,
    });
    try {
      const person = { userId: user.id, qid: user.qid };
      for (let i = 0; i < 3; i++) expect(await connector.read("residency", person)).toEqual({ ok: false, reason: "down" });
      expect(connector.isOpen("residency")).toBe(true);
      const began = performance.now();
      expect(await connector.read("residency", person)).toEqual({ ok: false, reason: "circuit-open" });
      expect(performance.now() - began).toBeLessThan(50);
      await setMode(t, "residency", "normal");
      await new Promise((resolve) => setTimeout(resolve, 450));
      const back = await connector.read("residency", person);
      expect(back).toMatchObject({ ok: true, registry: "residency", agency: "ministry-of-interior", record: { qid: ANIL } });
      expect(connector.isOpen("residency")).toBe(false);
    } finally {
      connector.close();
    }
  });
});

import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { Bookings } from "../../src/appointments/booking.js";
import { bookingById, centreBySlug } from "../../src/appointments/repository.js";
import { appointmentBookings } from "../../src/appointments/tables.js";
import { newReference } from "../../src/eservices/references.js";
import { cases } from "../../src/eservices/tables.js";
import { addDays, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

/**
 * The booking journey through the portal: the public centre page, days and
 * times, signing in, holding, checking and confirming; refusals in both
 * languages; other people's holds; the e-service step.
 */
let t: TestApp;
const db = () => t.db.database.db;
const SERVICE = "medical-commission-registration";
const CENTRE = "medical-commission-al-wakrah";

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
});
afterAll(() => t.close());

/** A bookable day a week or more ahead (past the demo's demand), and its free times as the radios carry them. */
async function freeDay(centreSlug = CENTRE): Promise<{ day: string; times: string[] }> {
  const centre = await centreBySlug(db(), centreSlug);
  if (!centre) throw new Error("no centre");
  const bookings = new Bookings(db());
  const days = (await bookings.days(centre)).filter((d) => d >= addDays(dohaToday(), 7));
  const day = days[0] as string;
  const times = (await bookings.freeTimes(centre, SERVICE, day))
    .filter((x) => x.free > 0)
    .map((x) => new Date(x.startsAt.getTime() + 3 * 3_600_000).toISOString().slice(11, 16));
  return { day, times };
}

const heldId = (location: unknown) => /\/appointments\/held\/([0-9a-f-]{36})$/.exec(String(location))?.[1] as string;

describe("choosing a centre (a public page)", () => {
  it("is the same for every anonymous visitor, sets no cookie and lists the nearest centres first", async () => {
    const path = `/en/appointments/${SERVICE}?area=al-wakrah`;
    const [a, b] = [await t.app.inject({ url: path }), await t.app.inject({ url: path })];
    expect(a.statusCode).toBe(200);
    expect(a.headers["set-cookie"]).toBeUndefined();
    expect(a.headers["cache-control"]).toMatch(/^public/);
    expect(a.body).toBe(b.body);
    const wakrah = a.body.indexOf("Medical Commission Centre – Al Wakrah");
    expect(wakrah).toBeGreaterThan(0);
    expect(wakrah).toBeLessThan(a.body.indexOf("Medical Commission Centre – Madinat Khalifa"));
    expect(a.body.indexOf("Opening hours")).toBeGreaterThan(0);
    expect(a.body).toContain(`href="/en/appointments/${SERVICE}/${CENTRE}"`);
    const ar = await t.app.inject({ url: `/appointments/${SERVICE}` });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain("اختر مركز الخدمة");
    expect(ar.body).toContain("الوكرة");
  });

  it("is not found for a service no centre offers, an unknown service or centre", async () => {
    for (const url of [
      "/en/appointments/no-such-service",
      "/en/appointments/apply-for-visitor-visa",
      `/en/appointments/${SERVICE}/no-such-centre`,
      `/en/appointments/${SERVICE}/interior-services-al-rayyan`,
      `/en/appointments/${SERVICE}/${CENTRE}/2001-01-01`,
    ]) {
      expect((await t.app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it("the service page links to booking, the same for everyone", async () => {
    const res = await t.app.inject({ url: `/en/services/${SERVICE}` });
    expect(res.body).toContain(`href="/en/appointments/${SERVICE}"`);
    expect(res.body).toContain("Book an appointment");
  });
});

describe("days and times (private, live)", () => {
  it("lists days with their free times, and a day's free times as radios", async () => {
    const days = await t.app.inject({ url: `/en/appointments/${SERVICE}/${CENTRE}` });
    expect(days.statusCode).toBe(200);
    expect(days.headers["cache-control"]).toBe("private, no-store");
    expect(days.body).toMatch(/\d+ free times/);
    const { day } = await freeDay();
    const times = await t.app.inject({ url: `/en/appointments/${SERVICE}/${CENTRE}/${day}` });
    expect(times.statusCode).toBe(200);
    expect(times.headers["cache-control"]).toBe("private, no-store");
    expect(times.body).toContain('type="radio"');
    expect(times.body).toContain('method="get"');
  });

  it("sends a person who is not signed in to sign in, and back to the chosen time", async () => {
    const { day, times } = await freeDay();
    const path = `/en/appointments/${SERVICE}/${CENTRE}/${day}?time=${times[0]}`;
    const res = await t.app.inject({ url: path });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/sign-in?returnTo=${encodeURIComponent(path)}`);
    const post = await new Client(t.app).post(`/en/appointments/${SERVICE}/${CENTRE}/${day}`, { time: times[0] as string });
    expect(post.statusCode).toBe(303);
    expect(String(post.headers.location)).toMatch(/^\/en\/sign-in\?returnTo=/);
  });
});

describe("holding, checking and confirming", () => {
  it("books a time: hold, check, confirm, the confirmation with its reference", async () => {
    const me = await signedInAs(t.app, "citizen");
    const { day, times } = await freeDay();
    const page = await me.get(`/en/appointments/${SERVICE}/${CENTRE}/${day}?time=${times[1]}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${times[1]}" checked`);
    const held = await me.post(`/en/appointments/${SERVICE}/${CENTRE}/${day}`, { time: times[1] as string });
    expect(held.statusCode).toBe(303);
    const id = heldId(held.headers.location);
    const check = await me.get(`/en/appointments/held/${id}`);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain("Check and confirm your appointment");
    expect(check.body).toContain("Al Wakrah");
    expect(check.body).toMatch(/for 10 minutes, until/);

    // Nobody else sees or confirms it.
    const other = await signedInAs(t.app, "resident");
    expect((await other.get(`/en/appointments/held/${id}`)).statusCode).toBe(404);
    await other.get(`/en/appointments/${SERVICE}/${CENTRE}/${day}`);
    expect((await other.post(`/en/appointments/held/${id}`, {})).statusCode).toBe(404);

    const confirmed = await me.post(`/en/appointments/held/${id}`, {});
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`/en/appointments/booked/${id}`);
    const done = await me.follow(confirmed);
    expect(done.statusCode).toBe(200);
    const booking = await bookingById(db(), id);
    expect(booking?.status).toBe("booked");
    expect(done.body).toContain(`<bdi class="reference-code" dir="ltr">${booking?.reference}</bdi>`);
    expect(done.body).toContain(`href="/en/my/appointments/${id}"`);
    expect((await other.get(`/en/appointments/booked/${id}`)).statusCode).toBe(404);

    // A second appointment for the same service is refused, with the reason, in either language.
    const again = await me.post(`/en/appointments/${SERVICE}/${CENTRE}/${day}`, { time: times[2] as string });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("error-summary");
    expect(again.body).toContain("You already have an appointment for this service");
    await me.get(`/appointments/${SERVICE}/${CENTRE}/${day}`);
    const againAr = await me.post(`/appointments/${SERVICE}/${CENTRE}/${day}`, { time: times[2] as string });
    expect(againAr.statusCode).toBe(409);
    expect(againAr.body).toContain("لديك موعد");
  });

  it("refuses a missing time (400), a time that is not a slot (409) and a post without the anti-forgery token (403)", async () => {
    const me = await signedInAs(t.app, "resident");
    const { day } = await freeDay("medical-commission-madinat-khalifa");
    const url = `/en/appointments/${SERVICE}/medical-commission-madinat-khalifa/${day}`;
    await me.get(url);
    const none = await me.post(url, {});
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('href="#time"');
    const odd = await me.post(url, { time: "07:07" });
    expect(odd.statusCode).toBe(409);
    expect(odd.body).toContain("You cannot book that time");
    const forged = await me.post(url, { _csrf: "forged", time: "07:00" });
    expect(forged.statusCode).toBe(403);
  });

  it("a hold that lapsed goes back to choosing a time, with the reason", async () => {
    const me = await signedInAs(t.app, "resident");
    const { day, times } = await freeDay("medical-commission-madinat-khalifa");
    const url = `/en/appointments/${SERVICE}/medical-commission-madinat-khalifa/${day}`;
    await me.get(url);
    const held = await me.post(url, { time: times[0] as string });
    const id = heldId(held.headers.location);
    await me.get(`/en/appointments/held/${id}`);
    await db()
      .update(appointmentBookings)
      .set({ holdExpiresAt: new Date(Date.now() - 60_000) })
      .where(eq(appointmentBookings.id, id));
    const late = await me.post(`/en/appointments/held/${id}`, {});
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain("it was not confirmed in time");
    expect(late.body).toContain("Choose a time");
    const back = await me.get(`/en/appointments/held/${id}`);
    expect(back.statusCode).toBe(303);
    expect(back.headers.location).toBe(`${url}?lapsed=1`);
    expect((await me.follow(back)).body).toContain("it was not confirmed in time");
  });
});

describe("the waiting list and the e-service step", () => {
  it("books for the person's own medical commission request, and refuses anyone else's", async () => {
    const citizen = await findUserByEmail(db(), demoEmails.resident);
    const caseId = randomUUID();
    const reference = newReference();
    await db()
      .insert(cases)
      .values({
        id: caseId,
        reference,
        draftId: randomUUID(),
        userId: citizen?.id as string,
        eservice: "medical-commission-appointment",
        version: 1,
        agency: "ministry-of-public-health",
        queue: "medical-commission",
        answers: {},
        status: "submitted",
        dueAt: new Date(Date.now() + 86_400_000),
      });
    const me = await signedInAs(t.app, "visitor");
    const { day, times } = await freeDay();
    const url = `/en/appointments/${SERVICE}/${CENTRE}/${day}`;
    await me.get(`${url}?case=${caseId}`);
    expect((await me.post(url, { time: times[3] as string, case: caseId })).statusCode).toBe(404);

    const owner = await signedInAs(t.app, "resident");
    const request = await owner.get(`/en/my/requests/${reference}`);
    expect(request.body).toContain(`href="/en/appointments/${SERVICE}?case=${caseId}"`);
    await owner.get(`${url}?case=${caseId}`);
    const held = await owner.post(url, { time: times[3] as string, case: caseId });
    expect(held.statusCode).toBe(303);
    const id = heldId(held.headers.location);
    expect((await bookingById(db(), id))?.caseId).toBe(caseId);
    await owner.get(`/en/appointments/held/${id}`);
    const done = await owner.follow(await owner.post(`/en/appointments/held/${id}`, {}));
    expect(done.body).toContain(`href="/en/my/requests/${reference}"`);
  });

  it("puts a signed-in person on a day's waiting list once", async () => {
    const me = await signedInAs(t.app, "citizen");
    const { day } = await freeDay();
    const url = `/en/appointments/${SERVICE}/${CENTRE}/${day}`;
    await me.get(url);
    const joined = await me.post(`${url}/waitlist`, {});
    expect(joined.statusCode).toBe(303);
    expect((await me.follow(joined)).body).toContain("You are on the waiting list for this day");
    const twice = await me.post(`${url}/waitlist`, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.body).toContain("You are already on the waiting list");
  });
});

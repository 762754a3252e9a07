import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/service.js";
import { dataAccessLog } from "../../src/accounts/tables.js";
import { newBookingReference } from "../../src/appointments/booking.js";
import { centreBySlug, closuresFrom } from "../../src/appointments/service.js";
import { appointmentBookings, appointmentSlots } from "../../src/appointments/tables.js";
import { auditLog } from "../../src/audit/tables.js";
import { addDays, dohaMoment, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import { Client } from "../support/client.js";
import { signInWith } from "../support/people.js";

/**
 * The agencies' appointments desk: each officer sees only their agencies'
 * centres and bookings; checking in by reference or QR code, no-shows,
 * closing and reopening a day, each audited; forms refused without the token.
 */
let t: TestApp;
const db = () => t.db.database.db;
const INTERIOR = "interior-services-al-rayyan";
const HEALTH = "medical-commission-al-wakrah";
const today = dohaToday();

async function as(who: "officer" | "citizen" | "editor"): Promise<Client> {
  return signInWith(new Client(t.app), `${who}@demo.hukoomi.example`);
}

/** A booked visit put straight in the tables (whatever the centre's hours and today's weekday), at a time off the demo's slots. */
async function visit(centreSlug: string, day: string, time: string, userId: string = randomUUID()) {
  const centre = await centreBySlug(db(), centreSlug);
  if (!centre) throw new Error("no centre");
  const service = centre.services[0]?.serviceSlug as string;
  const startsAt = dohaMoment(day, time);
  const slotId = randomUUID();
  await db()
    .insert(appointmentSlots)
    .values({ id: slotId, centreId: centre.id, serviceSlug: service, startsAt, places: 50, taken: 1 });
  const reference = newBookingReference();
  const checkInCode = randomBytes(18).toString("base64url");
  const [row] = await db()
    .insert(appointmentBookings)
    .values({
      id: randomUUID(),
      reference,
      checkInCode,
      userId,
      centreId: centre.id,
      serviceSlug: service,
      slotId,
      startsAt,
      minutes: 10,
      status: "booked",
    })
    .returning();
  return row as typeof appointmentBookings.$inferSelect;
}

const statusOf = async (id: string) =>
  (await db().select().from(appointmentBookings).where(eq(appointmentBookings.id, id)))[0]?.status;
const audited = (action: string, objectId: string) =>
  db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
}, 300_000);
afterAll(() => t.close());

describe("the appointments desk", { timeout: 120_000 }, () => {
  it("shows an officer their agencies' centres only, and staff of no centre nothing", async () => {
    const officer = await as("officer");
    const home = await officer.get("/en/workspace/appointments");
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain("Ministry of Interior Service Centre – Al Rayyan");
    expect(home.body).not.toContain("Medical Commission Centre");
    expect((await officer.get(`/en/workspace/appointments/${INTERIOR}/${today}`)).statusCode).toBe(200);
    expect((await officer.get(`/en/workspace/appointments/${HEALTH}/${today}`)).statusCode).toBe(404);
    expect((await officer.get(`/en/workspace/appointments/${HEALTH}/close`)).statusCode).toBe(404);
    const health = await visit(HEALTH, today, "10:01");
    expect((await officer.get(`/en/workspace/appointments/check-in?reference=${health.reference}`)).statusCode).toBe(404);
    expect((await officer.get(`/en/workspace/appointments/check-in?code=${health.checkInCode}`)).statusCode).toBe(404);
    expect((await (await as("citizen")).get("/en/workspace/appointments")).statusCode).toBe(403);
    expect((await (await as("editor")).get(`/en/workspace/appointments/${INTERIOR}/${today}`)).statusCode).toBe(403);
    expect((await new Client(t.app).get("/en/workspace/appointments/check-in")).statusCode).toBe(303);
    // The staff home links to the desk for officers.
    expect((await officer.get("/en/workspace")).body).toContain('href="/en/workspace/appointments"');
  });

  it("checks a person in by the reference as typed, or by the QR code's address, once, and only today", async () => {
    const officer = await as("officer");
    const citizen = await findUserByEmail(db(), "citizen@demo.hukoomi.example");
    const b = await visit(INTERIOR, today, "23:53", citizen?.id);
    // Lower case, without the dashes, in Arabic-Indic digits.
    const typed = b.reference
      .toLowerCase()
      .replace(/-/g, " ")
      .replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const found = await officer.get(`/en/workspace/appointments/check-in?reference=${encodeURIComponent(typed)}`);
    expect(found.statusCode).toBe(200);
    expect(found.body).toContain("Maryam Khalid Al-Sulaiti");
    expect(found.body).toContain(">Check in</button>");
    // The person sees in "Who used my data" that the desk looked their appointment up.
    const reads = await db()
      .select()
      .from(dataAccessLog)
      .where(eq(dataAccessLog.subjectId, citizen?.id as string));
    expect(reads.filter((r) => r.action === "accounts.access.appointmentOpened" && r.reference === b.reference)).toHaveLength(1);
    expect((await officer.get(`/workspace/appointments/check-in?code=${b.checkInCode}`)).body).toContain(b.reference);
    expect((await officer.post("/en/workspace/appointments/check-in", { _csrf: "", reference: b.reference })).statusCode).toBe(
      403,
    );
    expect(await statusOf(b.id)).toBe("booked");
    await officer.get(`/en/workspace/appointments/check-in?reference=${b.reference}`);
    const done = await officer.post("/en/workspace/appointments/check-in", { reference: b.reference });
    expect(done.statusCode).toBe(303);
    expect((await officer.follow(done)).body).toContain(`${b.reference}</bdi> is checked in`.replace("</bdi>", ""));
    expect(await statusOf(b.id)).toBe("checked-in");
    expect(await audited("appointment.checked-in", b.reference)).toHaveLength(1);
    const bad = await officer.get("/en/workspace/appointments/check-in?reference=AP-12");
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Enter the reference as it is on the booking");
    const tomorrow = await visit(INTERIOR, addDays(today, 1), "09:07");
    await officer.get(`/en/workspace/appointments/check-in?reference=${tomorrow.reference}`);
    const early = await officer.post("/en/workspace/appointments/check-in", { reference: tomorrow.reference });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain('class="error-summary"');
    expect(early.body).toContain("This appointment is not today");
  });

  it("lists the day by time and counter, and marks a past visit nobody came to", async () => {
    const officer = await as("officer");
    const yesterday = addDays(today, -1);
    const past = await visit(INTERIOR, yesterday, "08:03");
    const day = await officer.get(`/en/workspace/appointments/${INTERIOR}/${yesterday}`);
    expect(day.statusCode).toBe(200);
    expect(day.body).toContain(past.reference);
    expect(day.body).toContain(`href="/en/workspace/appointments/${INTERIOR}/${addDays(yesterday, -1)}"`);
    const marked = await officer.post(`/en/workspace/appointments/${INTERIOR}/${yesterday}/no-show`, { booking: past.id });
    expect(marked.statusCode).toBe(303);
    expect(await statusOf(past.id)).toBe("no-show");
    expect(await audited("appointment.no-show", past.reference)).toHaveLength(1);
    const later = await visit(INTERIOR, addDays(today, 2), "09:01");
    await officer.get(`/en/workspace/appointments/${INTERIOR}/${addDays(today, 2)}`);
    const early = await officer.post(`/en/workspace/appointments/${INTERIOR}/${addDays(today, 2)}/no-show`, {
      booking: later.id,
    });
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain("time has not passed yet");
    // The day picker goes to the day typed, and refuses what is not a date.
    const picked = await officer.get(`/en/workspace/appointments/${INTERIOR}?day=${yesterday}&counter=2`);
    expect(picked.headers.location).toBe(`/en/workspace/appointments/${INTERIOR}/${yesterday}?counter=2`);
    const wrong = await officer.get(`/en/workspace/appointments/${INTERIOR}?day=tomorrow`);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("Enter a date, for example 2026-12-20");
  });

  it("closes a centre for a day after saying how many visits it cancels, audited, and reopens it", async () => {
    const officer = await as("officer");
    const day = addDays(today, 3);
    const booked = [await visit(INTERIOR, day, "09:01"), await visit(INTERIOR, day, "09:11")];
    expect((await officer.get(`/en/workspace/appointments/${INTERIOR}/close?day=${day}`)).statusCode).toBe(200);
    const base = `/en/workspace/appointments/${INTERIOR}/close`;
    const reason = { reasonAr: "انقطاع الكهرباء", reasonEn: "Power cut" };
    const bad = await officer.post(`${base}/confirm`, { day: "2020-01-01", ...reason, reasonEn: "" });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Choose today or a later day");
    expect(bad.body).toContain("Say why in English");
    const confirm = await officer.post(`${base}/confirm`, { day, ...reason });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toMatch(/\d+ visits booked on this day will be cancelled/);
    expect((await officer.post(base, { _csrf: "", day, ...reason })).statusCode).toBe(403);
    const closed = await officer.post(base, { day, ...reason });
    expect(closed.statusCode).toBe(303);
    for (const b of booked) expect(await statusOf(b.id)).toBe("cancelled");
    const centre = await centreBySlug(db(), INTERIOR);
    expect((await closuresFrom(db(), centre?.id as string, day))[0]).toEqual({
      day,
      reason: { ar: "انقطاع الكهرباء", en: "Power cut" },
    });
    const entry = (await audited("appointment.day-closed", INTERIOR))[0];
    expect(entry?.after).toMatchObject({ day, reason: { en: "Power cut" } });
    expect((entry?.after as { cancelled?: string[] } | undefined)?.cancelled).toEqual(
      expect.arrayContaining(booked.map((b) => b.reference)),
    );
    const page = await officer.follow(closed);
    expect(page.body).toContain("The centre is closed on this day");
    const reopened = await officer.post(`/en/workspace/appointments/${INTERIOR}/reopen`, { day });
    expect(reopened.statusCode).toBe(303);
    expect((await closuresFrom(db(), centre?.id as string, day)).filter((c) => c.day === day)).toEqual([]);
    expect(await audited("appointment.day-reopened", INTERIOR)).toHaveLength(1);
    // Another agency's centre cannot be closed.
    expect((await officer.post(`/en/workspace/appointments/${HEALTH}/close`, { day, ...reason })).statusCode).toBe(404);
  });
});

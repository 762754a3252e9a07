import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { findUserByEmail } from "../../src/accounts/repository.js";
import { Bookings } from "../../src/appointments/booking.js";
import { writeCentre } from "../../src/appointments/centres.js";
import { appointmentTell } from "../../src/appointments/notices.js";
import { AppointmentReminders } from "../../src/appointments/reminders.js";
import { type Booking, bookingById, centreBySlug } from "../../src/appointments/repository.js";
import { appointmentBookings } from "../../src/appointments/tables.js";
import { Notifier } from "../../src/notifications/notifier.js";
import { notifications, outboxMessages } from "../../src/notifications/tables.js";
import { addDays, dohaMoment, dohaToday } from "../../src/platform/time/doha.js";
import { createTestApp, type TestApp } from "../support/app.js";
import type { Client } from "../support/client.js";
import { demoEmails, signedInAs } from "../support/people.js";

/**
 * After a booking, for the person: My Hukoomi's section, My appointments,
 * an appointment's page with its QR code and calendar file, moving and
 * cancelling (and the cut-off), confirming a held place, what they are told.
 * Bookings are made through the booking service at a test centre open day
 * and night, so a time within the cut-off always exists.
 */
let t: TestApp;
const db = () => t.db.database.db;
let bookings: Bookings;
let citizen: Client;
let citizenId = "";
const SERVICE = "medical-commission-registration";
const SERVICE_AR = "التسجيل في الفحص الطبي للإقامة (الكومسيون الطبي)";
const SERVICE_EN = "Register for the residence medical examination";
const day = (n: number) => addDays(dohaToday(), n);

async function userId(email: string): Promise<string> {
  const user = await findUserByEmail(db(), email);
  if (!user) throw new Error(`no ${email}`);
  return user.id;
}

async function book(who: string, startsAt: Date, locale = "ar"): Promise<Booking> {
  const held = await bookings.hold({ userId: who, centreSlug: "test-all-day", serviceSlug: SERVICE, startsAt, locale });
  return bookings.confirm(who, held.id);
}

async function eventsOf(who: string) {
  return db().select().from(notifications).where(eq(notifications.userId, who));
}

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await loadDemoPeople(db());
  const allDay = ["00:00-24:00"];
  await writeCentre(db(), "ministry-of-public-health", {
    slug: "test-all-day",
    name: { ar: "مركز الاختبار", en: "Test Centre" },
    address: { ar: "شارع الاختبار، الدوحة", en: "Test Street, Doha" },
    area: "doha",
    mapUrl: "https://www.openstreetmap.org/?mlat=25.3&mlon=51.5",
    hours: { "0": allDay, "1": allDay, "2": allDay, "3": allDay, "4": allDay, "5": allDay, "6": allDay },
    bookAheadDays: 30,
    changeCutoffHours: 2,
    published: true,
    services: [{ serviceSlug: SERVICE, minutes: 15, counters: 1, perPerson: 4 }],
  });
  bookings = new Bookings(db(), appointmentTell(new Notifier(t.baseUrl)));
  citizen = await signedInAs(t.app, "citizen");
  citizenId = await userId(demoEmails.citizen);
});
afterAll(() => t.close());

describe("a person's appointments", () => {
  let a: Booking;
  beforeAll(async () => {
    a = await book(citizenId, dohaMoment(day(3), "09:00"));
  });

  it("My Hukoomi lists the booking with its service, centre, day and time, linking to it", async () => {
    const res = await citizen.get("/en/my");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("My appointments");
    expect(res.body).toContain(SERVICE_EN);
    expect(res.body).toContain("Test Centre");
    expect(res.body).toContain(`href="/en/my/appointments/${a.id}"`);
    expect(res.body).toContain("09:00");
    expect((await citizen.get("/my")).body).toContain(SERVICE_AR);
  });

  it("My appointments lists it among those coming up", async () => {
    const res = await citizen.get("/en/my/appointments");
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("no-store");
    expect(res.body).toContain("Coming up");
    expect(res.body).toContain(`/en/my/appointments/${a.id}`);
  });

  it("shows the appointment: reference, place, time, what to bring, the QR code for the counter and the actions", async () => {
    const res = await citizen.get(`/en/my/appointments/${a.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`<bdi class="reference-code" dir="ltr">${a.reference}</bdi>`);
    expect(res.body).toContain("Test Street, Doha");
    expect(res.body).toContain("https://www.openstreetmap.org/?mlat=25.3&amp;mlon=51.5");
    expect(res.body).toContain("15 minutes");
    expect(res.body).toContain("A copy of the passport of the person being examined");
    expect(res.body).toMatch(/role="img" aria-label="QR code of appointment [^"]+"><svg aria-hidden="true"/);
    expect(res.body).toContain(`/en/my/appointments/${a.id}/calendar.ics`);
    expect(res.body).toContain(`/en/my/appointments/${a.id}/move`);
    expect(res.body).toContain(`/en/my/appointments/${a.id}/cancel`);
    const ar = await citizen.get(`/my/appointments/${a.id}`);
    expect(ar.body).toContain("ما تحضره معك");
    expect(ar.body).toContain("مركز الاختبار");
  });

  it("gives a calendar file in Doha's time zone, in the language of the booking", async () => {
    const res = await citizen.get(`/en/my/appointments/${a.id}/calendar.ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="${a.reference}.ics"`);
    expect(res.headers["cache-control"]).toBe("private, no-store");
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const zone = calendar.getFirstSubcomponent("vtimezone");
    if (zone) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
    const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
    expect(event.startDate.zone?.tzid).toBe("Asia/Qatar");
    expect(event.startDate.toJSDate().toISOString()).toBe(a.startsAt.toISOString());
    expect(event.endDate.toJSDate().getTime() - a.startsAt.getTime()).toBe(15 * 60_000);
    expect(event.summary).toContain(SERVICE_AR);
    expect(event.location).toContain("مركز الاختبار");
  });

  it("moves it: a day, then one of its free times; a taken time is refused on the same page", async () => {
    const dayPage = await citizen.get(`/en/my/appointments/${a.id}/move`);
    expect(dayPage.statusCode).toBe(200);
    expect(dayPage.body).toContain(`<option value="${day(4)}"`);
    const times = await citizen.get(`/en/my/appointments/${a.id}/move?day=${day(4)}`);
    expect(times.body).toContain('value="10:00"');
    // Someone else takes 10:15 (the slot has one place): moving there is refused with the form.
    await book(await userId(demoEmails.resident), dohaMoment(day(4), "10:15"));
    const full = await citizen.post(`/en/my/appointments/${a.id}/move`, { day: day(4), time: "10:15" });
    expect(full.statusCode).toBe(409);
    expect(full.body).toContain("error-summary");
    expect(full.body).toContain("That time has just been taken");
    const missing = await citizen.post(`/en/my/appointments/${a.id}/move`, { day: day(4) });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain("Choose a time");
    const moved = await citizen.post(`/en/my/appointments/${a.id}/move`, { day: day(4), time: "10:00" });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`/en/my/appointments/${a.id}?done=moved`);
    expect((await bookingById(db(), a.id))?.startsAt.toISOString()).toBe(dohaMoment(day(4), "10:00").toISOString());
    expect((await citizen.get(moved.headers.location as string)).body).toContain("Your appointment has been moved");
  });

  it("cancels it after a confirmation step; it is then listed among the earlier ones", async () => {
    const step = await citizen.get(`/en/my/appointments/${a.id}/cancel`);
    expect(step.statusCode).toBe(200);
    expect(step.body).toContain("Cancel your appointment?");
    const done = await citizen.post(`/en/my/appointments/${a.id}/cancel`, {});
    expect(done.statusCode).toBe(303);
    expect((await bookingById(db(), a.id))?.status).toBe("cancelled");
    const list = await citizen.get("/en/my/appointments");
    expect(list.body).toMatch(/Earlier appointments[\s\S]*Cancelled/);
    const again = await citizen.post(`/en/my/appointments/${a.id}/cancel`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("This appointment is no longer active.");
  });

  it("tells the person of the booking, the move and the cancellation, in the booking's language, by email and text", async () => {
    const told = (await eventsOf(citizenId)).filter((n) => n.link === `/my/appointments/${a.id}`).map((n) => n.event);
    expect(told).toEqual(["appointment-booked", "appointment-moved", "appointment-cancelled"]);
    const [moved] = (await eventsOf(citizenId)).filter((n) => n.event === "appointment-moved");
    const messages = await db()
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.notificationId, moved?.id ?? ""));
    expect(messages.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(messages.every((m) => m.locale === "ar")).toBe(true);
    expect(messages.find((m) => m.channel === "email")?.body).toContain("مركز الاختبار");
  });
});

describe("the cut-off", () => {
  it("says it is too late, with no forms, and refuses moving and cancelling with a message", async () => {
    // The first quarter-hour at least 20 minutes ahead: inside the two hours' cut-off.
    const soon = new Date(Math.ceil((Date.now() + 20 * 60_000) / 900_000) * 900_000);
    const b = await book(citizenId, soon, "en");
    const page = await citizen.get(`/en/my/appointments/${b.id}`);
    expect(page.body).toContain("until 2 hours before they start");
    expect(page.body).not.toContain(`/my/appointments/${b.id}/move`);
    const move = await citizen.get(`/en/my/appointments/${b.id}/move`);
    expect(move.body).toContain("It is too late to change this appointment online");
    expect(/<main[\s\S]*<\/main>/.exec(move.body)?.[0]).not.toContain("<form");
    const refused = await citizen.post(`/en/my/appointments/${b.id}/move`, { day: day(5), time: "09:00" });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("It is too late to change or cancel this appointment");
    const cancel = await citizen.post(`/en/my/appointments/${b.id}/cancel`, {});
    expect(cancel.statusCode).toBe(409);
    expect(cancel.body).toContain("error-summary");
    expect((await bookingById(db(), b.id))?.status).toBe("booked");
  });
});

describe("a place held and not yet confirmed", () => {
  it("links to the booking pages' step that confirms it", async () => {
    const held = await bookings.hold({
      userId: citizenId,
      centreSlug: "test-all-day",
      serviceSlug: SERVICE,
      startsAt: dohaMoment(day(6), "11:00"),
      locale: "ar",
    });
    const page = await citizen.get(`/my/appointments/${held.id}`);
    expect(page.body).toContain("لم يُؤكَّد بعد");
    expect(page.body).toContain(`href="/appointments/held/${held.id}"`);
    await citizen.get(`/appointments/held/${held.id}`);
    const done = await citizen.post(`/appointments/held/${held.id}`, {});
    expect(done.statusCode).toBe(303);
    expect((await bookingById(db(), held.id))?.status).toBe("booked");
    await bookings.cancel(citizenId, held.id);
  });
});

describe("someone else's appointment", () => {
  it("is not found at any of its addresses, read or posted", async () => {
    const b = await book(citizenId, dohaMoment(day(7), "08:00"));
    const resident = await signedInAs(t.app, "resident");
    await resident.get("/en/my/appointments");
    for (const path of ["", "/calendar.ics", "/move", `/move?day=${day(8)}`, "/cancel"]) {
      expect((await resident.get(`/en/my/appointments/${b.id}${path}`)).statusCode, path).toBe(404);
    }
    await resident.get("/en/my/profile");
    for (const [path, fields] of [
      ["/move", { day: day(8), time: "08:00" }],
      ["/cancel", {}],
    ] as const) {
      expect((await resident.post(`/en/my/appointments/${b.id}${path}`, fields)).statusCode, path).toBe(404);
    }
    expect((await resident.get(`/en/my/appointments/${randomUUID()}`)).statusCode).toBe(404);
    expect((await resident.get("/en/my/appointments/not-an-id")).statusCode).toBe(404);
    const after = await bookingById(db(), b.id);
    expect(after?.status).toBe("booked");
    expect(after?.startsAt.toISOString()).toBe(b.startsAt.toISOString());
  });

  it("a post without the anti-forgery token is refused and changes nothing", async () => {
    const [b] = await db()
      .select()
      .from(appointmentBookings)
      .where(and(eq(appointmentBookings.userId, citizenId), eq(appointmentBookings.status, "booked")));
    const res = await citizen.post(`/en/my/appointments/${b?.id}/cancel`, { _csrf: "" });
    expect(res.statusCode).toBe(403);
    expect((await bookingById(db(), b?.id as string))?.status).toBe("booked");
  });
});

describe("a centre closing for a day", () => {
  it("tells each person booked, with the reason and the first free times there", async () => {
    const closedDay = day(9);
    const b = await book(citizenId, dohaMoment(closedDay, "12:00"));
    const centre = await centreBySlug(db(), "test-all-day");
    if (!centre) throw new Error("no centre");
    await bookings.closeDay(centre, closedDay, { ar: "أعمال صيانة", en: "Maintenance works" });
    const [note] = (await eventsOf(citizenId)).filter((n) => n.event === "appointment-closed");
    expect(note?.link).toBe(`/appointments/${SERVICE}/test-all-day`);
    const [email] = await db()
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.notificationId, note?.id ?? ""));
    expect(email?.body).toContain("أعمال صيانة");
    expect(email?.body).toContain("أقرب الأوقات المتاحة هناك");
    expect((await bookingById(db(), b.id))?.status).toBe("cancelled");
    expect((await citizen.get(`/my/appointments/${b.id}`)).body).toContain("أُغلق المركز في هذا اليوم");
  });
});

describe("the waiting list", () => {
  it("tells the first person waiting that a place is kept for them, and until when", async () => {
    const waiting = await userId(demoEmails.officer);
    const resident = await userId(demoEmails.resident);
    const b = await book(resident, dohaMoment(day(14), "10:00"));
    const centre = await centreBySlug(db(), "test-all-day");
    if (!centre) throw new Error("no centre");
    await bookings.joinWaitlist(waiting, centre, SERVICE, day(14), "en");
    await bookings.cancel(resident, b.id);
    const [offer] = (await eventsOf(waiting)).filter((n) => n.event === "appointment-offered");
    expect(offer?.values.until).toBeTruthy();
    const [email] = await db()
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.notificationId, offer?.id ?? ""));
    expect(email?.subject).toBe(`A place has come free for you: ${SERVICE_EN}`);
    expect(email?.body).toContain("we are keeping it for you until");
  });
});

describe("reminders", () => {
  it("sends the day-before and the two-hours-before reminders once each, in the booking's language", async () => {
    const visitor = await userId(demoEmails.visitor);
    const startsAt = dohaMoment(day(12), "10:00");
    const b = await book(visitor, startsAt, "en");
    // Booked well ahead; and a booking of the demo's demand, whose person has no account.
    const stranger = await book(randomUUID(), dohaMoment(day(12), "10:15"));
    await db()
      .update(appointmentBookings)
      .set({ createdAt: new Date(Date.now() - 3 * 86_400_000) })
      .where(eq(appointmentBookings.id, b.id));
    const dayBefore = new Date(startsAt.getTime() - 20 * 3_600_000);
    // Two instances at once: the booking is claimed by one of them.
    const other = new AppointmentReminders(db(), new Notifier(t.baseUrl), t.app.log);
    const passes = await Promise.all([t.app.appointmentReminders.runOnce(dayBefore), other.runOnce(dayBefore)]);
    expect(passes.reduce((n, p) => n + p.dayBefore, 0)).toBe(1);
    expect(await t.app.appointmentReminders.runOnce(dayBefore)).toEqual({ dayBefore: 0, hoursBefore: 0 });
    const soon = new Date(startsAt.getTime() - 90 * 60_000);
    expect(await t.app.appointmentReminders.runOnce(soon)).toEqual({ dayBefore: 0, hoursBefore: 1 });
    expect(await t.app.appointmentReminders.runOnce(soon)).toEqual({ dayBefore: 0, hoursBefore: 0 });
    const told = (await eventsOf(visitor)).filter((n) => n.event.startsWith("appointment-reminder"));
    expect(told.map((n) => n.event)).toEqual(["appointment-reminder-day", "appointment-reminder-soon"]);
    const sent = await db()
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.notificationId, told[0]?.id ?? ""));
    expect(sent.map((m) => m.channel).sort()).toEqual(["email", "sms"]);
    expect(sent.every((m) => m.locale === "en")).toBe(true);
    expect(sent.find((m) => m.channel === "email")?.subject).toContain("Reminder: your appointment");
    const strangerNow = await db().select().from(appointmentBookings).where(eq(appointmentBookings.id, stranger.id));
    expect(strangerNow[0]?.remindedHoursBefore).toBe(true);
    expect(await eventsOf(stranger.userId)).toEqual([]);
  });
});

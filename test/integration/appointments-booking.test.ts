import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BookingEvent, BookingRefused, Bookings } from "../../src/appointments/booking.js";
import { writeCentre } from "../../src/appointments/centres.js";
import { type Booking, centreBySlug, overbookedSlots } from "../../src/appointments/repository.js";
import { type Database, openDatabase } from "../../src/platform/db/client.js";
import { addDays, dohaMoment, dohaToday } from "../../src/platform/time/doha.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

/**
 * Booking under concurrency, on the database the suite runs on: on
 * PostgreSQL many connections at once (a pool of 24), on PGlite one after
 * another. The places are counted by the database, so the outcome is the
 * same either way: never more bookings than places.
 */
let test: TestDatabase;
let wide: Database;
const told: { event: BookingEvent; booking: Booking }[] = [];

/** A Sunday two weeks ahead, at 06:00 in Doha: the clock the tests book at. */
function nextSunday(): string {
  let day = addDays(dohaToday(), 14);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 0) day = addDays(day, 1);
  return day;
}
const sunday = nextSunday();
let now = dohaMoment(addDays(sunday, -1), "06:00");
const clock = () => now;
const at = (time: string, day = sunday) => dohaMoment(day, time);

let bookings: Bookings;
const person = () => randomUUID();

async function settled<T>(work: Promise<T>[]): Promise<{ ok: T[]; refused: string[] }> {
  const results = await Promise.allSettled(work);
  const ok: T[] = [];
  const refused: string[] = [];
  for (const r of results) {
    if (r.status === "fulfilled") ok.push(r.value);
    else if (r.reason instanceof BookingRefused) refused.push(r.reason.reason);
    else throw r.reason;
  }
  return { ok, refused };
}

beforeAll(async () => {
  test = await createTestDatabase();
  wide = test.url ? await openDatabase({ url: test.url, poolSize: 24 }) : test.database;
  const hours = { "0": ["07:00-09:00"], "1": ["07:00-09:00"], "2": [], "3": [], "4": [], "5": [], "6": ["08:00-10:00"] };
  for (const [slug, agency] of [
    ["test-centre", "ministry-of-public-health"],
    ["other-centre", "ministry-of-interior"],
  ] as const) {
    await writeCentre(test.database.db, agency, {
      slug,
      name: { ar: "مركز", en: "Centre" },
      address: { ar: "", en: "" },
      area: "doha",
      mapUrl: "",
      hours,
      bookAheadDays: 30,
      changeCutoffHours: 2,
      published: true,
      services: [
        { serviceSlug: "medical-commission-registration", minutes: 15, counters: 3, perPerson: 1 },
        { serviceSlug: "eye-test", minutes: 30, counters: 1, perPerson: 2 },
        { serviceSlug: "fingerprinting", minutes: 10, counters: 2, perPerson: 3 },
      ],
    });
  }
  bookings = new Bookings(
    wide.db,
    async (_tx, event, booking) => {
      told.push({ event, booking });
    },
    clock,
  );
});
afterAll(async () => {
  if (wide !== test.database) await wide.close();
  await test.drop();
});

const centre = async (slug = "test-centre") => {
  const c = await centreBySlug(test.database.db, slug);
  if (!c) throw new Error("no centre");
  return c;
};
const hold = (
  userId: string,
  time: string,
  service = "medical-commission-registration",
  day = sunday,
  centreSlug = "test-centre",
) => bookings.hold({ userId, centreSlug, serviceSlug: service, startsAt: at(time, day), locale: "ar" });
const book = async (userId: string, time: string, service?: string, day = sunday) =>
  bookings.confirm(userId, (await hold(userId, time, service, day)).id);

describe("free times", () => {
  it("cuts the opening hours into the service's slots, each with its places", async () => {
    const times = await bookings.freeTimes(await centre(), "medical-commission-registration", sunday);
    expect(times.map((t) => t.startsAt.toISOString())).toEqual(
      ["07:00", "07:15", "07:30", "07:45", "08:00", "08:15", "08:30", "08:45"].map((t) => at(t).toISOString()),
    );
    expect(times.every((t) => t.free === 3 && t.places === 3)).toBe(true);
    expect(await bookings.freeTimes(await centre(), "medical-commission-registration", addDays(sunday, 2))).toEqual([]);
  });

  it("refuses a time that is not one of the slots, outside the hours, in the past or beyond the days people may book", async () => {
    const refusals = await settled([
      hold(person(), "07:05"),
      hold(person(), "09:00"),
      hold(person(), "07:00", undefined, addDays(sunday, 2)),
      hold(person(), "07:00", undefined, addDays(sunday, -7)),
      hold(person(), "07:00", undefined, addDays(sunday, 35)),
    ]);
    expect(refusals.refused).toEqual(["not-bookable", "not-bookable", "not-bookable", "not-bookable", "not-bookable"]);
  });
});

describe("never two people in one place", () => {
  it("lets exactly as many people as there are places book the last places of a slot at once", async () => {
    const people = Array.from({ length: 30 }, person);
    const { ok, refused } = await settled(people.map((p) => book(p, "07:00")));
    expect(ok).toHaveLength(3);
    expect(refused).toEqual(Array(27).fill("full"));
    const slot = (await bookings.freeTimes(await centre(), "medical-commission-registration", sunday))[0];
    expect(slot?.free).toBe(0);
    expect(await overbookedSlots(test.database.db)).toBe(0);
  });

  it("keeps every slot within its places while moves, cancellations and new bookings interleave", async () => {
    const first = await Promise.all(
      Array.from({ length: 3 }, () => person()).map(async (p) => ({ p, b: await book(p, "07:30") })),
    );
    const second = await Promise.all(
      Array.from({ length: 2 }, () => person()).map(async (p) => ({ p, b: await book(p, "07:45") })),
    );
    const newcomers = Array.from({ length: 12 }, person);
    const work: Promise<unknown>[] = [
      // The three at 07:30 try to move to 07:45, which has one place left; one of the two at 07:45 cancels, another moves to 07:30.
      ...first.map(({ p, b }) => bookings.move(p, b.id, at("07:45"))),
      bookings.cancel(second[0]?.p as string, second[0]?.b.id as string),
      bookings.move(second[1]?.p as string, second[1]?.b.id as string, at("07:30")),
      // Meanwhile newcomers try for both times.
      ...newcomers.map((p, i) => book(p, i % 2 ? "07:30" : "07:45")),
    ];
    await settled(work);
    expect(await overbookedSlots(test.database.db)).toBe(0);
    const times = await bookings.freeTimes(await centre(), "medical-commission-registration", sunday);
    for (const t of times) expect(t.free).toBeGreaterThanOrEqual(0);
  });
});

describe("fair use", () => {
  it("allows one active visit per person per service, unless the service allows more", async () => {
    const p = person();
    await book(p, "08:00");
    await expect(hold(p, "08:15")).rejects.toMatchObject({ reason: "per-person" });
    await book(p, "07:00", "eye-test");
    await book(p, "07:30", "eye-test");
    await expect(hold(p, "08:00", "eye-test")).rejects.toMatchObject({ reason: "per-person" });
  });

  it("lets a person hold one time at once: choosing another lets the first go", async () => {
    const p = person();
    const first = await hold(p, "08:30");
    const second = await hold(p, "08:45");
    await expect(bookings.confirm(p, first.id)).rejects.toMatchObject({ reason: "not-active" });
    expect((await bookings.confirm(p, second.id)).status).toBe("booked");
  });

  it("limits how many visits one person holds across services", async () => {
    const p = person();
    await book(p, "08:00", "eye-test");
    await book(p, "08:30", "eye-test");
    await bookings.confirm(
      p,
      (
        await bookings.hold({
          userId: p,
          centreSlug: "other-centre",
          serviceSlug: "medical-commission-registration",
          startsAt: at("08:00"),
          locale: "en",
        })
      ).id,
    );
    await book(p, "08:10", "fingerprinting");
    // Four visits: a second fingerprinting visit (the service allows three) is one too many across services.
    await expect(hold(p, "08:20", "fingerprinting")).rejects.toMatchObject({ reason: "too-many" });
  });
});

describe("holds, moves and cancellations", () => {
  const monday = addDays(sunday, 1);

  it("lets a hold lapse: its place is free again and it can no longer be confirmed", async () => {
    const p = person();
    const h = await hold(p, "07:00", "eye-test", monday);
    const later = now;
    now = new Date(now.getTime() + 11 * 60_000);
    try {
      const times = await bookings.freeTimes(await centre(), "eye-test", monday);
      expect(times[0]?.free).toBe(1);
      await expect(bookings.confirm(p, h.id)).rejects.toMatchObject({ reason: "hold-expired" });
      // Someone else takes the place the lapsed hold kept.
      await book(person(), "07:00", "eye-test", monday);
      expect(await overbookedSlots(test.database.db)).toBe(0);
    } finally {
      now = later;
    }
  });

  it("moves and cancels until the cut-off, not after", async () => {
    const p = person();
    const b = await bookings.confirm(p, (await hold(p, "07:00", undefined, monday)).id);
    const moved = await bookings.move(p, b.id, at("08:00", monday));
    expect(moved.reference).toBe(b.reference);
    expect(moved.startsAt.toISOString()).toBe(at("08:00", monday).toISOString());
    const later = now;
    now = dohaMoment(monday, "06:30");
    try {
      await expect(bookings.move(p, b.id, at("08:30", monday))).rejects.toMatchObject({ reason: "too-late" });
      await expect(bookings.cancel(p, b.id)).rejects.toMatchObject({ reason: "too-late" });
    } finally {
      now = later;
    }
    expect((await bookings.cancel(p, b.id)).status).toBe("cancelled");
    expect(told.filter((t) => t.booking.id === b.id).map((t) => t.event)).toEqual(["booked", "moved", "cancelled"]);
  });

  it("never lets one person touch another's booking", async () => {
    const b = await book(person(), "08:15");
    await expect(bookings.cancel(person(), b.id)).rejects.toMatchObject({ statusCode: 404 });
    await expect(bookings.move(person(), b.id, at("08:30"))).rejects.toMatchObject({ statusCode: 404 });
  });
});

describe("the waiting list", () => {
  it("offers a freed place to the first person waiting for that day", async () => {
    const saturday = addDays(sunday, 6);
    const [a, b, c, w] = [person(), person(), person(), person()];
    // a, b and c already have their medical commission visit on another day: they cannot take a second.
    for (const p of [a, b, c]) await book(p, "08:30", undefined, addDays(sunday, 8));
    await expect(hold(a as string, "08:00", undefined, saturday)).rejects.toMatchObject({ reason: "per-person" });
    const full = await Promise.all(
      Array.from({ length: 24 }, () => person()).map(async (p, i) => {
        const h = await hold(
          p,
          ["08:00", "08:15", "08:30", "08:45", "09:00", "09:15", "09:30", "09:45"][i % 8] as string,
          undefined,
          saturday,
        );
        return { p, b: await bookings.confirm(p, h.id) };
      }),
    );
    await bookings.joinWaitlist(w, await centre(), "medical-commission-registration", saturday, "en");
    await expect(
      bookings.joinWaitlist(w, await centre(), "medical-commission-registration", saturday, "en"),
    ).rejects.toMatchObject({
      reason: "already-waiting",
    });
    const leaving = full[5] as { p: string; b: Booking };
    await bookings.cancel(leaving.p, leaving.b.id);
    const offer = told.find((t) => t.event === "offered" && t.booking.userId === w);
    expect(offer?.booking.status).toBe("held");
    expect(offer?.booking.startsAt.toISOString()).toBe(leaving.b.startsAt.toISOString());
    expect((await bookings.confirm(w, offer?.booking.id as string)).status).toBe("booked");
    expect(await overbookedSlots(test.database.db)).toBe(0);
  });

  it("passes a place the person offered declines to the next person waiting, never back to them", async () => {
    const nextSaturday = addDays(sunday, 13);
    const [x, first, next] = [person(), person(), person()];
    const visit = await book(x, "08:00", "eye-test", nextSaturday);
    for (const p of [first, next]) await bookings.joinWaitlist(p, await centre(), "eye-test", nextSaturday, "ar");
    await bookings.cancel(x, visit.id);
    const offered = told.filter((t) => t.event === "offered" && t.booking.startsAt.getTime() === visit.startsAt.getTime());
    expect(offered.map((t) => t.booking.userId)).toEqual([first]);
    await bookings.cancel(first, (offered[0] as { booking: Booking }).booking.id);
    const after = told.filter((t) => t.event === "offered" && t.booking.startsAt.getTime() === visit.startsAt.getTime());
    expect(after.map((t) => t.booking.userId)).toEqual([first, next]);
    expect(await overbookedSlots(test.database.db)).toBe(0);
  });
});

describe("at the centre", () => {
  it("checks people in on the day, only at the agency's own centres, and marks no-shows once the time has passed", async () => {
    const monday = addDays(sunday, 1);
    const p = person();
    const b = await bookings.confirm(p, (await hold(p, "08:45", undefined, monday)).id);
    await expect(bookings.checkIn(["ministry-of-public-health"], b)).rejects.toMatchObject({ reason: "not-today" });
    const later = now;
    now = dohaMoment(monday, "08:40");
    try {
      await expect(bookings.checkIn(["ministry-of-interior"], b)).rejects.toMatchObject({ statusCode: 404 });
      await expect(bookings.markNoShow(["ministry-of-public-health"], b.id)).rejects.toMatchObject({ reason: "not-yet-over" });
      expect((await bookings.checkIn(["ministry-of-public-health"], b)).status).toBe("checked-in");
      const q = person();
      now = dohaMoment(sunday, "06:00");
      const other = await bookings.confirm(q, (await hold(q, "08:30", undefined, monday)).id);
      now = dohaMoment(monday, "09:00");
      expect((await bookings.markNoShow(["ministry-of-public-health"], other.id)).status).toBe("no-show");
    } finally {
      now = later;
    }
  });

  it("closing a day cancels its bookings, frees their places and tells each person", async () => {
    const nextSunday = addDays(sunday, 7);
    const kept = [await book(person(), "07:00", "eye-test", nextSunday), await book(person(), "07:30", "eye-test", nextSunday)];
    // A hold on that day is let go too, without telling anyone (nothing was booked).
    await hold(person(), "07:15", undefined, nextSunday);
    const cancelled = await bookings.closeDay(await centre(), nextSunday, { ar: "صيانة", en: "Maintenance" });
    expect(cancelled.map((b) => b.id).sort()).toEqual(kept.map((b) => b.id).sort());
    expect(cancelled.every((b) => b.status === "cancelled" && b.cancelledBy === "closure")).toBe(true);
    expect(told.filter((t) => t.event === "closure-cancelled")).toHaveLength(kept.length);
    expect(await bookings.freeTimes(await centre(), "eye-test", nextSunday)).toEqual([]);
    await expect(hold(person(), "07:00", "eye-test", nextSunday)).rejects.toMatchObject({ reason: "not-bookable" });
    expect(await overbookedSlots(test.database.db)).toBe(0);
  });

  it("never leaves a booking on a day closed while people were booking it", async () => {
    const closing = addDays(sunday, 14);
    const people = Array.from({ length: 16 }, person);
    const times = ["07:00", "07:15", "07:30", "07:45", "08:00", "08:15", "08:30", "08:45"];
    const work: Promise<unknown>[] = people.map((p, i) => book(p, times[i % times.length] as string, undefined, closing));
    work.splice(6, 0, bookings.closeDay(await centre(), closing, { ar: "عطل في المبنى", en: "Building fault" }));
    await settled(work);
    const left = await test.database.db.execute(
      sql`select count(*)::int as n from appointment_bookings
          where status in ('held', 'booked') and starts_at >= ${dohaMoment(closing)} and starts_at < ${dohaMoment(addDays(closing, 1))}`,
    );
    const rows = (Array.isArray(left) ? left : (left as { rows: { n: number }[] }).rows) as { n: number }[];
    expect(rows[0]?.n).toBe(0);
    expect(await overbookedSlots(test.database.db)).toBe(0);
  });
});

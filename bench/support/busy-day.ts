import { randomBytes, randomUUID } from "node:crypto";
import { writeCentre } from "../../src/appointments/centres.js";
import { appointmentBookings, appointmentSlots } from "../../src/appointments/tables.js";
import type { Database } from "../../src/platform/db/client.js";
import { addDays, dohaMoment, dohaToday } from "../../src/platform/time/doha.js";

export const CENTRE = "bench-large-centre";
export const SERVICE = "bench-counter-service";
/** The busy day: 07:00–21:00 in 10-minute slots at 30 counters (84 slots, 2,520 places), 80 % booked before the run. */
const HOURS = ["07:00-21:00"];
export const MINUTES = 10;
export const COUNTERS = 30;
const BOOKED_BEFORE = 0.8;

/** The large centre, and its busy day (three days ahead, so no time is past or within the cut-off) mostly booked already. */
export async function busyDay(database: Database): Promise<{ day: string; places: number; bookedBefore: number }> {
  const db = database.db;
  const week = { "0": HOURS, "1": HOURS, "2": HOURS, "3": HOURS, "4": HOURS, "5": HOURS, "6": HOURS };
  const centreId = await writeCentre(db, "ministry-of-interior", {
    slug: CENTRE,
    name: { ar: "مركز خدمات كبير", en: "Large service centre" },
    address: { ar: "الدوحة", en: "Doha" },
    area: "doha",
    mapUrl: "",
    hours: week,
    bookAheadDays: 30,
    changeCutoffHours: 2,
    published: true,
    services: [{ serviceSlug: SERVICE, minutes: MINUTES, counters: COUNTERS, perPerson: 1 }],
  });
  const day = addDays(dohaToday(), 3);
  const slots: (typeof appointmentSlots.$inferInsert)[] = [];
  const bookings: (typeof appointmentBookings.$inferInsert)[] = [];
  let seed = 20261208;
  const random = () => {
    seed = (seed * 1_664_525 + 1_013_904_223) >>> 0;
    return seed / 2 ** 32;
  };
  let places = 0;
  for (let t = 7 * 60; t + MINUTES <= 21 * 60; t += MINUTES) {
    const startsAt = dohaMoment(day, `${String(Math.floor(t / 60)).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`);
    const taken = Math.min(COUNTERS, Math.round(COUNTERS * BOOKED_BEFORE * (0.75 + 0.5 * random())));
    places += COUNTERS;
    const slotId = randomUUID();
    slots.push({ id: slotId, centreId, serviceSlug: SERVICE, startsAt, places: COUNTERS, taken });
    for (let i = 0; i < taken; i++) {
      bookings.push({
        id: randomUUID(),
        reference: `AP-B${randomBytes(4).toString("hex").toUpperCase()}`,
        checkInCode: randomBytes(18).toString("base64url"),
        userId: randomUUID(),
        centreId,
        serviceSlug: SERVICE,
        slotId,
        startsAt,
        minutes: MINUTES,
        status: "booked",
        locale: "ar",
      });
    }
  }
  await db.insert(appointmentSlots).values(slots);
  for (let i = 0; i < bookings.length; i += 500) await db.insert(appointmentBookings).values(bookings.slice(i, i + 500));
  return { day, places, bookedBefore: bookings.length };
}

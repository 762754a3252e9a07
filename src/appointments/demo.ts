import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Db } from "../platform/db/client.js";
import { runOnce } from "../platform/db/once.js";
import { fromRoot } from "../platform/paths.js";
import { addDays, dohaToday } from "../platform/time/doha.js";
import { newBookingReference } from "./booking.js";
import { bookableDays, slotStarts } from "./calendar.js";
import { readWeekHours, WEEKDAYS, writeCentre } from "./centres.js";
import { appointmentBookings, appointmentClosures, appointmentSlots } from "./tables.js";

const bilingual = z.object({ ar: z.string().min(1), en: z.string().min(1) });
const dayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

const demoCentre = z.object({
  slug: z.string(),
  agency: z.string(),
  name: bilingual,
  address: bilingual,
  area: z.string(),
  mapUrl: z.string(),
  bookAheadDays: z.number().int(),
  changeCutoffHours: z.number().int(),
  hours: z.object(Object.fromEntries(dayNames.map((d) => [d, z.string()])) as Record<(typeof dayNames)[number], z.ZodString>),
  services: z.array(
    z.object({
      service: z.string(),
      minutes: z.number().int(),
      counters: z.number().int(),
      perPerson: z.number().int().default(1),
      demand: z.number().min(0).max(1).default(0),
    }),
  ),
  closures: z.array(z.object({ day: z.string(), ar: z.string(), en: z.string() })).default([]),
});
export type DemoCentre = z.infer<typeof demoCentre>;

/** content/appointments/centres.yaml, checked. */
export function loadCentresContent(dir = fromRoot("content", "appointments")): DemoCentre[] {
  return z.array(demoCentre).parse(parseYaml(readFileSync(`${dir}/centres.yaml`, "utf8")));
}

/** Days ahead the demo's demand fills. */
const DEMAND_DAYS = 5;

/** A fixed sequence in [0, 1), so every demo database starts as full in the same places. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * The demo's centres, their closures and the demand already booked over the
 * next days (by people who are not demo accounts: staff see them in their day
 * view, nobody can sign in as them). Loaded once per database.
 */
export async function loadDemoAppointments(db: Db, now = new Date(), centres = loadCentresContent()): Promise<boolean> {
  return runOnce(db, "demo-appointments", async (tx) => {
    const random = sequence(20261208);
    const today = dohaToday(now);
    for (const c of centres) {
      const read = readWeekHours(
        Object.fromEntries(WEEKDAYS.map((d, i) => [d, c.hours[dayNames[i] as (typeof dayNames)[number]]])) as Record<
          (typeof WEEKDAYS)[number],
          string
        >,
      );
      if ("badDay" in read)
        throw new Error(
          `content/appointments/centres.yaml: ${c.slug} has hours that are not periods on ${dayNames[Number(read.badDay)]}`,
        );
      const centreId = await writeCentre(
        tx,
        c.agency,
        {
          slug: c.slug,
          name: c.name,
          address: c.address,
          area: c.area,
          mapUrl: c.mapUrl,
          hours: read.hours,
          bookAheadDays: c.bookAheadDays,
          changeCutoffHours: c.changeCutoffHours,
          published: true,
          services: c.services.map((s) => ({
            serviceSlug: s.service,
            minutes: s.minutes,
            counters: s.counters,
            perPerson: s.perPerson,
          })),
        },
        now,
      );
      if (c.closures.length > 0) {
        await tx
          .insert(appointmentClosures)
          .values(c.closures.map((x) => ({ centreId, day: x.day, reasonAr: x.ar, reasonEn: x.en })))
          .onConflictDoNothing();
      }
      const cal = { hours: read.hours, closed: new Set(c.closures.map((x) => x.day)), bookAheadDays: DEMAND_DAYS };
      const days = bookableDays(cal, now).filter((d) => d <= addDays(today, DEMAND_DAYS));
      for (const s of c.services) {
        if (s.demand <= 0) continue;
        const slots: (typeof appointmentSlots.$inferInsert)[] = [];
        const bookings: (typeof appointmentBookings.$inferInsert)[] = [];
        for (const day of days) {
          for (const startsAt of slotStarts(cal, day, s.minutes, now)) {
            // Mornings fill first: demand a little above the average before noon, below it after.
            const hour = (startsAt.getUTCHours() + 3) % 24;
            const wanted = s.demand * (hour < 12 ? 1.15 : 0.75) * (0.6 + 0.8 * random());
            const taken = Math.min(s.counters, Math.round(wanted * s.counters));
            if (taken === 0) continue;
            const slotId = randomUUID();
            slots.push({ id: slotId, centreId, serviceSlug: s.service, startsAt, places: s.counters, taken });
            for (let i = 0; i < taken; i++) {
              bookings.push({
                id: randomUUID(),
                reference: newBookingReference(),
                checkInCode: randomBytes(18).toString("base64url"),
                userId: randomUUID(),
                centreId,
                serviceSlug: s.service,
                slotId,
                startsAt,
                minutes: s.minutes,
                status: "booked",
                locale: random() < 0.7 ? "ar" : "en",
                remindedDayBefore: true,
                remindedHoursBefore: true,
              });
            }
          }
        }
        for (let i = 0; i < slots.length; i += 500) await tx.insert(appointmentSlots).values(slots.slice(i, i + 500));
        for (let i = 0; i < bookings.length; i += 500) await tx.insert(appointmentBookings).values(bookings.slice(i, i + 500));
      }
    }
  });
}

import { randomUUID } from "node:crypto";
import { and, eq, gt, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { bumpVersion } from "../platform/db/versions.js";
import { dohaDayStart } from "../platform/time/doha.js";
import { APPOINTMENTS_VERSION } from "./booking.js";
import { readDayHours } from "./calendar.js";
import type { Centre } from "./repository.js";
import {
  appointmentBookings,
  appointmentCentreServices,
  appointmentCentres,
  appointmentClosures,
  appointmentSlots,
  type WeekHours,
} from "./tables.js";

/** A centre as its agency writes it (the workspace's form and the demo content): a centre before it has an id and an owner. */
export type CentreInput = Omit<Centre, "id" | "agency">;

export const WEEKDAYS = ["0", "1", "2", "3", "4", "5", "6"] as const;

/** Opening hours from one line per weekday (Sunday first); undefined for the first weekday whose line is not periods. */
export function readWeekHours(
  lines: Record<(typeof WEEKDAYS)[number], string>,
): { hours: WeekHours } | { badDay: (typeof WEEKDAYS)[number] } {
  const hours = {} as WeekHours;
  for (const d of WEEKDAYS) {
    const periods = readDayHours(lines[d] ?? "");
    if (!periods) return { badDay: d };
    hours[d] = periods;
  }
  return { hours };
}

/**
 * Writes a centre and the services it offers (inside the caller's
 * transaction). Slots already taken keep their bookings; when a service's
 * counters change, its future slots get the new number of places, never
 * fewer than are taken.
 */
export async function writeCentre(tx: Db, agency: string, input: CentreInput, now: Date = new Date()): Promise<string> {
  const values = {
    agency,
    nameAr: input.name.ar,
    nameEn: input.name.en,
    addressAr: input.address.ar,
    addressEn: input.address.en,
    area: input.area,
    mapUrl: input.mapUrl,
    hours: input.hours,
    bookAheadDays: input.bookAheadDays,
    changeCutoffHours: input.changeCutoffHours,
    published: input.published,
    updatedAt: now,
  };
  const [row] = await tx
    .insert(appointmentCentres)
    .values({ id: randomUUID(), slug: input.slug, ...values })
    .onConflictDoUpdate({ target: appointmentCentres.slug, set: values })
    .returning({ id: appointmentCentres.id });
  const centreId = (row as { id: string }).id;
  await tx.delete(appointmentCentreServices).where(eq(appointmentCentreServices.centreId, centreId));
  if (input.services.length > 0) {
    await tx.insert(appointmentCentreServices).values(input.services.map((s) => ({ centreId, ...s })));
  }
  for (const s of input.services) {
    await tx
      .update(appointmentSlots)
      .set({ places: sql`greatest(${s.counters}, ${appointmentSlots.taken})` })
      .where(
        and(
          eq(appointmentSlots.centreId, centreId),
          eq(appointmentSlots.serviceSlug, s.serviceSlug),
          gt(appointmentSlots.startsAt, now),
        ),
      );
  }
  // Public pages and answers that name centres and their free times are made again.
  await bumpVersion(tx, APPOINTMENTS_VERSION);
  return centreId;
}

/** Takes a centre off the public site (its bookings stay; no new ones). */
export async function unpublishCentre(tx: Db, agency: string, slug: string): Promise<void> {
  await tx
    .update(appointmentCentres)
    .set({ published: false, updatedAt: new Date() })
    .where(and(eq(appointmentCentres.slug, slug), eq(appointmentCentres.agency, agency)));
  await bumpVersion(tx, APPOINTMENTS_VERSION);
}

/**
 * Writes a centre's holidays and closures as its agency lists them (inside
 * the caller's transaction): each listed day is closed with its reason, and
 * each day in `reopened` (a day the agency listed before and no longer does)
 * is open again. Days closed at the desk and never listed are left alone.
 */
export async function writeClosures(
  tx: Db,
  centreId: string,
  closures: { day: string; reason: { ar: string; en: string } }[],
  reopened: readonly string[] = [],
): Promise<void> {
  const listed = new Set(closures.map((c) => c.day));
  const open = reopened.filter((d) => !listed.has(d));
  if (open.length > 0)
    await tx
      .delete(appointmentClosures)
      .where(and(eq(appointmentClosures.centreId, centreId), inArray(appointmentClosures.day, open)));
  for (const c of closures) {
    await tx
      .insert(appointmentClosures)
      .values({ centreId, day: c.day, reasonAr: c.reason.ar, reasonEn: c.reason.en })
      .onConflictDoUpdate({
        target: [appointmentClosures.centreId, appointmentClosures.day],
        set: { reasonAr: c.reason.ar, reasonEn: c.reason.en },
      });
  }
}

/** How many visits are booked (or held, unless only `booked` is asked) at a centre on a Doha day: closing that day would cancel them. */
export async function activeBookingsOn(
  db: Db,
  centreId: string,
  day: string,
  statuses: ("held" | "booked")[] = ["held", "booked"],
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.centreId, centreId),
        inArray(appointmentBookings.status, statuses),
        gte(appointmentBookings.startsAt, dohaDayStart(day)),
        lt(appointmentBookings.startsAt, dohaDayStart(day, 1)),
      ),
    );
  return Number(row?.n ?? 0);
}

import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { dohaDayStart } from "../platform/time/doha.js";
import {
  appointmentBookings,
  appointmentCentreServices,
  appointmentCentres,
  appointmentClosures,
  appointmentSlots,
  type BookingStatus,
  type WeekHours,
} from "./tables.js";

/** A centre as people and staff see it. */
export interface Centre {
  id: string;
  slug: string;
  agency: string;
  name: { ar: string; en: string };
  address: { ar: string; en: string };
  area: string;
  mapUrl: string;
  hours: WeekHours;
  bookAheadDays: number;
  changeCutoffHours: number;
  published: boolean;
  services: CentreService[];
}

export interface CentreService {
  serviceSlug: string;
  minutes: number;
  counters: number;
  perPerson: number;
}

export interface Closure {
  day: string;
  reason: { ar: string; en: string };
}

export interface Booking {
  id: string;
  reference: string;
  checkInCode: string;
  userId: string;
  centreId: string;
  serviceSlug: string;
  slotId: string;
  startsAt: Date;
  minutes: number;
  status: BookingStatus;
  holdExpiresAt: Date | null;
  caseId: string | null;
  locale: string;
  checkedInAt: Date | null;
  cancelledBy: string | null;
  createdAt: Date;
}

type CentreRow = typeof appointmentCentres.$inferSelect;
type BookingRow = typeof appointmentBookings.$inferSelect;

export function toBooking(r: BookingRow): Booking {
  return {
    id: r.id,
    reference: r.reference,
    checkInCode: r.checkInCode,
    userId: r.userId,
    centreId: r.centreId,
    serviceSlug: r.serviceSlug,
    slotId: r.slotId,
    startsAt: r.startsAt,
    minutes: r.minutes,
    status: r.status,
    holdExpiresAt: r.holdExpiresAt,
    caseId: r.caseId,
    locale: r.locale,
    checkedInAt: r.checkedInAt,
    cancelledBy: r.cancelledBy,
    createdAt: r.createdAt,
  };
}

function toCentre(r: CentreRow, services: CentreService[]): Centre {
  return {
    id: r.id,
    slug: r.slug,
    agency: r.agency,
    name: { ar: r.nameAr, en: r.nameEn },
    address: { ar: r.addressAr, en: r.addressEn },
    area: r.area,
    mapUrl: r.mapUrl,
    hours: r.hours,
    bookAheadDays: r.bookAheadDays,
    changeCutoffHours: r.changeCutoffHours,
    published: r.published,
    services,
  };
}

async function withServices(db: Db, rows: CentreRow[]): Promise<Centre[]> {
  if (rows.length === 0) return [];
  const offered = await db
    .select()
    .from(appointmentCentreServices)
    .where(
      inArray(
        appointmentCentreServices.centreId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(appointmentCentreServices.serviceSlug));
  return rows.map((r) =>
    toCentre(
      r,
      offered
        .filter((o) => o.centreId === r.id)
        .map((o) => ({ serviceSlug: o.serviceSlug, minutes: o.minutes, counters: o.counters, perPerson: o.perPerson })),
    ),
  );
}

export async function centreBySlug(db: Db, slug: string): Promise<Centre | undefined> {
  const rows = await db.select().from(appointmentCentres).where(eq(appointmentCentres.slug, slug));
  return (await withServices(db, rows))[0];
}

export async function centreById(db: Db, id: string): Promise<Centre | undefined> {
  const rows = await db.select().from(appointmentCentres).where(eq(appointmentCentres.id, id));
  return (await withServices(db, rows))[0];
}

/** Published centres that offer a service, by name. */
export async function centresOffering(db: Db, serviceSlug: string): Promise<Centre[]> {
  const rows = await db
    .select({ c: appointmentCentres })
    .from(appointmentCentres)
    .innerJoin(appointmentCentreServices, eq(appointmentCentreServices.centreId, appointmentCentres.id))
    .where(and(eq(appointmentCentreServices.serviceSlug, serviceSlug), eq(appointmentCentres.published, true)))
    .orderBy(asc(appointmentCentres.slug));
  return withServices(
    db,
    rows.map((r) => r.c),
  );
}

/** Every centre, or an agency's, published or not (the staff's lists). */
export async function centresOf(db: Db, agencies?: readonly string[]): Promise<Centre[]> {
  if (agencies && agencies.length === 0) return [];
  const rows = await db
    .select()
    .from(appointmentCentres)
    .where(agencies ? inArray(appointmentCentres.agency, [...agencies]) : undefined)
    .orderBy(asc(appointmentCentres.slug));
  return withServices(db, rows);
}

/** The slugs of services any published centre offers (service pages link to booking for these). */
export async function bookableServiceSlugs(db: Db): Promise<string[]> {
  const rows = await db
    .selectDistinct({ slug: appointmentCentreServices.serviceSlug })
    .from(appointmentCentreServices)
    .innerJoin(appointmentCentres, eq(appointmentCentres.id, appointmentCentreServices.centreId))
    .where(eq(appointmentCentres.published, true));
  return rows.map((r) => r.slug).sort();
}

/** A centre's closures from a day on. */
export async function closuresFrom(db: Db, centreId: string, fromDay: string): Promise<Closure[]> {
  const rows = await db
    .select()
    .from(appointmentClosures)
    .where(and(eq(appointmentClosures.centreId, centreId), gte(appointmentClosures.day, fromDay)))
    .orderBy(asc(appointmentClosures.day));
  return rows.map((r) => ({ day: r.day, reason: { ar: r.reasonAr, en: r.reasonEn } }));
}

/** Places taken in a service's slots starting between two moments: start time (ms) → taken, places. */
export async function takenBetween(
  db: Db,
  centreId: string,
  serviceSlug: string,
  from: Date,
  to: Date,
  now: Date = new Date(),
): Promise<Map<number, { taken: number; places: number }>> {
  const rows = await db
    .select({
      startsAt: appointmentSlots.startsAt,
      // Holds nobody confirmed in time count as free (they are let go when anyone takes the place).
      taken: sql<number>`(${appointmentSlots.taken} - (select count(*) from appointment_bookings b
        where b.slot_id = appointment_slots.id and b.status = 'held' and b.hold_expires_at <= ${now}))::int`,
      places: appointmentSlots.places,
    })
    .from(appointmentSlots)
    .where(
      and(
        eq(appointmentSlots.centreId, centreId),
        eq(appointmentSlots.serviceSlug, serviceSlug),
        gte(appointmentSlots.startsAt, from),
        lt(appointmentSlots.startsAt, to),
      ),
    );
  return new Map(rows.map((r) => [r.startsAt.getTime(), { taken: r.taken, places: r.places }]));
}

/** Places taken in a service's slots on a Doha day (see takenBetween). */
export function takenOnDay(db: Db, centreId: string, serviceSlug: string, day: string, now: Date = new Date()) {
  return takenBetween(db, centreId, serviceSlug, dohaDayStart(day), dohaDayStart(day, 1), now);
}

export async function bookingById(db: Db, id: string): Promise<Booking | undefined> {
  const [row] = await db.select().from(appointmentBookings).where(eq(appointmentBookings.id, id));
  return row ? toBooking(row) : undefined;
}

export async function bookingByReference(db: Db, reference: string): Promise<Booking | undefined> {
  const [row] = await db.select().from(appointmentBookings).where(eq(appointmentBookings.reference, reference));
  return row ? toBooking(row) : undefined;
}

export async function bookingByCheckInCode(db: Db, code: string): Promise<Booking | undefined> {
  const [row] = await db.select().from(appointmentBookings).where(eq(appointmentBookings.checkInCode, code));
  return row ? toBooking(row) : undefined;
}

/** A person's bookings, soonest first: those still ahead (held or booked) and, when asked, the rest. */
export async function bookingsOfPerson(db: Db, userId: string, statuses?: readonly BookingStatus[]): Promise<Booking[]> {
  const rows = await db
    .select()
    .from(appointmentBookings)
    .where(and(eq(appointmentBookings.userId, userId), statuses ? inArray(appointmentBookings.status, [...statuses]) : undefined))
    .orderBy(asc(appointmentBookings.startsAt));
  return rows.map(toBooking);
}

/** A centre's bookings on a Doha day (all services, every status but expired holds), by time. */
export async function bookingsOnDay(db: Db, centreId: string, day: string): Promise<Booking[]> {
  const rows = await db
    .select()
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.centreId, centreId),
        gte(appointmentBookings.startsAt, dohaDayStart(day)),
        lt(appointmentBookings.startsAt, dohaDayStart(day, 1)),
        sql`${appointmentBookings.status} <> 'expired'`,
      ),
    )
    .orderBy(asc(appointmentBookings.startsAt), asc(appointmentBookings.createdAt));
  return rows.map(toBooking);
}

/** Slots holding more than their places, or whose count disagrees with their bookings (0 when none): the benchmark's and tests' check. */
export async function overbookedSlots(db: Db): Promise<number> {
  const rows = await db.execute(sql`
    select count(*)::int as n from appointment_slots s
    where (select count(*) from appointment_bookings b where b.slot_id = s.id and b.status in ('held', 'booked', 'checked-in', 'no-show')) > s.places
       or (select count(*) from appointment_bookings b where b.slot_id = s.id and b.status in ('held', 'booked', 'checked-in', 'no-show')) <> s.taken`);
  const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { n: number | string }[];
  return Number(list[0]?.n ?? 0);
}

import { randomBytes, randomInt, randomUUID } from "node:crypto";
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { type Db, inTransaction } from "../platform/db/client.js";
import { NotFoundError } from "../platform/http/errors.js";
import { REFERENCE_ALPHABET } from "./references.js";
import { BookingRefused } from "./refused.js";
import { type Booking, type Centre, type CentreService, centreById, toBooking } from "./repository.js";
import { appointmentBookings, appointmentSlots, appointmentWaitlist } from "./tables.js";

/**
 * The steps every booking change is made of, each inside the caller's
 * transaction: locking a person's steps, counting their visits, taking and
 * freeing a place, ending a hold or booking, finding a booking to change.
 */

/** Most visits, all services together, one person may have booked or held at once (against hoarding). */
export const MOST_ACTIVE_PER_PERSON = 4;

/** A new booking reference such as AP-7KMD-3XQA, in the letters of request references (nothing read two ways). */
export function newBookingReference(): string {
  const alphabet = REFERENCE_ALPHABET;
  const part = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join("");
  return `AP-${part()}-${part()}`;
}

/** True for a deadlock or serialisation failure (SQLSTATE 40P01, 40001), looking through Drizzle's wrapping. */
function isRetryable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 4) return false;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  return code === "40P01" || code === "40001" || isRetryable(cause, depth + 1);
}

/**
 * Runs a booking step in a transaction, once more (up to three times) when
 * the server chose it as a deadlock's victim: two people moving into each
 * other's times at the same moment wait on each other's places.
 */
export async function transactionally<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await inTransaction(db, work);
    } catch (error) {
      if (attempt >= 3 || !isRetryable(error)) throw error;
    }
  }
}

export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** One person's booking steps one after another (their limits are counted under it). */
export async function lockPerson(tx: Db, userId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`appointments:${userId}`}))`);
}

/**
 * A centre's day: taking a place in it holds it shared, closing it holds it
 * alone, so a place is never taken on a day being closed at that moment.
 * Returns true when the day is open (no closure recorded), read under the lock.
 */
export async function enterDay(tx: Db, centreId: string, day: string): Promise<boolean> {
  await tx.execute(sql`select pg_advisory_xact_lock_shared(hashtext(${`appointments:${centreId}:${day}`}))`);
  const closed = await tx.execute(sql`select 1 from appointment_closures where centre_id = ${centreId} and day = ${day}`);
  return rowsOf(closed).length === 0;
}

/** Holds a centre's day alone, while it is being closed (see enterDay). */
export async function holdDayAlone(tx: Db, centreId: string, day: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`appointments:${centreId}:${day}`}))`);
}

export async function releaseHoldsOf(tx: Db, userId: string, serviceSlug: string, now: Date): Promise<void> {
  const rows = await tx
    .select()
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.userId, userId),
        eq(appointmentBookings.serviceSlug, serviceSlug),
        eq(appointmentBookings.status, "held"),
      ),
    )
    .for("update");
  for (const row of rows) await release(tx, toBooking(row), "expired", now);
}

export async function checkLimits(tx: Db, userId: string, serviceSlug: string, perPerson: number, now: Date): Promise<void> {
  const active = await tx
    .select({ serviceSlug: appointmentBookings.serviceSlug })
    .from(appointmentBookings)
    .where(
      and(
        eq(appointmentBookings.userId, userId),
        inArray(appointmentBookings.status, ["held", "booked"]),
        gt(appointmentBookings.startsAt, now),
      ),
    );
  if (active.filter((a) => a.serviceSlug === serviceSlug).length >= perPerson) throw new BookingRefused("per-person");
  if (active.length >= MOST_ACTIVE_PER_PERSON) throw new BookingRefused("too-many");
}

/** Makes a slot's row with the service's places, unless it has one (a concurrent maker waits for the first). */
async function ensureSlot(tx: Db, centre: Centre, offered: CentreService, startsAt: Date): Promise<void> {
  await tx
    .insert(appointmentSlots)
    .values({
      id: randomUUID(),
      centreId: centre.id,
      serviceSlug: offered.serviceSlug,
      startsAt,
      places: offered.counters,
      taken: 0,
    })
    .onConflictDoNothing();
}

/** Locks several slots' rows (made first when missing) in one order, so two moves never wait on each other. */
export async function lockSlotsInOrder(tx: Db, centre: Centre, offered: CentreService, starts: Date[]): Promise<void> {
  for (const startsAt of [...starts].sort((a, b) => a.getTime() - b.getTime())) {
    await ensureSlot(tx, centre, offered, startsAt);
    await tx.execute(sql`select id from appointment_slots
      where centre_id = ${centre.id} and service_slug = ${offered.serviceSlug} and starts_at = ${startsAt} for update`);
  }
}

/** Takes one place in a slot, making the slot's row the first time: its id, or undefined when it is full. */
export async function takePlace(
  tx: Db,
  centre: Centre,
  offered: CentreService,
  startsAt: Date,
  now: Date,
): Promise<string | undefined> {
  await ensureSlot(tx, centre, offered, startsAt);
  // Holds nobody confirmed in time give their places back first (the job would, later).
  const lapsed = await tx.execute(sql`
    update appointment_bookings b set status = 'expired', hold_expires_at = null, updated_at = ${now}
    from appointment_slots s
    where b.slot_id = s.id and s.centre_id = ${centre.id} and s.service_slug = ${offered.serviceSlug} and s.starts_at = ${startsAt}
      and b.status = 'held' and b.hold_expires_at <= ${now}
    returning b.slot_id`);
  const lapsedCount = rowsOf<{ slot_id: string }>(lapsed).length;
  const taken = await tx.execute(sql`
    update appointment_slots set taken = taken + 1 - ${lapsedCount}
    where centre_id = ${centre.id} and service_slug = ${offered.serviceSlug} and starts_at = ${startsAt}
      and taken - ${lapsedCount} < places
    returning id`);
  // (A lapsed hold always leaves room, so a refusal here means the slot is full of live holds and bookings.)
  return rowsOf<{ id: string }>(taken)[0]?.id;
}

export async function freePlace(tx: Db, slotId: string): Promise<void> {
  await tx.execute(sql`update appointment_slots set taken = taken - 1 where id = ${slotId} and taken > 0`);
}

/** Ends a hold or booking and frees its place. */
export async function release(tx: Db, b: Booking, status: "cancelled" | "expired", now: Date, by?: string): Promise<Booking> {
  await freePlace(tx, b.slotId);
  const done = await setStatus(
    tx,
    b.id,
    { status, holdExpiresAt: null, ...(status === "cancelled" ? { cancelledAt: now, cancelledBy: by ?? "person" } : {}) },
    now,
  );
  // A place offered from the waiting list and not taken (declined, lapsed, or another time chosen) ends that wait:
  // put back to waiting, its first person would be offered the very place again, and nobody after them ever.
  await tx
    .update(appointmentWaitlist)
    .set({ status: "withdrawn" })
    .where(and(eq(appointmentWaitlist.bookingId, b.id), eq(appointmentWaitlist.status, "offered")));
  return done;
}

export async function markWaitDone(tx: Db, bookingId: string): Promise<void> {
  await tx.update(appointmentWaitlist).set({ status: "done" }).where(eq(appointmentWaitlist.bookingId, bookingId));
}

export async function lockOwn(tx: Db, userId: string, bookingId: string): Promise<Booking> {
  const [row] = await tx.select().from(appointmentBookings).where(eq(appointmentBookings.id, bookingId)).for("update");
  if (!row || row.userId !== userId) throw new NotFoundError();
  return toBooking(row);
}

/** A booking of one of the agencies' centres, locked; any other is "not found" (one agency never sees another's). */
export async function lockAt(tx: Db, bookingId: string, agencies: readonly string[]): Promise<Booking> {
  const [row] = await tx.select().from(appointmentBookings).where(eq(appointmentBookings.id, bookingId)).for("update");
  if (!row) throw new NotFoundError();
  const centre = await centreById(tx, row.centreId);
  if (!centre || !agencies.includes(centre.agency)) throw new NotFoundError();
  return toBooking(row);
}

export async function setStatus(
  tx: Db,
  id: string,
  set: Partial<typeof appointmentBookings.$inferInsert>,
  now: Date,
): Promise<Booking> {
  const [row] = await tx
    .update(appointmentBookings)
    .set({ ...set, updatedAt: now })
    .where(eq(appointmentBookings.id, id))
    .returning();
  return toBooking(row as typeof appointmentBookings.$inferSelect);
}

/** A new hold on a place already taken for it (`slotId`): the person's own, or one the waiting list offers them. */
export async function insertHold(
  tx: Db,
  h: {
    userId: string;
    centreId: string;
    offered: CentreService;
    slotId: string;
    startsAt: Date;
    expiresAt: Date;
    locale: string;
    caseId?: string | undefined;
  },
): Promise<Booking> {
  const [row] = await tx
    .insert(appointmentBookings)
    .values({
      id: randomUUID(),
      reference: newBookingReference(),
      checkInCode: randomBytes(18).toString("base64url"),
      userId: h.userId,
      centreId: h.centreId,
      serviceSlug: h.offered.serviceSlug,
      slotId: h.slotId,
      startsAt: h.startsAt,
      minutes: h.offered.minutes,
      status: "held",
      holdExpiresAt: h.expiresAt,
      caseId: h.caseId ?? null,
      locale: h.locale === "en" ? "en" : "ar",
    })
    .returning();
  return toBooking(row as typeof appointmentBookings.$inferSelect);
}

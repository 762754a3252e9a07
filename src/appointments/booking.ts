import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { bumpVersion } from "../platform/db/versions.js";
import { NotFoundError } from "../platform/http/errors.js";
import { dohaDate, dohaDayStart, dohaToday } from "../platform/time/doha.js";
import { bookableDays, type CentreCalendar, isSlotStart, slotStarts } from "./calendar.js";
import {
  checkLimits,
  enterDay,
  freePlace,
  holdDayAlone,
  insertHold,
  lockAt,
  lockOwn,
  lockPerson,
  lockSlotsInOrder,
  markWaitDone,
  release,
  releaseHoldsOf,
  setStatus,
  takePlace,
  transactionally,
} from "./places.js";
import { BookingRefused } from "./refused.js";
import {
  type Booking,
  bookingById,
  type Centre,
  type CentreService,
  centreById,
  centreBySlug,
  closuresFrom,
  takenOnDay,
  toBooking,
} from "./repository.js";
import { appointmentBookings, appointmentClosures, appointmentWaitlist } from "./tables.js";
import { offerFreedPlace } from "./waitlist.js";

export { MOST_ACTIVE_PER_PERSON, newBookingReference } from "./places.js";
export { BookingRefused, type RefusalReason } from "./refused.js";
export { OFFER_HOURS } from "./waitlist.js";

/**
 * Booking a visit: holding a place, confirming, moving, cancelling, the
 * counter's check-in and no-shows, a centre closing for a day, the waiting
 * list. Every change of places happens in one transaction with the booking's
 * own change, by statements that check and count at once (see tables.ts), so
 * concurrent people never share a place.
 */

/** How long a place is kept while the person confirms it. */
export const HOLD_MINUTES = 10;

/** The change counter bumped when what public pages show of centres changes (closures). */
export const APPOINTMENTS_VERSION = "appointments";

/** What happened, for the notifications the register wires (the confirmation, moves, closures, offers from the waiting list). */
export type BookingEvent = "booked" | "moved" | "cancelled" | "closure-cancelled" | "offered";

/** Tells the person of a booking event, in the same transaction (the outbox sends after). */
export type Tell = (tx: Db, event: BookingEvent, booking: Booking, centre: Centre) => Promise<void>;

/** The staff's record of their step (the audit log), written in the step's transaction. */
export type Audit<T> = (tx: Db, result: T) => Promise<void>;

export interface FreeTime {
  startsAt: Date;
  /** Places still free. */
  free: number;
  places: number;
}

export interface HoldRequest {
  userId: string;
  centreSlug: string;
  serviceSlug: string;
  startsAt: Date;
  locale: string;
  caseId?: string | undefined;
}

export function calendarOf(centre: Centre, closed: Iterable<string>): CentreCalendar {
  return { hours: centre.hours, closed: new Set(closed), bookAheadDays: centre.bookAheadDays };
}

function offeredService(centre: Centre, serviceSlug: string): CentreService {
  const s = centre.services.find((o) => o.serviceSlug === serviceSlug);
  if (!s || !centre.published) throw new NotFoundError();
  return s;
}

export class Bookings {
  constructor(
    private readonly db: Db,
    private readonly tell: Tell = async () => {},
    private readonly clock: () => Date = () => new Date(),
  ) {}

  get database(): Db {
    return this.db;
  }

  now(): Date {
    return this.clock();
  }

  /** A centre's calendar as people may book it now: its hours, closures and how far ahead. */
  async calendar(centre: Centre): Promise<CentreCalendar> {
    const closures = await closuresFrom(this.db, centre.id, dohaToday(this.clock()));
    return calendarOf(
      centre,
      closures.map((c) => c.day),
    );
  }

  /** The days people may book a service at a centre now. */
  async days(centre: Centre): Promise<string[]> {
    return bookableDays(await this.calendar(centre), this.clock());
  }

  /** A service's times on a day at a centre, each with its free places (none listed on a closed or past day). */
  async freeTimes(centre: Centre, serviceSlug: string, day: string): Promise<FreeTime[]> {
    const offered = offeredService(centre, serviceSlug);
    const cal = await this.calendar(centre);
    const now = this.clock();
    if (!bookableDays(cal, now).includes(day)) return [];
    const taken = await takenOnDay(this.db, centre.id, serviceSlug, day, now);
    return slotStarts(cal, day, offered.minutes, now).map((startsAt) => {
      const t = taken.get(startsAt.getTime());
      const places = t?.places ?? offered.counters;
      return { startsAt, places, free: Math.max(0, places - (t?.taken ?? 0)) };
    });
  }

  /**
   * Keeps a place for the person for HOLD_MINUTES: refused when the time is
   * not one of the service's slots on a bookable day, the slot is full, the
   * person already has as many visits for the service as it allows, or as
   * many visits as anyone may hold. Their earlier hold for the same service
   * is let go first (they chose another time).
   */
  async hold(req: HoldRequest, holdMinutes = HOLD_MINUTES): Promise<Booking> {
    const centre = await centreBySlug(this.db, req.centreSlug);
    if (!centre) throw new NotFoundError();
    const offered = offeredService(centre, req.serviceSlug);
    const cal = await this.calendar(centre);
    const now = this.clock();
    if (!isSlotStart(cal, req.startsAt, offered.minutes, now)) throw new BookingRefused("not-bookable");
    return transactionally(this.db, async (tx) => {
      if (!(await enterDay(tx, centre.id, dohaDate(req.startsAt)))) throw new BookingRefused("not-bookable");
      await lockPerson(tx, req.userId);
      await releaseHoldsOf(tx, req.userId, req.serviceSlug, now);
      await checkLimits(tx, req.userId, req.serviceSlug, offered.perPerson, now);
      const slotId = await takePlace(tx, centre, offered, req.startsAt, now);
      if (!slotId) throw new BookingRefused("full");
      return insertHold(tx, {
        userId: req.userId,
        centreId: centre.id,
        offered,
        slotId,
        startsAt: req.startsAt,
        expiresAt: new Date(now.getTime() + holdMinutes * 60_000),
        locale: req.locale,
        caseId: req.caseId,
      });
    });
  }

  /** Turns the person's hold into a booking; refused once the hold has lapsed (its place is then let go). */
  async confirm(userId: string, bookingId: string): Promise<Booking> {
    const now = this.clock();
    const outcome = await transactionally(this.db, async (tx) => {
      const b = await lockOwn(tx, userId, bookingId);
      if (b.status === "booked") return { booking: b };
      if (b.status !== "held") throw new BookingRefused("not-active");
      if (!b.holdExpiresAt || b.holdExpiresAt.getTime() <= now.getTime()) {
        await release(tx, b, "expired", now);
        return { lapsed: true as const };
      }
      const booked = await setStatus(tx, b.id, { status: "booked", holdExpiresAt: null }, now);
      await markWaitDone(tx, b.id);
      const centre = (await centreById(tx, b.centreId)) as Centre;
      await this.tell(tx, "booked", booked, centre);
      return { booking: booked };
    });
    if ("lapsed" in outcome) throw new BookingRefused("hold-expired");
    return outcome.booking;
  }

  /** Moves a booked visit to another time of the same service at the same centre, until the centre's cut-off. */
  async move(userId: string, bookingId: string, startsAt: Date): Promise<Booking> {
    const now = this.clock();
    const current = await bookingById(this.db, bookingId);
    if (!current || current.userId !== userId) throw new NotFoundError();
    const centre = (await centreById(this.db, current.centreId)) as Centre;
    const offered = offeredService(centre, current.serviceSlug);
    const cal = await this.calendar(centre);
    if (!isSlotStart(cal, startsAt, offered.minutes, now)) throw new BookingRefused("not-bookable");
    return transactionally(this.db, async (tx) => {
      if (!(await enterDay(tx, centre.id, dohaDate(startsAt)))) throw new BookingRefused("not-bookable");
      const b = await lockOwn(tx, userId, bookingId);
      if (b.status !== "booked") throw new BookingRefused("not-active");
      this.beforeCutoff(centre, b, now);
      if (b.startsAt.getTime() === startsAt.getTime()) return b;
      await lockSlotsInOrder(tx, centre, offered, [b.startsAt, startsAt]);
      const slotId = await takePlace(tx, centre, offered, startsAt, now);
      if (!slotId) throw new BookingRefused("full");
      await freePlace(tx, b.slotId);
      const moved = await setStatus(
        tx,
        b.id,
        {
          slotId,
          startsAt,
          minutes: offered.minutes,
          remindedDayBefore: false,
          remindedHoursBefore: false,
        },
        now,
      );
      await this.tell(tx, "moved", moved, centre);
      await offerFreedPlace(tx, this.tell, centre, b.serviceSlug, b.startsAt, now);
      return moved;
    });
  }

  /** Cancels the person's hold or booking (a booking until the centre's cut-off); its place goes to the waiting list. */
  async cancel(userId: string, bookingId: string): Promise<Booking> {
    const now = this.clock();
    return transactionally(this.db, async (tx) => {
      const b = await lockOwn(tx, userId, bookingId);
      if (b.status !== "booked" && b.status !== "held") throw new BookingRefused("not-active");
      const centre = (await centreById(tx, b.centreId)) as Centre;
      if (b.status === "booked") this.beforeCutoff(centre, b, now);
      const cancelled = await release(tx, b, "cancelled", now, "person");
      if (b.status === "booked") await this.tell(tx, "cancelled", cancelled, centre);
      await offerFreedPlace(tx, this.tell, centre, b.serviceSlug, b.startsAt, now);
      return cancelled;
    });
  }

  /**
   * The counter checks a person in, by the QR code's value or the reference:
   * only a booking of one of `agencies`' centres, booked for today.
   */
  async checkIn(agencies: readonly string[], booking: Booking, audit?: Audit<Booking>): Promise<Booking> {
    const now = this.clock();
    return transactionally(this.db, async (tx) => {
      const b = await lockAt(tx, booking.id, agencies);
      if (b.status === "checked-in") return b;
      if (b.status !== "booked") throw new BookingRefused("not-active");
      if (dohaDate(b.startsAt) !== dohaToday(now)) throw new BookingRefused("not-today");
      const done = await setStatus(tx, b.id, { status: "checked-in", checkedInAt: now }, now);
      await audit?.(tx, done);
      return done;
    });
  }

  /** Marks a booked visit whose time has passed without the person coming. */
  async markNoShow(agencies: readonly string[], bookingId: string, audit?: Audit<Booking>): Promise<Booking> {
    const now = this.clock();
    return transactionally(this.db, async (tx) => {
      const b = await lockAt(tx, bookingId, agencies);
      if (b.status === "no-show") return b;
      if (b.status !== "booked") throw new BookingRefused("not-active");
      if (b.startsAt.getTime() + b.minutes * 60_000 > now.getTime()) throw new BookingRefused("not-yet-over");
      const done = await setStatus(tx, b.id, { status: "no-show" }, now);
      await audit?.(tx, done);
      return done;
    });
  }

  /**
   * Closes a centre for a day: the closure is recorded, every hold and
   * booking of that day is cancelled and its place freed, and each booked
   * person is told (the notification offers the first free times). Returns
   * the bookings cancelled.
   */
  async closeDay(centre: Centre, day: string, reason: { ar: string; en: string }, audit?: Audit<Booking[]>): Promise<Booking[]> {
    const now = this.clock();
    return transactionally(this.db, async (tx) => {
      await holdDayAlone(tx, centre.id, day);
      // The public centre pages name coming closures: kept copies are let go.
      await bumpVersion(tx, APPOINTMENTS_VERSION);
      await tx
        .insert(appointmentClosures)
        .values({ centreId: centre.id, day, reasonAr: reason.ar, reasonEn: reason.en })
        .onConflictDoUpdate({
          target: [appointmentClosures.centreId, appointmentClosures.day],
          set: { reasonAr: reason.ar, reasonEn: reason.en },
        });
      const rows = await tx
        .select()
        .from(appointmentBookings)
        .where(
          and(
            eq(appointmentBookings.centreId, centre.id),
            inArray(appointmentBookings.status, ["held", "booked"]),
            sql`${appointmentBookings.startsAt} >= ${dohaDayStart(day)} and ${appointmentBookings.startsAt} < ${dohaDayStart(day, 1)}`,
          ),
        )
        .orderBy(asc(appointmentBookings.startsAt))
        .for("update");
      const cancelled: Booking[] = [];
      for (const row of rows) {
        const b = toBooking(row);
        const done = await release(tx, b, "cancelled", now, "closure");
        if (b.status === "booked") {
          await this.tell(tx, "closure-cancelled", done, centre);
          cancelled.push(done);
        }
      }
      await tx
        .update(appointmentWaitlist)
        .set({ status: "withdrawn" })
        .where(
          and(
            eq(appointmentWaitlist.centreId, centre.id),
            eq(appointmentWaitlist.day, day),
            eq(appointmentWaitlist.status, "waiting"),
          ),
        );
      await audit?.(tx, cancelled);
      return cancelled;
    });
  }

  /** Reopens a closed day (a closure entered by mistake); bookings cancelled by it stay cancelled. */
  async reopenDay(centre: Centre, day: string, audit?: Audit<void>): Promise<void> {
    await transactionally(this.db, async (tx) => {
      await tx
        .delete(appointmentClosures)
        .where(and(eq(appointmentClosures.centreId, centre.id), eq(appointmentClosures.day, day)));
      await bumpVersion(tx, APPOINTMENTS_VERSION);
      await audit?.(tx, undefined);
    });
  }

  /** Puts the person on the day's waiting list for a service at a centre. */
  async joinWaitlist(userId: string, centre: Centre, serviceSlug: string, day: string, locale: string): Promise<void> {
    offeredService(centre, serviceSlug);
    const cal = await this.calendar(centre);
    if (!bookableDays(cal, this.clock()).includes(day)) throw new BookingRefused("not-bookable");
    const inserted = await this.db
      .insert(appointmentWaitlist)
      .values({ id: randomUUID(), userId, centreId: centre.id, serviceSlug, day, locale: locale === "en" ? "en" : "ar" })
      .onConflictDoNothing()
      .returning({ id: appointmentWaitlist.id });
    if (inserted.length === 0) throw new BookingRefused("already-waiting");
  }

  /** Takes the person off a waiting list they are on. */
  async leaveWaitlist(userId: string, waitId: string): Promise<void> {
    await this.db
      .update(appointmentWaitlist)
      .set({ status: "withdrawn" })
      .where(
        and(
          eq(appointmentWaitlist.id, waitId),
          eq(appointmentWaitlist.userId, userId),
          eq(appointmentWaitlist.status, "waiting"),
        ),
      );
  }

  /** Lets go of holds not confirmed in time (the background job); each freed place is offered to the waiting list. Returns how many. */
  async expireHolds(limit = 200): Promise<number> {
    const now = this.clock();
    return transactionally(this.db, async (tx) => {
      const rows = await tx
        .select()
        .from(appointmentBookings)
        .where(and(eq(appointmentBookings.status, "held"), lte(appointmentBookings.holdExpiresAt, now)))
        .orderBy(asc(appointmentBookings.holdExpiresAt))
        .limit(limit)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        const b = toBooking(row);
        await release(tx, b, "expired", now);
        const centre = await centreById(tx, b.centreId);
        if (centre) await offerFreedPlace(tx, this.tell, centre, b.serviceSlug, b.startsAt, now);
      }
      return rows.length;
    });
  }

  private beforeCutoff(centre: Centre, b: Booking, now: Date): void {
    if (b.startsAt.getTime() - centre.changeCutoffHours * 3_600_000 <= now.getTime()) throw new BookingRefused("too-late");
  }
}

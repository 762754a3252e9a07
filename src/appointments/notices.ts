import { findUser } from "../accounts/service.js";
import { servicesBySlugs } from "../catalogue/service.js";
import type { Notifier, Recipient } from "../notifications/notifier.js";
import type { NotificationValues } from "../notifications/service.js";
import type { NotificationEvent } from "../notifications/templates.js";
import type { Db } from "../platform/db/client.js";
import { formatTime, formatWeekdayDate } from "../platform/i18n/format.js";
import { dohaDate } from "../platform/time/doha.js";
import { type BookingEvent, Bookings, type Tell } from "./booking.js";
import { appointmentPaths } from "./paths.js";
import { type Booking, type Centre, closuresFrom } from "./repository.js";
import { bookingPaths } from "./views/paths.js";

/**
 * What people are told of their appointments, written in the transaction
 * that changed the booking (the outbox sends the email and text message
 * after): the confirmation, a move, a cancellation, the centre closing that
 * day (with the first free times there), a place offered from the waiting
 * list, and the reminders. Each in the language the person booked in.
 */

const eventOf: Record<BookingEvent, NotificationEvent> = {
  booked: "appointment-booked",
  moved: "appointment-moved",
  cancelled: "appointment-cancelled",
  "closure-cancelled": "appointment-closed",
  offered: "appointment-offered",
};

/** How many free times a closure's notice offers. */
export const OFFERED_TIMES = 3;

const bilingual = (f: (locale: "ar" | "en") => string) => ({ ar: f("ar"), en: f("en") });

/** A moment as its day and time in both languages. */
export function whenValues(at: Date): { day: { ar: string; en: string }; time: { ar: string; en: string } } {
  return { day: bilingual((l) => formatWeekdayDate(at, l)), time: bilingual((l) => formatTime(at, l)) };
}

/** The person as the notifier tells them, in the language they booked in; undefined when they have no account. */
export async function recipientOf(tx: Db, b: Booking): Promise<Recipient | undefined> {
  const user = await findUser(tx, b.userId);
  return user ? { ...user, locale: b.locale === "en" ? "en" : "ar" } : undefined;
}

/** What every appointment message names: the service, the centre, the day, the time and the reference. */
export async function bookingValues(tx: Db, b: Booking, centre: Centre): Promise<NotificationValues> {
  const [service] = await servicesBySlugs(tx, [b.serviceSlug]);
  return {
    service: service?.title ?? { ar: b.serviceSlug, en: b.serviceSlug },
    centre: centre.name,
    reference: b.reference,
    ...whenValues(b.startsAt),
  };
}

/**
 * The first free times of the service at the centre from now on (read in the
 * caller's transaction, so a day just closed is left out), as one line in
 * each language: "Monday, 21 December 2026 07:15".
 */
async function firstFreeTimes(tx: Db, clock: () => Date, centre: Centre, serviceSlug: string): Promise<Date[]> {
  const reading = new Bookings(tx, undefined, clock);
  const found: Date[] = [];
  for (const day of await reading.days(centre)) {
    for (const t of await reading.freeTimes(centre, serviceSlug, day)) {
      if (t.free > 0) found.push(t.startsAt);
      if (found.length >= OFFERED_TIMES) return found;
    }
  }
  return found;
}

function listOfTimes(times: Date[]): { ar: string; en: string } {
  return bilingual((l) =>
    times.length ? times.map((at) => `${formatWeekdayDate(at, l)} ${formatTime(at, l)}`).join(l === "ar" ? "، " : "; ") : "—",
  );
}

export interface NoticeOptions {
  /** The clock a closure's free times are counted from (the booking service's). */
  clock?: () => Date;
}

/** The Tell the booking service calls inside its transactions. */
export function appointmentTell(notifier: Notifier, opts: NoticeOptions = {}): Tell {
  // A closure tells many people of one service at one centre in one transaction: its free times are counted once.
  const freeTimesOf = new WeakMap<Db, Map<string, Date[]>>();
  return async (tx, event, booking, centre) => {
    const to = await recipientOf(tx, booking);
    if (!to) return;
    const values = await bookingValues(tx, booking, centre);
    let link = appointmentPaths.page(booking.id);
    if (event === "offered" && booking.holdExpiresAt) Object.assign(values, { until: whenLine(booking.holdExpiresAt) });
    if (event === "closure-cancelled") {
      const key = `${centre.id}|${booking.serviceSlug}`;
      const known = freeTimesOf.get(tx) ?? new Map<string, Date[]>();
      freeTimesOf.set(tx, known);
      const times = known.get(key) ?? (await firstFreeTimes(tx, opts.clock ?? (() => new Date()), centre, booking.serviceSlug));
      known.set(key, times);
      const closure = (await closuresFrom(tx, centre.id, dohaDate(booking.startsAt))).find(
        (c) => c.day === dohaDate(booking.startsAt),
      );
      Object.assign(values, {
        reason: closure?.reason.ar && closure.reason.en ? closure.reason : { ar: "—", en: "—" },
        times: listOfTimes(times),
      });
      // Choosing a new day at the same centre.
      link = bookingPaths.days(booking.serviceSlug, centre.slug, booking.caseId ?? undefined);
    }
    await notifier.record(tx, to, eventOf[event], values, link);
  };
}

/** A moment as one line in each language ("Sunday, 20 December 2026 08:15"). */
export function whenLine(at: Date): { ar: string; en: string } {
  return bilingual((l) => `${formatWeekdayDate(at, l)} ${formatTime(at, l)}`);
}

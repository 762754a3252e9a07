import { NotFoundError } from "../platform/http/errors.js";
import { dohaDayStart } from "../platform/time/doha.js";
import type { Bookings } from "./booking.js";
import { bookableDays, slotStarts } from "./calendar.js";
import { type Centre, takenBetween } from "./repository.js";

/** A bookable day of a service at a centre: how many of its times still have a free place, of how many. */
export interface DayAvailability {
  day: string;
  freeTimes: number;
  times: number;
}

/**
 * Every day people may book a service at a centre now, each with its free
 * times, in one read of the slots (the same counts Bookings.freeTimes gives
 * day by day). A centre that does not offer the service is not found.
 */
export async function availableDays(bookings: Bookings, centre: Centre, serviceSlug: string): Promise<DayAvailability[]> {
  const offered = centre.services.find((s) => s.serviceSlug === serviceSlug);
  if (!offered || !centre.published) throw new NotFoundError();
  const cal = await bookings.calendar(centre);
  const now = bookings.now();
  const days = bookableDays(cal, now);
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  const taken = await takenBetween(bookings.database, centre.id, serviceSlug, dohaDayStart(first), dohaDayStart(last, 1), now);
  return days.map((day) => {
    const starts = slotStarts(cal, day, offered.minutes, now);
    const freeTimes = starts.filter((at) => {
      const t = taken.get(at.getTime());
      return !t || t.taken < t.places;
    }).length;
    return { day, freeTimes, times: starts.length };
  });
}

import { dohaWallClock } from "../../platform/time/doha.js";
import type { Booking } from "../repository.js";
import type { BookingStatus } from "../tables.js";

/**
 * A centre's day as the desk sees it: each slot (a service's time) in time
 * order, with its bookings in the order they were made; those that keep a
 * place are given the counters 1, 2, … of the slot's places in that order.
 */

export interface DeskRow {
  booking: Booking;
  /** The counter the visit is at (1 … the slot's places); none for a cancelled visit. */
  counter: number | undefined;
}

export interface DeskSlot {
  startsAt: Date;
  serviceSlug: string;
  rows: DeskRow[];
}

const keepsPlace: ReadonlySet<BookingStatus> = new Set(["held", "booked", "checked-in", "no-show"]);

/** The day's bookings (as bookingsOnDay gives them) as slots with counters. */
export function deskSlots(bookings: Booking[]): DeskSlot[] {
  const slots = new Map<string, DeskSlot>();
  const ordered = [...bookings].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.createdAt.getTime() - b.createdAt.getTime(),
  );
  for (const booking of ordered) {
    const key = `${booking.startsAt.getTime()}|${booking.serviceSlug}`;
    let slot = slots.get(key);
    if (!slot) {
      slot = { startsAt: booking.startsAt, serviceSlug: booking.serviceSlug, rows: [] };
      slots.set(key, slot);
    }
    const counter = keepsPlace.has(booking.status) ? slot.rows.filter((r) => r.counter !== undefined).length + 1 : undefined;
    slot.rows.push({ booking, counter });
  }
  return [...slots.values()].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.serviceSlug.localeCompare(b.serviceSlug),
  );
}

/** "07:15": a moment's time of day in Doha. */
export function clockTime(at: Date): string {
  return dohaWallClock(at).toISOString().slice(11, 16);
}

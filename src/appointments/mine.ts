import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { findService, servicesBySlugs } from "../catalogue/service.js";
import type { Db } from "../platform/db/client.js";
import { NotFoundError } from "../platform/http/errors.js";
import { parseOrRefuse } from "../platform/http/forms.js";
import type { Bookings } from "./booking.js";
import { type Booking, bookingById, bookingsOfPerson, type Centre, centreById } from "./repository.js";

/**
 * A person's appointments as their pages show them: each booking with its
 * centre, its service's name (from the catalogue) and how it stands now.
 */

/** How a visit stands, in the person's words: waiting for confirmation, booked, and after it attended, missed or cancelled. */
export type Standing = "held" | "booked" | "attended" | "missed" | "cancelled" | "closed" | "passed" | "lapsed";

export interface Appointment {
  booking: Booking;
  centre: Centre;
  service: { ar: string; en: string };
  standing: Standing;
  /** Still ahead: held or booked, its time not over. */
  upcoming: boolean;
  /** The person may still move or cancel it (booked, before the centre's cut-off). */
  changeable: boolean;
}

export function standingOf(b: Booking, now: Date): Standing {
  const over = b.startsAt.getTime() + b.minutes * 60_000 <= now.getTime();
  switch (b.status) {
    case "held":
      return over ? "lapsed" : "held";
    case "booked":
      return over ? "passed" : "booked";
    case "checked-in":
      return "attended";
    case "no-show":
      return "missed";
    case "cancelled":
      return b.cancelledBy === "closure" ? "closed" : "cancelled";
    default:
      return "lapsed";
  }
}

/** The moment after which a booked visit can no longer be moved or cancelled. */
export function changeDeadline(b: Booking, centre: Centre): Date {
  return new Date(b.startsAt.getTime() - centre.changeCutoffHours * 3_600_000);
}

function appointmentOf(b: Booking, centre: Centre, service: { ar: string; en: string }, now: Date): Appointment {
  const standing = standingOf(b, now);
  return {
    booking: b,
    centre,
    service,
    standing,
    upcoming: standing === "held" || standing === "booked",
    changeable: standing === "booked" && changeDeadline(b, centre).getTime() > now.getTime(),
  };
}

/** Service names by slug, from the catalogue (the slug where a service is no longer published). */
async function serviceNames(db: Db, slugs: string[]): Promise<Map<string, { ar: string; en: string }>> {
  const found = await servicesBySlugs(db, [...new Set(slugs)]);
  return new Map(found.map((s) => [s.slug, s.title]));
}

async function centresById(db: Db, ids: string[]): Promise<Map<string, Centre>> {
  const out = new Map<string, Centre>();
  for (const id of new Set(ids)) {
    const c = await centreById(db, id);
    if (c) out.set(id, c);
  }
  return out;
}

/**
 * A person's appointments: those ahead, soonest first, and the rest (attended,
 * missed, cancelled), latest first. Holds nobody confirmed are left out once
 * they lapse: they never were appointments.
 */
export async function appointmentsOf(
  db: Db,
  userId: string,
  now: Date,
  only: "upcoming" | "all" = "all",
): Promise<{ upcoming: Appointment[]; past: Appointment[] }> {
  const bookings = await bookingsOfPerson(db, userId, only === "upcoming" ? ["held", "booked"] : undefined);
  const [names, centres] = await Promise.all([
    serviceNames(
      db,
      bookings.map((b) => b.serviceSlug),
    ),
    centresById(
      db,
      bookings.map((b) => b.centreId),
    ),
  ]);
  const all = bookings.flatMap((b) => {
    const centre = centres.get(b.centreId);
    if (!centre) return [];
    const a = appointmentOf(b, centre, names.get(b.serviceSlug) ?? { ar: b.serviceSlug, en: b.serviceSlug }, now);
    return a.standing === "lapsed" ? [] : [a];
  });
  return { upcoming: all.filter((a) => a.upcoming), past: all.filter((a) => !a.upcoming).reverse() };
}

/** One of the person's own appointments; anyone else's, or none, is "not found". */
export async function ownAppointment(db: Db, userId: string, id: string, now: Date): Promise<Appointment> {
  const b = await bookingById(db, id);
  if (!b || b.userId !== userId) throw new NotFoundError();
  const centre = await centreById(db, b.centreId);
  if (!centre) throw new NotFoundError();
  const names = await serviceNames(db, [b.serviceSlug]);
  return appointmentOf(b, centre, names.get(b.serviceSlug) ?? { ar: b.serviceSlug, en: b.serviceSlug }, now);
}

/** What to bring to the visit: the documents the service states, in both languages (none when it states none). */
export async function whatToBring(db: Db, serviceSlug: string): Promise<{ ar: string; en: string }[]> {
  const service = await findService(db, serviceSlug);
  return (service?.facts?.documents ?? []).map((d) => d.title);
}

const idParams = z.object({ id: z.string().uuid() });

/** The signed-in person's own appointment named in the address; anyone else's, or a malformed id, is "not found". */
export async function appointmentOfRequest(request: FastifyRequest, bookings: Bookings): Promise<Appointment> {
  const { id } = parseOrRefuse(idParams, request.params, { notFound: true });
  return ownAppointment(bookings.database, request.viewer?.id ?? "", id, bookings.now());
}

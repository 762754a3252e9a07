/**
 * What other areas may use of appointments: the bookings of a person (My
 * Hukoomi, the API), which services can be booked (the service pages' link),
 * the booking service itself for an e-service's visit step, and what the
 * agency workspace needs to edit centres (writing a centre, its hours and
 * closures, taking it off the public site).
 */
import type { Db } from "../platform/db/client.js";
import { bookableServiceSlugs as bookable } from "./repository.js";
import { bookingPaths as paths } from "./views/paths.js";

export { AREA_SLUGS, type Area, isArea, kilometresBetween, nearestFirst } from "./areas.js";
export { type BookingEvent, BookingRefused, Bookings, type FreeTime, type RefusalReason, type Tell } from "./booking.js";
export { readDayHours } from "./calendar.js";
export {
  activeBookingsOn,
  type CentreInput,
  readWeekHours,
  unpublishCentre,
  WEEKDAYS,
  writeCentre,
  writeClosures,
} from "./centres.js";
export { readBookingReference } from "./references.js";
export {
  type Booking,
  bookableServiceSlugs,
  bookingById,
  bookingsOfPerson,
  type Centre,
  type Closure,
  centreById,
  centreBySlug,
  centresOf,
  centresOffering,
  closuresFrom,
} from "./repository.js";
export type { BookingStatus } from "./tables.js";
export { bookingPaths } from "./views/paths.js";
export { type Wait, waitsOfPerson } from "./waitlist.js";

/**
 * Where a service page's "Book an appointment" leads (given to the
 * catalogue, which knows nothing of bookings): the service's centres, when
 * any published centre offers it. The same for every visitor.
 */
export function bookingLink(db: Db): (serviceSlug: string) => Promise<string | undefined> {
  return async (serviceSlug) => ((await bookable(db)).includes(serviceSlug) ? paths.centres(serviceSlug) : undefined);
}

/**
 * Services whose e-service request is followed by a visit booked as its next
 * step (the medical commission's examination); the request page's link says so.
 */
export const VISIT_STEP_SERVICES: readonly string[] = ["medical-commission-registration"];

/** Where a submitted request's page offers to book its visit (given to e-services): the centres, carrying the request. */
export function visitBookingLink(db: Db): (serviceSlug: string, caseId: string) => Promise<string | undefined> {
  return async (serviceSlug, caseId) =>
    VISIT_STEP_SERVICES.includes(serviceSlug) && (await bookable(db)).includes(serviceSlug)
      ? paths.centres(serviceSlug, caseId)
      : undefined;
}

/**
 * What other areas may use of appointments: the bookings of a person (My
 * Hukoomi, the API), which services can be booked (the service pages' link),
 * the booking service itself for an e-service's visit step, and what the
 * agency workspace needs to edit centres (writing a centre, its hours and
 * closures, taking it off the public site).
 */
export { AREA_SLUGS, type Area, isArea } from "./areas.js";
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
  bookingsOfPerson,
  type Centre,
  type Closure,
  centreBySlug,
  centresOf,
  centresOffering,
  closuresFrom,
} from "./repository.js";
export type { BookingStatus } from "./tables.js";

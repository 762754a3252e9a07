/**
 * What other areas may use of appointments: the bookings of a person (My
 * Hukoomi, the API), which services can be booked (the service pages' link),
 * and the booking service itself for an e-service's visit step.
 */
export { type BookingEvent, BookingRefused, Bookings, type FreeTime, type RefusalReason, type Tell } from "./booking.js";
export {
  type Booking,
  bookableServiceSlugs,
  bookingsOfPerson,
  type Centre,
  centreBySlug,
  centresOffering,
} from "./repository.js";
export type { BookingStatus } from "./tables.js";

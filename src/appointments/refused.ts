import { ConflictError } from "../platform/http/errors.js";

/** Why a booking step was refused: each has its message, appointments.refused.<reason>. */
export type RefusalReason =
  | "full"
  | "not-bookable"
  | "per-person"
  | "too-many"
  | "hold-expired"
  | "too-late"
  | "not-active"
  | "not-today"
  | "not-yet-over"
  | "already-waiting";

export class BookingRefused extends ConflictError {
  constructor(readonly reason: RefusalReason) {
    super(`appointments.refused.${reason}`);
    // The API's 409 says why in a word an app can act on, besides the message in the person's language.
    this.details = { reason };
  }
}

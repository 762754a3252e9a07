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
  }
}

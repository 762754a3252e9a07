import { readGroupedCode } from "../platform/text/identifiers.js";

/** The letters and digits of booking references (those of request references: nothing read two ways). */
export const REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTWXY34679";

/** A booking reference as people type it (any case, spaces or none, Arabic-Indic digits) in its printed AP-XXXX-XXXX form; undefined when it cannot be one. */
export function readBookingReference(typed: string): string | undefined {
  return readGroupedCode(typed, { alphabet: REFERENCE_ALPHABET, groups: 2, size: 4, prefix: "AP" });
}

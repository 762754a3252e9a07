import { parsePhoneNumberFromString } from "libphonenumber-js";
import { foldDigits } from "./clean.js";

/** Qatar's ISO 3166-1 numeric code, the nationality part of a citizen's QID. */
const QATAR_NUMERIC = "634";

export type QidProblem = "length" | "digits" | "century" | "citizenCountry";

/**
 * Checks a Qatari ID number: 11 digits (Arabic-Indic digits accepted), the
 * first giving the century of birth (2 for the 1900s, 3 for the 2000s),
 * then the year of birth, then the three-digit nationality code (634 for
 * citizens), then a serial.
 */
export function checkQid(raw: string, residency?: string): { qid: string } | { problem: QidProblem } {
  const qid = foldDigits(raw).replace(/[\s-]/g, "");
  if (!/^\d*$/.test(qid)) return { problem: "digits" };
  if (qid.length !== 11) return { problem: "length" };
  if (qid[0] !== "2" && qid[0] !== "3") return { problem: "century" };
  if (residency === "citizen" && qid.slice(3, 6) !== QATAR_NUMERIC) return { problem: "citizenCountry" };
  return { qid };
}

/** A mobile number in E.164 form, reading local numbers as Qatari; undefined when it is not a valid number. */
export function normalisePhone(raw: string): string | undefined {
  const parsed = parsePhoneNumberFromString(foldDigits(raw), "QA");
  return parsed?.isValid() ? parsed.number : undefined;
}

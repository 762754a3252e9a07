import { parsePhoneNumberFromString } from "libphonenumber-js";
import { foldDigits } from "../platform/text/clean.js";

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

const COMMON_PASSWORDS = new Set([
  "password",
  "password1",
  "password123",
  "123456789",
  "1234567890",
  "qwertyuiop",
  "iloveyou",
  "qatar2022",
  "doha12345",
  "hukoomi123",
  "abcdefghij",
  "1q2w3e4r5t",
  "qwerty1234",
  "welcome123",
  "letmein123",
  "admin12345",
]);

export type PasswordProblem = "short" | "long" | "common" | "personal";

/** Length over rules: at least 10 characters, not a common password, not the person's own details. */
export function checkPassword(password: string, personal: string[]): PasswordProblem | undefined {
  if (password.length < 10) return "short";
  if (password.length > 128) return "long";
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1+$/.test(password)) return "common";
  if (personal.some((p) => p.length >= 4 && lower.includes(p.toLowerCase()))) return "personal";
  return undefined;
}

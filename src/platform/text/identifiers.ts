import { parsePhoneNumberFromString } from "libphonenumber-js";
import { foldDigits, stripControlCharacters } from "./clean.js";

/**
 * The one reader of identifiers people type: QIDs, passport numbers, phone
 * numbers, request references and document codes. Every form and look-up
 * (registration, sign-in, e-services, /verify, the officers' queue, the API)
 * reads them through here, so what one accepts the others accept too.
 */

/** Spaces of every kind, hyphens, dashes and the minus sign, the Arabic tatweel, and the bidi marks a paste can carry. */
const SEPARATORS = /[\s\u00AD\u0640\u200B-\u200F\u2010-\u2015\u2212\u202A-\u202E\u2066-\u2069\uFE58\uFE63\uFF0D.\-_/]/g;

/**
 * An identifier as typed, in one canonical spelling: full-width forms folded
 * (NFKC), Arabic-Indic and Persian digits as ASCII, separators removed, letters
 * in capitals. "٢٩٠ ٦٣٤-٠١٢٣٤" and "29063401234" read alike; so do "hk-7kmd 3xqa"
 * and "HK-7KMD-3XQA".
 */
export function compactIdentifier(raw: string): string {
  return foldDigits(stripControlCharacters(raw).normalize("NFKC")).replace(SEPARATORS, "").toUpperCase();
}

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
  const qid = compactIdentifier(raw);
  if (!/^\d*$/.test(qid)) return { problem: "digits" };
  if (qid.length !== 11) return { problem: "length" };
  if (qid[0] !== "2" && qid[0] !== "3") return { problem: "century" };
  if (residency === "citizen" && qid.slice(3, 6) !== QATAR_NUMERIC) return { problem: "citizenCountry" };
  return { qid };
}

/** A passport number in its stored form (6 to 12 letters and digits, capitals); undefined when it cannot be one. */
export function normalisePassport(raw: string): string | undefined {
  const number = compactIdentifier(raw);
  return /^[A-Z0-9]{6,12}$/.test(number) ? number : undefined;
}

/** A mobile number in E.164 form, reading local numbers as Qatari; undefined when it is not a valid number. */
export function normalisePhone(raw: string): string | undefined {
  const typed = compactIdentifier(raw);
  // "00" is how people in Qatar dial abroad; libphonenumber wants the "+" for an explicit country.
  const parsed = parsePhoneNumberFromString(typed.startsWith("00") ? `+${typed.slice(2)}` : typed, "QA");
  return parsed?.isValid() ? parsed.number : undefined;
}

/** What a person signs in with, read as the account stores it. */
export type SignInIdentifier =
  | { kind: "email"; email: string }
  | { kind: "qid"; qid: string }
  | { kind: "passport"; number: string };

/**
 * The sign-in box takes an email address, a QID or a passport number: an
 * "@" makes it an email (lower case, digits folded), 11 digits a QID, and
 * anything else that can be a passport number a passport number.
 */
export function readSignInIdentifier(raw: string): SignInIdentifier | undefined {
  const trimmed = stripControlCharacters(raw).trim();
  if (trimmed.includes("@")) return { kind: "email", email: foldDigits(trimmed.normalize("NFKC")).toLowerCase() };
  const qid = checkQid(trimmed);
  if ("qid" in qid) return { kind: "qid", qid: qid.qid };
  const number = normalisePassport(trimmed);
  return number ? { kind: "passport", number } : undefined;
}

/**
 * A code made of `groups` groups of `size` characters from `alphabet`, behind
 * an optional prefix, as people type it, in its printed form (groups joined by
 * hyphens); undefined when it cannot be one.
 */
export function readGroupedCode(
  raw: string,
  { alphabet, groups, size, prefix = "" }: { alphabet: string; groups: number; size: number; prefix?: string },
): string | undefined {
  const compact = compactIdentifier(raw);
  if (!compact.startsWith(prefix)) return undefined;
  const body = compact.slice(prefix.length);
  if (body.length !== groups * size || [...body].some((c) => !alphabet.includes(c))) return undefined;
  const parts = Array.from({ length: groups }, (_, i) => body.slice(i * size, (i + 1) * size));
  return [...(prefix ? [prefix] : []), ...parts].join("-");
}

export type CodeProblem = { kind: "length"; length: number } | { kind: "characters"; characters: string };

/** Why a typed code cannot be one: how many characters it has, or which of them no code uses. */
export function codeProblem(raw: string, alphabet: string): CodeProblem {
  const compact = compactIdentifier(raw);
  const foreign = [...new Set([...compact].filter((c) => !alphabet.includes(c)))];
  if (foreign.length) return { kind: "characters", characters: foreign.join(" ") };
  return { kind: "length", length: compact.length };
}

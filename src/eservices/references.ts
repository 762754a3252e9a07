import { randomInt } from "node:crypto";
import { readGroupedCode } from "../platform/text/identifiers.js";

/**
 * Letters and digits that cannot be mistaken for one another when read
 * aloud, written down or typed from a phone screen: no 0/O, 1/I/L, 2/Z,
 * 5/S, 8/B, U/V.
 */
export const REFERENCE_ALPHABET = "ACDEFGHJKMNPQRTWXY34679";

const PREFIX = "HK";

/** A new request reference such as HK-7KMD-3XQA: 23⁸ (about 78 billion) possibilities. */
export function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join("");
  return `${PREFIX}-${part()}-${part()}`;
}

/** A reference as people type it (any case, spaces, dashes, Arabic-Indic digits) in its stored form; undefined if it cannot be one. */
export function normaliseReference(raw: string): string | undefined {
  return readGroupedCode(raw, { alphabet: REFERENCE_ALPHABET, groups: 2, size: 4, prefix: PREFIX });
}

import { randomInt } from "node:crypto";
import { foldDigits } from "../platform/text/clean.js";

/**
 * Letters and digits that cannot be mistaken for one another when read
 * from paper or typed from a phone: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V.
 */
export const CODE_ALPHABET = "ACDEFGHJKMNPQRTWXY34679";

/** A new document code such as K7QD-XA3M: 23⁸ (about 78 billion) possibilities. */
export function newDocumentCode(): string {
  const part = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `${part()}-${part()}`;
}

const CODE = new RegExp(`^([${CODE_ALPHABET}]{4})([${CODE_ALPHABET}]{4})$`);

/**
 * A code as people type it (any case, spaces, dashes, Arabic-Indic digits)
 * in its printed form; undefined if it cannot be one.
 */
export function normaliseDocumentCode(raw: string): string | undefined {
  const compact = foldDigits(raw)
    .toUpperCase()
    .replace(/[\s\u2010-\u2015\u2212-]/g, "");
  const m = CODE.exec(compact);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** Where the holder sees a document, and where anyone checks it (language-neutral paths). */
export const documentPath = (code: string) => `/my/documents/${code}`;
export const verifyPath = (code: string) => `/verify/${code}`;

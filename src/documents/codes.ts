import { randomInt } from "node:crypto";
import { type CodeProblem, codeProblem, readGroupedCode } from "../platform/text/identifiers.js";

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

/**
 * A code as people type it (any case, spaces, dashes, Arabic-Indic digits)
 * in its printed form; undefined if it cannot be one.
 */
export function normaliseDocumentCode(raw: string): string | undefined {
  return readGroupedCode(raw, { alphabet: CODE_ALPHABET, groups: 2, size: 4 });
}

/** Why a typed code cannot be a document code, for a message that says what to check. */
export function documentCodeProblem(raw: string): CodeProblem {
  return codeProblem(raw, CODE_ALPHABET);
}

/** Where the holder sees a document, and where anyone checks it (language-neutral paths). */
export const documentPath = (code: string) => `/my/documents/${code}`;
export const verifyPath = (code: string) => `/verify/${code}`;

import { normalize } from "../../platform/text/normalize.js";

/** A word of the original text: where it is, and its normalised form. */
export interface Word {
  /** Offset of the word's first code unit in the original text. */
  start: number;
  /** Offset just after the word in the original text. */
  end: number;
  /** The word as written. */
  raw: string;
  /** The word normalised (folded letters, no marks, lower case). */
  norm: string;
}

/**
 * Letters (with their combining marks and tatweel), digits, and the
 * zero-width joiners that may sit inside an Arabic word.
 */
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu;

/**
 * Splits a text into words, keeping their offsets in the original text so
 * highlights land on the right letters even when normalisation changed the
 * word (removed harakat, folded hamza, NFKC-expanded ligatures).
 */
export function wordsWithOffsets(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    const norm = normalizedWord(raw);
    if (!norm) continue;
    const start = m.index ?? 0;
    // NFKC may split a presentation form into two words (ﷺ); keep each as one word of the original span.
    for (const part of norm.split(" ")) out.push({ start, end: start + raw.length, raw, norm: part });
  }
  return out;
}

/** Normalised spellings of the words seen so far: texts repeat words, and normalising is the costly part. */
const normalized = new Map<string, string>();
const CACHE_LIMIT = 500_000;

function normalizedWord(raw: string): string {
  let norm = normalized.get(raw);
  if (norm === undefined) {
    norm = normalize(raw);
    if (normalized.size >= CACHE_LIMIT) normalized.clear();
    normalized.set(raw, norm);
  }
  return norm;
}

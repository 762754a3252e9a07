import { normalize } from "../../platform/text/normalize.js";
import { stem } from "./index.js";
import { skeleton } from "./transliteration.js";

/**
 * The analyzer's indexing path: the same words, stems and sound keys as
 * tokenize/index, without offsets, each written word analysed once and
 * remembered (a catalogue repeats its words; building 100,000 services
 * spends its time here and in the garbage collector otherwise).
 */
const WORD = /[\p{L}\p{N}\p{M}\u0640\u200c\u200d]+/gu;

/** What indexing needs of one normalised word. */
export interface AnalysedWord {
  norm: string;
  /** "" for a stop word. */
  stem: string;
  /** Its sound key across scripts ("" when none). */
  key: string;
  /** Digits only. */
  number: boolean;
}

const cache = new Map<string, AnalysedWord[]>();
const CACHE_LIMIT = 500_000;

/** The analysed words of one written word (NFKC may make two of one presentation form). */
export function analyseWord(raw: string): AnalysedWord[] {
  let out = cache.get(raw);
  if (out === undefined) {
    out = [];
    for (const norm of normalize(raw).split(" ")) {
      if (!norm) continue;
      const s = stem(norm);
      const number = /^\d+$/.test(norm);
      out.push({ norm, stem: s, key: s && !number ? skeleton(norm) : "", number });
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(raw, out);
  }
  return out;
}

/** The written words of a text. */
export function writtenWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Appends the index terms of a text: each word's stem, and its normalised spelling when that differs. */
export function appendIndexTerms(text: string, out: string[]): string[] {
  for (const raw of writtenWords(text)) {
    for (const w of analyseWord(raw)) {
      if (!w.stem) continue;
      out.push(w.stem);
      if (w.norm !== w.stem) out.push(w.norm);
    }
  }
  return out;
}

import { arabicStopWords, stemArabic } from "./arabic.js";
import { englishStopWords, stemEnglish } from "./english.js";
import { type Word, wordsWithOffsets } from "./tokenize.js";

/**
 * The portal's own analyzer, used at indexing and at query time:
 * normalise (platform/text/normalize), split into words, drop stop words,
 * and stem each word by its script: the light Arabic stemmer for Arabic,
 * Porter for English, digits as they are.
 */
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /[a-z]/;

export function isStopWord(norm: string): boolean {
  return arabicStopWords.has(norm) || englishStopWords.has(norm);
}

const stems = new Map<string, string>();
const CACHE_LIMIT = 500_000;

/** The stem of one normalised word ("" for a stop word); remembered, as texts repeat their words. */
export function stem(norm: string): string {
  let s = stems.get(norm);
  if (s === undefined) {
    s = isStopWord(norm) ? "" : ARABIC.test(norm) ? stemArabic(norm) : LATIN.test(norm) ? stemEnglish(norm) : norm;
    if (stems.size >= CACHE_LIMIT) stems.clear();
    stems.set(norm, s);
  }
  return s;
}

/** Other stems a query word may stand for, tried when its stem is not a word of the index. */
export function alternativeStems(norm: string): string[] {
  if (!ARABIC.test(norm) || isStopWord(norm)) return [];
  const alt = stemArabic(norm, false);
  return alt !== stemArabic(norm) ? [alt, norm] : [norm];
}

/** The index terms of a text. */
export function analyze(text: string): string[] {
  const out: string[] = [];
  for (const w of wordsWithOffsets(text)) {
    const s = stem(w.norm);
    if (s) out.push(s);
  }
  return out;
}

/** The words of a text with their stems and offsets, for highlighting. */
export function analyzeWithOffsets(text: string): (Word & { stem: string })[] {
  return wordsWithOffsets(text).map((w) => ({ ...w, stem: stem(w.norm) }));
}

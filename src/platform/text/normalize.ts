import { foldDigits } from "./clean.js";

/**
 * Arabic and English text normalisation, the first stage of the portal's
 * own analyzer. The same function runs over indexed text and over queries,
 * so spelling variants meet in the middle:
 *
 * - NFKC (presentation forms → letters, full-width Latin → ASCII);
 * - tatweel, harakat (U+064B–U+065F), superscript alef (U+0670), Quranic
 *   annotation marks, and invisible joiners are removed;
 * - hamza and madda seats fold: أ إ آ ٱ → ا, ؤ → و, ئ → ي; ى → ي; ة → ه;
 * - Persian and Urdu letter forms fold to their Arabic counterparts
 *   (ک → ك, ی ې ۍ → ي, ە ۀ → ه, ٹ → ت, ڈ → د, ڑ → ر, ں → ن, گ → ك, پ → ب, چ → ج, ژ → ز);
 * - Arabic-Indic and Persian digits fold to 0–9;
 * - Arabic punctuation (، ؛ ؟) and all other punctuation become spaces;
 * - Latin letters are lower-cased and stripped of accents.
 */
const LETTER_FOLDS: Record<string, string> = {
  أ: "ا",
  إ: "ا",
  آ: "ا",
  ٱ: "ا",
  ٲ: "ا",
  ٳ: "ا",
  ؤ: "و",
  ئ: "ي",
  ى: "ي",
  ة: "ه",
  ک: "ك",
  ڪ: "ك",
  گ: "ك",
  ی: "ي",
  ې: "ي",
  ۍ: "ي",
  ێ: "ي",
  ە: "ه",
  ۀ: "ه",
  ہ: "ه",
  ھ: "ه",
  ۃ: "ه",
  ٹ: "ت",
  ڈ: "د",
  ڑ: "ر",
  ں: "ن",
  پ: "ب",
  چ: "ج",
  ژ: "ز",
  ٶ: "و",
  ۇ: "و",
};

const FOLD_PATTERN = new RegExp(`[${Object.keys(LETTER_FOLDS).join("")}]`, "g");

/** Tatweel, harakat, superscript alef, Quranic marks, and zero-width joiners / marks. */
const REMOVED = /[\u0640\u064B-\u065F\u0670\u0610-\u061A\u06D6-\u06ED\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/** Anything that is not a letter or a digit separates words (Arabic comma, semicolon and question mark included). */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

export function normalize(text: string): string {
  return foldDigits(
    text
      .normalize("NFKC")
      .replace(REMOVED, "")
      .replace(FOLD_PATTERN, (c) => LETTER_FOLDS[c] ?? c)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .normalize("NFC")
      .toLowerCase(),
  )
    .replace(SEPARATORS, " ")
    .trim();
}

/** The normalised words of a text. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(" ") : [];
}

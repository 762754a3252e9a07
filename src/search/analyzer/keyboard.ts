/**
 * Queries typed with the keyboard set to the other language: "hrhlm" is
 * "اقامة" typed on the English layout, "رهسش" is "visa" typed on the Arabic
 * one. The standard Arabic (101) layout, key by key.
 */
const latinToArabic: Record<string, string> = {
  q: "ض",
  w: "ص",
  e: "ث",
  r: "ق",
  t: "ف",
  y: "غ",
  u: "ع",
  i: "ه",
  o: "خ",
  p: "ح",
  "[": "ج",
  "]": "د",
  a: "ش",
  s: "س",
  d: "ي",
  f: "ب",
  g: "ل",
  h: "ا",
  j: "ت",
  k: "ن",
  l: "م",
  ";": "ك",
  "'": "ط",
  z: "ئ",
  x: "ء",
  c: "ؤ",
  v: "ر",
  b: "لا",
  n: "ى",
  m: "ة",
  ",": "و",
  ".": "ز",
  "/": "ظ",
  "`": "ذ",
};

const arabicToLatin: Record<string, string> = Object.fromEntries(Object.entries(latinToArabic).map(([k, v]) => [v, k]));

/** The text as if typed on the Arabic layout (for Latin letters typed by mistake). */
export function latinKeysToArabic(text: string): string {
  return [...text.toLowerCase()].map((ch) => latinToArabic[ch] ?? ch).join("");
}

/** The text as if typed on the English layout (for Arabic letters typed by mistake). */
export function arabicKeysToLatin(text: string): string {
  return text.replace(/لا|./gu, (ch) => arabicToLatin[ch] ?? ch);
}

/**
 * The query as the person probably meant it, when it looks like the other
 * layout: Latin letters that make no English become Arabic, and Arabic
 * letters become Latin. Undefined when the query has no letters to swap.
 */
export function otherLayout(query: string): string | undefined {
  if (/\p{Script=Arabic}/u.test(query) && !/[a-z]/i.test(query)) return arabicKeysToLatin(query);
  if (/[a-z]/i.test(query) && !/\p{Script=Arabic}/u.test(query)) return latinKeysToArabic(query);
  return undefined;
}

/**
 * Transliteration keys: Arabic typed in Latin letters (iqama, sijil tijari,
 * ta2sheera, man3) and English typed in Arabic letters (اكزت برمت, ميديكال)
 * reduced to one consonant skeleton in a small Latin alphabet, so a word in
 * one script finds its counterpart in the other. Class symbols are upper-case
 * Latin letters, so they never mix with the letters being read. Vowels (and the long-vowel
 * letters, hamza and ain) are dropped; letters people interchange when
 * transliterating share a class (ت/ط → t, س/ص/ث/ز/ذ/ظ → s, ه/ح → h, ق/ك → k).
 */
const arabicClasses: Record<string, string> = {
  ب: "B",
  ت: "T",
  ط: "T",
  ث: "S",
  ج: "J",
  ح: "H",
  ه: "H",
  خ: "X",
  د: "D",
  ض: "D",
  ذ: "S",
  ز: "S",
  ظ: "S",
  ر: "R",
  س: "S",
  ص: "S",
  ش: "C",
  غ: "G",
  ف: "F",
  ق: "K",
  ك: "K",
  ل: "L",
  م: "M",
  ن: "N",
  // Long vowels, hamza and ain carry no consonant of their own in transliteration.
  ا: "",
  و: "",
  ي: "",
  ع: "",
  ء: "",
};

const latinDigraphs: [RegExp, string][] = [
  [/sh/g, "C"],
  [/ch/g, "C"],
  [/kh/g, "X"],
  [/gh/g, "G"],
  [/th/g, "S"],
  [/dh/g, "S"],
  [/ph/g, "F"],
  [/ck/g, "K"],
  [/x/g, "KS"],
];

/** Latin letters to classes; class symbols (upper case) left by the digraphs map to themselves. */
const latinClasses: Record<string, string> = {
  B: "B",
  T: "T",
  J: "J",
  H: "H",
  X: "X",
  D: "D",
  R: "R",
  S: "S",
  C: "C",
  G: "G",
  F: "F",
  K: "K",
  L: "L",
  M: "M",
  N: "N",
  b: "B",
  p: "B",
  t: "T",
  j: "J",
  h: "H",
  d: "D",
  r: "R",
  s: "S",
  z: "S",
  c: "K",
  g: "G",
  f: "F",
  v: "F",
  q: "K",
  k: "K",
  l: "L",
  m: "M",
  n: "N",
  // Arabizi digits: 7 is ح, 5 is خ, 9 is ق (or ص); 2 (hamza) and 3 (ain) are silent like vowels.
  "7": "H",
  "5": "X",
  "9": "K",
  "2": "",
  "3": "",
};

/** The transliteration key of a normalised word; "" when it has too few consonants to mean anything. */
export function skeleton(norm: string): string {
  let out = "";
  if (/\p{Script=Arabic}/u.test(norm)) {
    // A final teh marbuta (written ه once normalised) is a vowel, not an h.
    const word = norm.endsWith("ه") ? norm.slice(0, -1) : norm;
    for (const ch of word) out += arabicClasses[ch] ?? "";
  } else {
    let word = norm.toLowerCase();
    for (const [re, to] of latinDigraphs) word = word.replace(re, to);
    for (const ch of word) out += latinClasses[ch] ?? "";
  }
  // Doubled letters (tibbi, hajj) are written once in Arabic.
  out = out.replace(/(.)\1+/g, "$1");
  return out.length >= 2 ? out : "";
}

export function isArabic(word: string): boolean {
  return /\p{Script=Arabic}/u.test(word);
}

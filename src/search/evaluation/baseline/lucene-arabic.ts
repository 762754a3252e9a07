/**
 * The baseline's Arabic analysis, as Lucene's ArabicAnalyzer (and
 * Elasticsearch's `arabic` analyzer) does it, written from their documented
 * behaviour for the search evaluation only: lower case, decimal digits to
 * ASCII, stop words, ArabicNormalizer (hamza on alef, alef madda and alef
 * wasla → alef; alef maksura → yeh; teh marbuta → heh; tatweel and harakat
 * removed), then ArabicStemmer (Larkey's light stemmer: one prefix of ال وال
 * بال كال فال لل و, then each of the suffixes ها ان ات ون ين يه ية ه ة ي in
 * turn, each only when two letters remain).
 */

const NORMALIZE: Record<string, string> = {
  "\u0622": "ا",
  "\u0623": "ا",
  "\u0625": "ا",
  "\u0671": "ا",
  "\u0649": "ي",
  "\u0629": "ه",
};
/** Tatweel and the harakat Lucene removes (fathatan to sukun). */
const REMOVED = /[\u0640\u064B-\u0652]/g;

export function luceneArabicNormalize(word: string): string {
  return word.replace(REMOVED, "").replace(/[\u0622\u0623\u0625\u0671\u0649\u0629]/g, (c) => NORMALIZE[c] ?? c);
}

const PREFIXES = ["ال", "وال", "بال", "كال", "فال", "لل", "و"];
const SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"];

export function luceneArabicStem(word: string): string {
  let w = word;
  for (const p of PREFIXES) {
    // A one-letter prefix needs a word of four letters; the others leave at least two.
    const enough = p.length === 1 ? w.length >= 4 : w.length >= p.length + 2;
    if (enough && w.startsWith(p)) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (w.length >= s.length + 2 && w.endsWith(s)) w = w.slice(0, -s.length);
  }
  return w;
}

/** Lucene's Arabic stop words (the most frequent of them; normalised as the filter sees them after lower-casing). */
export const luceneArabicStopWords = new Set([
  "من",
  "ومن",
  "منها",
  "منه",
  "في",
  "وفي",
  "فيها",
  "فيه",
  "و",
  "ف",
  "ثم",
  "او",
  "أو",
  "ب",
  "بها",
  "به",
  "ا",
  "أ",
  "اى",
  "اي",
  "أي",
  "أى",
  "لا",
  "ولا",
  "الا",
  "ألا",
  "إلا",
  "لكن",
  "ما",
  "وما",
  "كما",
  "فما",
  "عن",
  "مع",
  "اذا",
  "إذا",
  "ان",
  "أن",
  "إن",
  "انها",
  "أنها",
  "إنها",
  "انه",
  "أنه",
  "إنه",
  "بان",
  "بأن",
  "فان",
  "فأن",
  "وان",
  "وأن",
  "وإن",
  "التى",
  "التي",
  "الذى",
  "الذي",
  "الذين",
  "الى",
  "الي",
  "إلى",
  "إلي",
  "على",
  "عليها",
  "عليه",
  "اما",
  "أما",
  "إما",
  "ايضا",
  "أيضا",
  "كل",
  "وكل",
  "لم",
  "ولم",
  "لن",
  "ولن",
  "هى",
  "هي",
  "هو",
  "وهى",
  "وهي",
  "وهو",
  "فهى",
  "فهي",
  "فهو",
  "انت",
  "أنت",
  "لك",
  "لها",
  "له",
  "هذه",
  "هذا",
  "تلك",
  "ذلك",
  "هناك",
  "كانت",
  "كان",
  "يكون",
  "تكون",
  "وكانت",
  "وكان",
  "غير",
  "بعض",
  "قد",
  "نحو",
  "بين",
  "بينما",
  "منذ",
  "ضمن",
  "حيث",
  "الان",
  "الآن",
  "خلال",
  "بعد",
  "قبل",
  "حتى",
  "عند",
  "عندما",
  "لدى",
  "جميع",
]);

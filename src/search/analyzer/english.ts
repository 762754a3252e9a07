import { stemmer } from "stemmer";

/**
 * The portal's English analysis, at least what Lucene's English analyzer
 * does (possessives, stop words, Porter stemming) and British and American
 * spellings folded to one form. Folding runs the same way over the index and
 * over queries, so a rule only has to send both spellings to the same place,
 * never to a real word.
 */

/** English words too common to help a search ("s" is what is left of a possessive: driver's → driver, s). */
export const englishStopWords = new Set([
  "a",
  "an",
  "the",
  "of",
  "for",
  "to",
  "in",
  "on",
  "at",
  "by",
  "with",
  "from",
  "and",
  "or",
  "is",
  "are",
  "be",
  "i",
  "my",
  "me",
  "we",
  "our",
  "you",
  "your",
  "it",
  "its",
  "this",
  "that",
  "how",
  "do",
  "does",
  "can",
  "what",
  "where",
  "when",
  "which",
  "who",
  "want",
  "need",
  "about",
  "please",
  "should",
  "get",
  "s",
  // Lucene's English stop set and the helpers of a question or a description of a need
  "as",
  "if",
  "into",
  "no",
  "not",
  "but",
  "such",
  "then",
  "there",
  "these",
  "they",
  "their",
  "them",
  "was",
  "were",
  "will",
  "has",
  "have",
  "had",
  "been",
  "am",
  "im",
  "he",
  "she",
  "his",
  "her",
  "him",
  "us",
  "t",
  "so",
  "just",
  "would",
  "could",
]);

/** Whole words whose spellings differ, and common variants, folded to one form before stemming. */
const spellings: Record<string, string> = {
  labor: "labour",
  program: "programme",
  programs: "programmes",
  gray: "grey",
  mom: "mum",
  aluminum: "aluminium",
  jewelry: "jewellery",
  plow: "plough",
  mold: "mould",
  enrollment: "enrolment",
  enrollments: "enrolments",
  enroll: "enrol",
  enrolls: "enrols",
  fulfill: "fulfil",
  fulfillment: "fulfilment",
  installment: "instalment",
  installments: "instalments",
  judgment: "judgement",
  acknowledgment: "acknowledgement",
  aging: "ageing",
  skillful: "skilful",
  evisa: "visa",
  pajamas: "pyjamas",
  sulfur: "sulphur",
  tire: "tyre",
  tires: "tyres",
  curb: "kerb",
  draft: "draught",
};

/** Word beginnings spelled one way in British and another in American English (American → British). */
const roots: [string, string][] = [
  ["licens", "licenc"],
  ["defens", "defenc"],
  ["offens", "offenc"],
  ["practis", "practic"],
  ["color", "colour"],
  ["honor", "honour"],
  ["labor", "labour"],
  ["neighbor", "neighbour"],
  ["behavior", "behaviour"],
  ["favor", "favour"],
  ["harbor", "harbour"],
  ["humor", "humour"],
  ["rumor", "rumour"],
  ["flavor", "flavour"],
  ["odor", "odour"],
  ["endeavor", "endeavour"],
  ["armor", "armour"],
  ["vapor", "vapour"],
  ["savior", "saviour"],
  ["center", "centre"],
  ["theater", "theatre"],
  ["fiber", "fibre"],
  ["liter", "litre"],
  ["catalog", "catalogue"],
  ["dialog", "dialogue"],
  ["analog", "analogue"],
  ["pediatric", "paediatric"],
  ["orthoped", "orthopaed"],
  ["anemi", "anaemi"],
  ["anesthe", "anaesthe"],
  ["gyneco", "gynaeco"],
  ["hemo", "haemo"],
  ["hema", "haema"],
  ["leukemi", "leukaemi"],
  ["esophag", "oesophag"],
  ["estrogen", "oestrogen"],
  ["fetus", "foetus"],
  ["fetal", "foetal"],
  ["maneuver", "manoeuvre"],
  ["cozy", "cosy"],
  ["traveler", "traveller"],
  ["traveling", "travelling"],
  ["traveled", "travelled"],
  ["canceled", "cancelled"],
  ["canceling", "cancelling"],
  ["counselor", "counsellor"],
  ["counseling", "counselling"],
  ["labeled", "labelled"],
  ["labeling", "labelling"],
  ["modeling", "modelling"],
  ["fueled", "fuelled"],
  ["fueling", "fuelling"],
];

const rootFolds = roots.sort((a, b) => b[0].length - a[0].length);

/** -ize/-ise and -yze/-yse (organize, organise; analyze, analyse) meet at -ise and -yse. */
const IZE = /^(.{3,}?)([iy])z(e|es|ed|er|ers|ing|ation|ations|able)$/;

/** Folds a lower-case English word to the one spelling both varieties share. */
export function foldSpelling(word: string): string {
  let w = spellings[word] ?? word;
  for (const [american, british] of rootFolds) {
    if (w.startsWith(american) && !w.startsWith(british)) {
      w = british + w.slice(american.length);
      break;
    }
  }
  return w.replace(IZE, "$1$2s$3");
}

/** The stem of one lower-case English word (Porter stemmer), after folding spelling variants. */
export function stemEnglish(word: string): string {
  return stemmer(foldSpelling(word));
}

import { stemmer } from "stemmer";

/** English words too common to help a search. */
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
]);

/** British and American spellings, and common variants, folded to one form before stemming. */
const spellings: Record<string, string> = {
  license: "licence",
  licenses: "licences",
  licensed: "licenced",
  labor: "labour",
  center: "centre",
  centers: "centres",
  color: "colour",
  program: "programme",
  programs: "programmes",
  catalog: "catalogue",
  organization: "organisation",
  enrollment: "enrolment",
  enroll: "enrol",
  evisa: "visa",
};

/** The stem of one lower-case English word (Porter stemmer), after folding spelling variants. */
export function stemEnglish(word: string): string {
  return stemmer(spellings[word] ?? word);
}

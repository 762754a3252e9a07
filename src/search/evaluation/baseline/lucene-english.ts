import { stemmer } from "stemmer";

/**
 * The baseline's English analysis, as Lucene's EnglishAnalyzer (and
 * Elasticsearch's `english` analyzer): the possessive 's removed, lower
 * case, Lucene's English stop words, then the Porter stemmer.
 */
export const luceneEnglishStopWords = new Set([
  "a",
  "an",
  "and",
  "are",
  "as",
  "at",
  "be",
  "but",
  "by",
  "for",
  "if",
  "in",
  "into",
  "is",
  "it",
  "no",
  "not",
  "of",
  "on",
  "or",
  "such",
  "that",
  "the",
  "their",
  "then",
  "there",
  "these",
  "they",
  "this",
  "to",
  "was",
  "will",
  "with",
]);

export function luceneEnglishTerm(token: string): string | undefined {
  const lower = token.toLowerCase().replace(/['\u2019\uff07]s$/, "");
  if (!lower || luceneEnglishStopWords.has(lower)) return undefined;
  return stemmer(lower);
}

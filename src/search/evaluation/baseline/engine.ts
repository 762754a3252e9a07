import MiniSearch from "minisearch";
import { foldDigits } from "../../../platform/text/clean.js";
import type { SearchDoc } from "../../documents.js";
import { luceneArabicNormalize, luceneArabicStem, luceneArabicStopWords } from "./lucene-arabic.js";
import { luceneEnglishTerm } from "./lucene-english.js";

/**
 * The stock engine the portal's search is measured against: documents as
 * Elasticsearch would hold them with its `arabic` and `english` analyzers
 * (here: each word by its script), BM25 (k1 1.2, b 0.75), a `multi_match`
 * over title^3, keywords^2, summary and body with fuzziness AUTO (0 edits up
 * to 2 letters, 1 up to 5, 2 beyond) and any word matching (OR). Built on
 * MiniSearch. With `synonyms`, the query is expanded with the portal's
 * synonym table at query time, as a synonym filter would.
 */
const segmenter = new Intl.Segmenter("und", { granularity: "word" });
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/** Unicode word segmentation (UAX #29, as Lucene's StandardTokenizer). */
export function baselineTokens(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

export function baselineTerm(token: string): string | undefined {
  const t = foldDigits(token.toLowerCase());
  if (ARABIC.test(t)) {
    if (luceneArabicStopWords.has(t)) return undefined;
    return luceneArabicStem(luceneArabicNormalize(t)) || undefined;
  }
  if (LATIN.test(t)) return luceneEnglishTerm(t);
  return t;
}

/** Elasticsearch's fuzziness AUTO, by the length of the analysed term. */
export function autoFuzziness(term: string): number {
  const n = [...term].length;
  return n <= 2 ? 0 : n <= 5 ? 1 : 2;
}

function analysed(text: string): string[] {
  return baselineTokens(text)
    .map(baselineTerm)
    .filter((t): t is string => Boolean(t));
}

export class BaselineEngine {
  private readonly index: MiniSearch<SearchDoc>;
  /** Each synonym group's expressions as written, with their analysed terms. */
  private readonly synonyms: { text: string; terms: string[] }[][];

  constructor(docs: SearchDoc[], synonymGroups: string[][] = []) {
    this.index = new MiniSearch<SearchDoc>({
      fields: ["title", "keywords", "summary", "body"],
      extractField: (d, field) =>
        field === "title" || field === "summary"
          ? `${d[field].ar} ${d[field].en}`
          : field === "id"
            ? d.id
            : String(d[field as keyof SearchDoc] ?? ""),
      tokenize: baselineTokens,
      processTerm: (t) => baselineTerm(t),
      searchOptions: {
        boost: { title: 3, keywords: 2 },
        fuzzy: (term) => autoFuzziness(term),
        prefix: false,
        combineWith: "OR",
        weights: { fuzzy: 0.5, prefix: 0 },
        bm25: { k: 1.2, b: 0.75, d: 0 },
      },
    });
    this.index.addAll(docs);
    this.synonyms = synonymGroups.map((g) => g.map((text) => ({ text, terms: analysed(text) })).filter((e) => e.terms.length));
  }

  /** The query's synonym expansions: every other expression of a group whose expression the query contains. */
  private expansions(query: string): string[] {
    const q = analysed(query);
    const out: string[] = [];
    for (const group of this.synonyms) {
      const hit = group.find((e) => q.some((_, i) => e.terms.every((t, k) => q[i + k] === t)));
      if (hit) for (const e of group) if (e !== hit) out.push(e.text);
    }
    return out;
  }

  /** The ids of the ten best documents, and how many matched. */
  search(query: string, withSynonyms = false): { ids: string[]; total: number } {
    const queries = withSynonyms ? [query, ...this.expansions(query)] : [query];
    const results = this.index.search({ combineWith: "OR", queries });
    return { ids: results.slice(0, 10).map((r) => String(r.id)), total: results.length };
  }
}

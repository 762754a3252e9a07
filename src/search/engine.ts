import MiniSearch, { type Query, type SearchResult } from "minisearch";
import { normalize } from "../platform/text/normalize.js";
import { stem } from "./analyzer/index.js";
import { otherLayout } from "./analyzer/keyboard.js";
import { wordsWithOffsets } from "./analyzer/tokenize.js";
import { isArabic, skeleton } from "./analyzer/transliteration.js";
import type { DocType, SearchDoc } from "./documents.js";
import { type Group, SynonymTable } from "./synonyms.js";

export interface BestBet {
  query: string;
  type: DocType;
  slug: string;
}

export interface SearchFilters {
  type?: DocType | undefined;
  /** Persona slugs (a persona and its sub-personas). */
  personas?: string[] | undefined;
  agency?: string | undefined;
  fullyOnline?: boolean | undefined;
}

export interface Hit {
  doc: SearchDoc;
  score: number;
  /** Index terms that matched, for highlighting. */
  terms: string[];
  /** Pinned by an administrator for this query. */
  bestBet: boolean;
}

export interface SearchOutcome {
  total: number;
  hits: Hit[];
  /** Set when the query looked typed on the other keyboard layout and was searched as converted. */
  layoutSwitchedTo?: string | undefined;
  /** A corrected spelling of the query, when some of its words are unknown. */
  didYouMean?: string | undefined;
}

/** Below this many results for all the words, results for some of the words are added after them. */
const RELAX_BELOW = 5;

const typeBoost: Record<DocType, number> = { service: 1.25, agency: 1, page: 0.8, news: 0.6 };

/**
 * The index terms of a text: each word's stem, and its normalised spelling
 * when that differs, so typos are measured against real words and prefixes
 * match what people type.
 */
function indexTerms(text: string): string[] {
  const out: string[] = [];
  for (const w of wordsWithOffsets(text)) {
    const s = stem(w.norm);
    if (!s) continue;
    out.push(s);
    if (w.norm !== s) out.push(w.norm);
  }
  return out;
}

/** Letters of difference allowed for a typo, by the length of the term. */
function fuzziness(term: string): number | false {
  const n = [...term].length;
  return n >= 7 ? 2 : n >= 4 ? 1 : false;
}

function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

/**
 * The in-process search index (MiniSearch) fed by the portal's analyzer:
 * field weights (title over keywords over summary over body), popularity as
 * a tie-breaker, prefix matching, typo tolerance counted in letters,
 * synonyms, best bets, a retry on the other keyboard layout, and "did you
 * mean" from the words of titles and keywords.
 */
export class SearchEngine {
  private readonly index: MiniSearch<SearchDoc>;
  private readonly docs = new Map<string, SearchDoc>();
  private readonly synonyms: SynonymTable;
  private readonly bestBets = new Map<string, BestBet[]>();
  /** Every term in the index. */
  private readonly terms = new Set<string>();
  /** Transliteration keys of the words of titles, keywords and summaries → their stems. */
  private readonly skeletons = new Map<string, Set<string>>();
  /** Words people may type, normalised → how they are written, with how often they occur. */
  private readonly vocabulary = new Map<string, { display: string; count: number }>();

  constructor(docs: Iterable<SearchDoc>, synonymGroups: string[][] = [], bestBets: BestBet[] = []) {
    this.index = new MiniSearch<SearchDoc>({
      fields: ["title", "keywords", "summary", "body"],
      storeFields: [],
      extractField: (doc, field) => {
        if (field === "title" || field === "summary") {
          const v = doc[field];
          return `${v.ar} ${v.en}`;
        }
        return (doc as unknown as Record<string, string>)[field] ?? "";
      },
      tokenize: (text) => {
        const terms = indexTerms(text);
        for (const t of terms) this.terms.add(t);
        return terms;
      },
      processTerm: (term) => term,
      searchOptions: { tokenize: (q) => [q], processTerm: (t) => t },
    });
    const list = [...docs];
    for (const d of list) {
      this.docs.set(d.id, d);
      for (const text of [d.title.ar, d.title.en, d.keywords, d.summary.ar, d.summary.en]) {
        for (const w of wordsWithOffsets(text)) {
          const s = stem(w.norm);
          if (!s || /^\d+$/.test(w.norm)) continue;
          const key = skeleton(w.norm);
          if (key) this.skeletons.set(key, (this.skeletons.get(key) ?? new Set()).add(s));
          if (text === d.summary.ar || text === d.summary.en) continue;
          const entry = this.vocabulary.get(w.norm);
          if (entry) entry.count += 1;
          else this.vocabulary.set(w.norm, { display: w.raw, count: 1 });
        }
      }
    }
    this.index.addAll(list);
    this.synonyms = new SynonymTable(synonymGroups);
    for (const bet of bestBets) {
      const key = this.queryKey(bet.query);
      this.bestBets.set(key, [...(this.bestBets.get(key) ?? []), bet]);
    }
  }

  get documentCount(): number {
    return this.docs.size;
  }

  private queryKey(q: string): string {
    return wordsWithOffsets(q)
      .map((w) => stem(w.norm))
      .filter(Boolean)
      .join(" ");
  }

  private termExists = (term: string): boolean => this.terms.has(term);

  /** Stems of the other script's words that sound like this one (iqama → إقامة, اكزت → exit). */
  private transliterations = (norm: string): string[] => {
    const stems = this.skeletons.get(skeleton(norm));
    if (!stems) return [];
    const arabic = isArabic(norm);
    return [...stems].filter((s) => isArabic(s) !== arabic).slice(0, 5);
  };

  private expand(query: string): Group[] {
    return this.synonyms.expand(query, this.termExists, this.transliterations);
  }

  /** True when most of the query's words are words of the index: the test for a query typed on the other layout. */
  private looksMeaningful(query: string): boolean {
    const words = wordsWithOffsets(query).filter((w) => stem(w.norm));
    const known = words.filter((w) => this.termExists(stem(w.norm)) || this.termExists(w.norm));
    return words.length > 0 && known.length * 2 >= words.length;
  }

  private toQuery(groups: Group[], combineWith: "AND" | "OR"): Query {
    return {
      combineWith,
      queries: groups.map((alternatives) => ({
        combineWith: "OR",
        queries: alternatives.map((terms) =>
          terms.length === 1 ? (terms[0] as string) : { combineWith: "AND", queries: terms },
        ),
      })),
    };
  }

  private run(groups: Group[], combineWith: "AND" | "OR", filters: SearchFilters): SearchResult[] {
    if (groups.length === 0) return [];
    return this.index.search(this.toQuery(groups, combineWith), {
      boost: { title: 4, keywords: 2.5, summary: 1.5, body: 1 },
      prefix: (term) => [...term].length >= 3,
      fuzzy: (term) => fuzziness(term),
      weights: { fuzzy: 0.4, prefix: 0.6 },
      boostDocument: (id) => {
        const d = this.docs.get(String(id));
        return d ? typeBoost[d.type] * (1 + Math.log10(1 + d.popularity) / 10) : 1;
      },
      filter: (r) => this.matchesFilters(this.docs.get(String(r.id)), filters),
    });
  }

  private matchesFilters(d: SearchDoc | undefined, f: SearchFilters): boolean {
    if (!d) return false;
    if (f.type && d.type !== f.type) return false;
    if (f.personas?.length && !d.personas.some((p) => f.personas?.includes(p))) return false;
    if (f.agency && d.agency?.slug !== f.agency && !(d.type === "agency" && d.slug === f.agency)) return false;
    if (f.fullyOnline && d.maturity !== "fully-online") return false;
    return true;
  }

  /** A spelling correction from the vocabulary, when some of the query's words are not in it. */
  private correct(query: string): string | undefined {
    let changed = false;
    const words = wordsWithOffsets(query).map((w) => {
      if (this.vocabulary.has(w.norm) || !stem(w.norm) || /^\d+$/.test(w.norm) || this.termExists(stem(w.norm))) return w.raw;
      const max = [...w.norm].length >= 6 ? 2 : 1;
      let best: { display: string; distance: number; count: number } | undefined;
      for (const [norm, entry] of this.vocabulary) {
        const distance = editDistance(w.norm, norm, max);
        if (distance > max) continue;
        if (!best || distance < best.distance || (distance === best.distance && entry.count > best.count)) {
          best = { display: entry.display, distance, count: entry.count };
        }
      }
      if (!best) return w.raw;
      changed = true;
      return best.display;
    });
    return changed ? words.join(" ") : undefined;
  }

  /** Searches; `limit` and `offset` page through the hits (best bets first). */
  search(query: string, filters: SearchFilters = {}, page = { offset: 0, limit: 20 }): SearchOutcome {
    const groups = this.expand(query);
    let results = this.run(groups, "AND", filters);
    let layoutSwitchedTo: string | undefined;
    if (results.length === 0) {
      const converted = otherLayout(query);
      if (converted && this.looksMeaningful(converted)) {
        const alt = this.run(this.expand(converted), "AND", filters);
        if (alt.length) {
          results = alt;
          layoutSwitchedTo = converted;
        }
      }
    }
    const strictCount = results.length;
    // Few matches for every word: add what matches some of the words, after them.
    if (results.length < RELAX_BELOW && groups.length > 1 && !layoutSwitchedTo) {
      const seen = new Set(results.map((r) => r.id));
      results = [...results, ...this.run(groups, "OR", filters).filter((r) => !seen.has(r.id))];
    }
    const didYouMean = strictCount < 3 && !layoutSwitchedTo ? this.correct(query) : undefined;

    const pinned = (this.bestBets.get(this.queryKey(layoutSwitchedTo ?? query)) ?? [])
      .map((b) => this.docs.get(`${b.type}:${b.slug}`))
      .filter((d): d is SearchDoc => d !== undefined && this.matchesFilters(d, filters));
    const pinnedIds = new Set(pinned.map((d) => d.id));
    const hits: Hit[] = [
      ...pinned.map((doc) => ({ doc, score: Number.POSITIVE_INFINITY, terms: [], bestBet: true })),
      ...results
        .filter((r) => !pinnedIds.has(String(r.id)))
        .map((r) => ({ doc: this.docs.get(String(r.id)) as SearchDoc, score: r.score, terms: r.terms, bestBet: false })),
    ];
    return {
      total: hits.length,
      hits: hits.slice(page.offset, page.offset + page.limit),
      layoutSwitchedTo,
      didYouMean: didYouMean && normalize(didYouMean) !== normalize(query) ? didYouMean : undefined,
    };
  }

  /** Titles that start like the query, for the search box's suggestions. */
  suggest(query: string, limit = 6): SearchDoc[] {
    return this.search(query, {}, { offset: 0, limit }).hits.map((h) => h.doc);
  }
}

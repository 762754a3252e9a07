import SearchableMap from "minisearch/SearchableMap";

/**
 * The search index's core: a term dictionary (MiniSearch's radix tree, for
 * prefix and typo lookups counted in letters) over compact posting lists
 * (sorted document numbers with a BM25F weight each), so that queries are
 * answered by intersecting lists from the rarest up and scoring only the
 * documents that can still match. Built once; rebuilt when content changes.
 */
/** Title, keywords, summary, purpose (audiences and life events), body. */
export const FIELD_WEIGHTS = [4, 2.5, 1.5, 1.2, 1] as const;
const FIELDS = FIELD_WEIGHTS.length;
const K1 = 1.2;
const B = 0.7;

interface Postings {
  docs: Uint32Array;
  /** BM25F term weight of the term in each document, before the IDF. */
  weights: Float32Array;
  idf: number;
}

/** How a query word reaches index terms: the word itself, the words it starts, the words one or two letters away. */
export interface Expansion {
  term: string;
  prefix: boolean;
  fuzzy: number | false;
}

/** Score factors for words reached by prefix or by typo tolerance. */
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.4;
const MAX_EXPANSIONS = 40;

export class InvertedIndexBuilder {
  private readonly lengths: number[][] = FIELD_WEIGHTS.map(() => []);
  /** Each term's number, in the order first seen. */
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  /** Per term: the documents holding it, and FIELDS counts per document. */
  private readonly rawDocs: number[][] = [];
  private readonly rawTf: number[][] = [];
  /** The last document each term was counted for. */
  private readonly lastDoc: number[] = [];
  private count = 0;

  /** Adds the next document (numbered from 0) as the terms of each of its fields. */
  add(fields: string[][]): number {
    const doc = this.count++;
    for (let f = 0; f < FIELDS; f++) {
      const terms = fields[f] ?? [];
      this.lengths[f]?.push(terms.length);
      for (const t of terms) {
        let id = this.ids.get(t);
        if (id === undefined) {
          id = this.terms.push(t) - 1;
          this.ids.set(t, id);
          this.rawDocs.push([]);
          this.rawTf.push([]);
          this.lastDoc.push(-1);
        }
        const tfs = this.rawTf[id] as number[];
        if (this.lastDoc[id] !== doc) {
          this.lastDoc[id] = doc;
          (this.rawDocs[id] as number[]).push(doc);
          for (let k = 0; k < FIELDS; k++) tfs.push(0);
        }
        const at = tfs.length - FIELDS + f;
        tfs[at] = (tfs[at] as number) + 1;
      }
    }
    return doc;
  }

  build(): InvertedIndex {
    const n = this.count;
    const avg = this.lengths.map((l) => (l.length ? l.reduce((a, b) => a + b, 0) / l.length : 1) || 1);
    const dictionary = new SearchableMap<Postings>();
    this.terms.forEach((term, id) => {
      const docs = this.rawDocs[id] as number[];
      const tfs = this.rawTf[id] as number[];
      const weights = new Float32Array(docs.length);
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        let w = 0;
        for (let f = 0; f < FIELDS; f++) {
          const t = tfs[i * FIELDS + f] ?? 0;
          if (!t) continue;
          const len = this.lengths[f]?.[doc] ?? 0;
          w += ((FIELD_WEIGHTS[f] ?? 1) * t) / (1 - B + (B * len) / (avg[f] ?? 1));
        }
        weights[i] = (w * (K1 + 1)) / (w + K1);
      }
      const df = docs.length;
      dictionary.set(term, { docs: Uint32Array.from(docs), weights, idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) });
    });
    this.rawDocs.length = 0;
    this.rawTf.length = 0;
    return new InvertedIndex(dictionary, n);
  }
}

function indexOf(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = docs[mid] as number;
    if (v === doc) return mid;
    if (v < doc) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class InvertedIndex {
  constructor(
    private readonly dictionary: SearchableMap<Postings>,
    readonly documentCount: number,
  ) {}

  has(term: string): boolean {
    return this.dictionary.has(term);
  }

  /** How many documents hold the term. */
  documentFrequency(term: string): number {
    return this.dictionary.get(term)?.docs.length ?? 0;
  }

  /**
   * The index terms a query word reaches, each with its score factor.
   * Words reached by prefix or typo tolerance that occur in more than
   * `maxDocs` documents are left out: they would match nearly everything.
   */
  expand(e: Expansion, maxDocs = Number.POSITIVE_INFINITY): { term: string; postings: Postings; factor: number }[] {
    const out: { term: string; postings: Postings; factor: number }[] = [];
    const exact = this.dictionary.get(e.term);
    if (exact) out.push({ term: e.term, postings: exact, factor: 1 });
    if (e.prefix) {
      for (const [term, postings] of this.dictionary.atPrefix(e.term)) {
        if (term === e.term || postings.docs.length > maxDocs) continue;
        out.push({ term, postings, factor: PREFIX_WEIGHT * (e.term.length / term.length) });
        if (out.length >= MAX_EXPANSIONS) break;
      }
    }
    if (e.fuzzy) {
      for (const [term, [postings, distance]] of this.dictionary.fuzzyGet(e.term, e.fuzzy)) {
        if (distance === 0 || postings.docs.length > maxDocs || out.some((o) => o.term === term)) continue;
        out.push({ term, postings, factor: FUZZY_WEIGHT * (1 - distance / (e.term.length + 1)) });
        if (out.length >= MAX_EXPANSIONS * 2) break;
      }
    }
    return out;
  }

  /** The best score of the expanded terms in one document (0 when none holds it). */
  scoreOne(expanded: { postings: Postings; factor: number }[], doc: number): number {
    let best = 0;
    for (const { postings, factor } of expanded) {
      const i = indexOf(postings.docs, doc);
      if (i >= 0) best = Math.max(best, postings.idf * factor * (postings.weights[i] as number));
    }
    return best;
  }

  /** True when the document holds the term. */
  holds(term: string, doc: number): boolean {
    const p = this.dictionary.get(term);
    return p ? indexOf(p.docs, doc) >= 0 : false;
  }
}

/**
 * Scores of a set of documents, kept in arrays the size of the index and
 * reused from query to query (a generation stamp says which entries are
 * current), so scoring thousands of documents allocates nothing.
 */
export class ScoreBuffer {
  private readonly scores: Float64Array;
  private readonly stamps: Uint32Array;
  private generation = 0;
  /** The documents with a current score, in the order they were first scored. */
  docs: number[] = [];

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.stamps = new Uint32Array(size);
  }

  reset(): this {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.docs = [];
    return this;
  }

  /** Keeps the higher of the document's current score and `score`. */
  max(doc: number, score: number): void {
    if (this.stamps[doc] !== this.generation) {
      this.stamps[doc] = this.generation;
      this.scores[doc] = score;
      this.docs.push(doc);
    } else if (score > (this.scores[doc] as number)) {
      this.scores[doc] = score;
    }
  }

  /** The document's score, or 0 when it has none. */
  get(doc: number): number {
    return this.stamps[doc] === this.generation ? (this.scores[doc] as number) : 0;
  }

  get size(): number {
    return this.docs.length;
  }
}

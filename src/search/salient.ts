import type { InvertedIndex } from "./inverted-index.js";
import { indexOf } from "./postings.js";
import type { Group } from "./synonyms.js";

/**
 * A word's BM25F weight in a document from which it counts as prominent
 * there: reached by a word once in a title (1.7) or in keywords (1.5), not
 * by a word once in the body (1.0) or the summary (1.2).
 */
const SALIENT_WEIGHT = 1.4;

/** From this share of the documents, a word's documents are found in an array by document number, not by a binary search. */
const DENSE_SHARE = 1 / 32;
/** At most this many such arrays are kept (each is 4 bytes a document). */
const DENSE_MAX = 64;

/** A word's list as the salient score reads it. */
interface SalientTerm {
  docs: Uint32Array;
  weights: Float32Array;
  idf: number;
  /** The rarity of the word among the documents where it is prominent. */
  salientIdf: number;
  /** Each document number's position in the list (-1 when absent), for words in many documents. */
  positions: Int32Array | undefined;
}

/**
 * How words too common to choose documents still score where they are
 * prominent (title or keywords): with the rarity they have among the
 * documents where they are prominent rather than among all, so that a word
 * in every body ("ID card" in the requirements) still counts in the few
 * titles that hold it. Each word's list is looked up once and kept until
 * the index changes; a document's score is then a lookup per word.
 */
export class SalientScores {
  private readonly terms = new Map<string, SalientTerm | null>();
  private dense = 0;

  constructor(private readonly index: InvertedIndex) {}

  /** Forgets what it kept (the index changed). */
  clear(): void {
    this.terms.clear();
    this.dense = 0;
  }

  private term(term: string): SalientTerm | null {
    let t = this.terms.get(term);
    if (t !== undefined) return t;
    const [entry] = this.index.expand({ term, prefix: false, fuzzy: false });
    if (!entry) t = null;
    else {
      const { docs, weights, idf } = entry.postings;
      let n = 0;
      for (const w of weights) if (w >= SALIENT_WEIGHT) n++;
      const salientIdf = Math.log(1 + (this.index.documentCount - n + 0.5) / (n + 0.5));
      let positions: Int32Array | undefined;
      if (docs.length > this.index.documentCount * DENSE_SHARE && this.dense < DENSE_MAX) {
        positions = new Int32Array((docs[docs.length - 1] ?? 0) + 1).fill(-1);
        for (let i = 0; i < docs.length; i++) positions[docs[i] as number] = i;
        this.dense += 1;
      }
      t = { docs, weights, idf, salientIdf, positions };
    }
    this.terms.set(term, t);
    return t;
  }

  /**
   * What the groups add to one document's score: for each group, its best
   * alternative holding every word, each word weighted as above. `resolved`
   * comes from `resolve` for the same groups.
   */
  score(resolved: (SalientTerm | null)[][][], doc: number): number {
    let sum = 0;
    for (const group of resolved) {
      let best = Number.NEGATIVE_INFINITY;
      for (const terms of group) {
        let total = 0;
        for (const t of terms) {
          if (!t) {
            total = 0;
            break;
          }
          const i = t.positions ? (doc < t.positions.length ? (t.positions[doc] as number) : -1) : indexOf(t.docs, doc);
          if (i < 0) {
            total = 0;
            break;
          }
          const w = t.weights[i] as number;
          total += w * (w >= SALIENT_WEIGHT ? t.salientIdf : t.idf);
        }
        if (total > best) best = total;
      }
      sum += best;
    }
    return sum;
  }

  /** The groups' words, looked up once for scoring many documents. */
  resolve(groups: Group[]): (SalientTerm | null)[][][] {
    return groups.map((g) => g.map((terms) => terms.map((t) => this.term(t))));
  }
}

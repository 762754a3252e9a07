import SearchableMap from "minisearch/SearchableMap";

import { bump, indexOf, lowerBound, summarise, TF_BITS, TF_MAX, U32 } from "./postings.js";

export { ScoreBuffer } from "./score-buffer.js";

/**
 * The search index's core: a term dictionary (MiniSearch's radix tree, for
 * prefix and typo lookups counted in letters) over compact posting lists
 * (sorted document numbers, each with its term counts per field and a BM25F
 * weight), so that queries are answered by intersecting lists from the
 * rarest up and scoring only the documents that can still match.
 *
 * Built in one pass over packed arrays; then updated in place: a changed
 * document's old postings are removed and its new ones added, term by term,
 * and the collection statistics (document count, document frequencies,
 * average field lengths) follow. A weight depends on the average lengths, so
 * each list's weights are recomputed the first time it is read after a change
 * (from the counts it keeps), giving exactly the weights a fresh build gives.
 */
/** Title, keywords, summary, purpose (audiences and life events), body. */
export const FIELD_WEIGHTS = [4, 2.5, 1.5, 1.2, 1] as const;
const FIELDS = FIELD_WEIGHTS.length;
const K1 = 1.2;
const B = 0.7;
/** How many lines of text a build remembers the terms of. */
const LINE_CACHE = 200_000;

export interface Postings {
  docs: Uint32Array;
  /** BM25F term weight of the term in each document, before the IDF (current when `epoch` is the index's). */
  weights: Float32Array;
  idf: number;
  /** The term's count in each field of each document, packed (see TF_BITS). */
  tfs: Uint32Array;
  epoch: number;
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
/** How many prefix and typo expansions an index remembers until it changes (each is a walk of the dictionary). */
const EXPANSION_CACHE = 4096;

/** A change to one document number: its old fields' terms (to remove), its new ones (to add), either or both. */
export interface IndexChange {
  doc: number;
  old?: string[][] | undefined;
  fresh?: string[][] | undefined;
}

export class InvertedIndex {
  private readonly dictionary = new SearchableMap<Postings>();
  /** Each field's length in each document number (0 for a free number). */
  private lengths: Uint32Array[] = FIELD_WEIGHTS.map(() => new Uint32Array(0));
  private readonly sums: number[] = FIELD_WEIGHTS.map(() => 0);
  private avg: number[] = FIELD_WEIGHTS.map(() => 1);
  /** Moves whenever the statistics do: lists with an older epoch have stale weights. */
  private epoch = 1;
  /** How many documents the index holds. */
  documentCount = 0;
  /** Prefix and typo expansions already made, by word and reach (forgotten on every change). */
  private readonly expansions = new Map<string, { term: string; postings: Postings; factor: number }[]>();

  /**
   * Builds the index of documents numbered from 0, each given as the text of
   * each of its fields, cut into terms by `termsOf`. A text is read a line at
   * a time and each line's term numbers are remembered, so the lines a
   * catalogue repeats (an agency's name, eligibility, audiences) are cut once.
   * `lines` is told each distinct line of its first `fields` fields with how
   * often each field held it (what the engine's vocabulary counts).
   */
  static build(
    documents: Iterable<string[]>,
    termsOf: (text: string) => string[],
    lines?: { fields: number; seen: (field: number, line: string, times: number) => void },
  ): InvertedIndex {
    const index = new InvertedIndex();
    const ids = new Map<string, number>();
    const terms: string[] = [];
    let df = new Uint32Array(4096);
    let lastDoc = new Int32Array(4096);
    let slotOf = new Uint32Array(4096);
    // Document-major pairs (term number, packed counts), and where each document's pairs start.
    const pairTerm = new U32();
    const pairTf = new U32();
    const starts = new U32();
    const lengths: number[][] = FIELD_WEIGHTS.map(() => []);
    const termId = (t: string): number => {
      let id = ids.get(t);
      if (id === undefined) {
        id = terms.push(t) - 1;
        ids.set(t, id);
        if (id === df.length) {
          const grow = <T extends Uint32Array | Int32Array>(a: T, make: (n: number) => T): T => {
            const b = make(a.length * 2);
            b.set(a);
            return b;
          };
          df = grow(df, (n) => new Uint32Array(n));
          lastDoc = grow(lastDoc, (n) => new Int32Array(n));
          slotOf = grow(slotOf, (n) => new Uint32Array(n));
        }
        lastDoc[id] = -1;
      }
      return id;
    };
    // Each line's term numbers, and how often it was seen in each of the fields `linesSeen` is told of.
    const cache = new Map<string, { ids: Uint32Array; seen: number[] }>();
    const tell = () => {
      for (const [line, { seen }] of cache) {
        seen.forEach((times, f) => {
          if (times) lines?.seen(f, line, times);
        });
      }
      cache.clear();
    };
    const idsOf = (line: string, f: number): Uint32Array => {
      let out = cache.get(line);
      if (!out) {
        const found = termsOf(line);
        const ids = new Uint32Array(found.length);
        for (let i = 0; i < found.length; i++) ids[i] = termId(found[i] as string);
        if (cache.size >= LINE_CACHE) tell();
        out = { ids, seen: new Array<number>(lines?.fields ?? 0).fill(0) };
        cache.set(line, out);
      }
      if (f < out.seen.length) out.seen[f] = (out.seen[f] as number) + 1;
      return out.ids;
    };
    let doc = 0;
    for (const fields of documents) {
      starts.push(pairTerm.length);
      for (let f = 0; f < FIELDS; f++) {
        let length = 0;
        for (const line of (fields[f] ?? "").split("\n")) {
          const found = idsOf(line, f);
          length += found.length;
          for (let k = 0; k < found.length; k++) {
            const id = found[k] as number;
            if (lastDoc[id] !== doc) {
              lastDoc[id] = doc;
              slotOf[id] = pairTerm.length;
              pairTerm.push(id);
              pairTf.push(0);
              df[id] = (df[id] as number) + 1;
            }
            const slot = slotOf[id] as number;
            pairTf.data[slot] = bump(pairTf.data[slot] as number, f);
          }
        }
        (lengths[f] as number[]).push(length);
      }
      doc++;
    }
    tell();
    starts.push(pairTerm.length);
    index.documentCount = doc;
    index.lengths = lengths.map((l) => Uint32Array.from(l));
    index.lengths.forEach((l, f) => {
      let sum = 0;
      for (let d = 0; d < l.length; d++) sum += l[d] as number;
      index.sums[f] = sum;
    });
    index.averages();
    const lists = terms.map((_, id) => ({ docs: new Uint32Array(df[id] as number), tfs: new Uint32Array(df[id] as number) }));
    const fill = new Uint32Array(terms.length);
    for (let d = 0; d < doc; d++) {
      for (let i = starts.data[d] as number, end = starts.data[d + 1] as number; i < end; i++) {
        const id = pairTerm.data[i] as number;
        const list = lists[id] as { docs: Uint32Array; tfs: Uint32Array };
        const at = fill[id] as number;
        list.docs[at] = d;
        list.tfs[at] = pairTf.data[i] as number;
        fill[id] = at + 1;
      }
    }
    terms.forEach((term, id) => {
      const { docs, tfs } = lists[id] as { docs: Uint32Array; tfs: Uint32Array };
      const p: Postings = { docs, tfs, weights: new Float32Array(docs.length), idf: 0, epoch: 0 };
      index.refresh(p);
      index.dictionary.set(term, p);
    });
    return index;
  }

  private averages(): void {
    const n = this.documentCount;
    this.avg = this.sums.map((sum) => (n ? sum / n : 1) || 1);
  }

  /** Brings a list's weights and IDF up to the current statistics. */
  private refresh(p: Postings): Postings {
    if (p.epoch === this.epoch) return p;
    const { docs, tfs, weights } = p;
    for (let i = 0; i < docs.length; i++) {
      const doc = docs[i] as number;
      const packed = tfs[i] as number;
      let w = 0;
      for (let f = 0; f < FIELDS; f++) {
        const t = (packed >>> (f * TF_BITS)) & TF_MAX;
        if (!t) continue;
        const len = (this.lengths[f] as Uint32Array)[doc] as number;
        w += ((FIELD_WEIGHTS[f] ?? 1) * t) / (1 - B + (B * len) / (this.avg[f] ?? 1));
      }
      weights[i] = (w * (K1 + 1)) / (w + K1);
    }
    const n = this.documentCount;
    const df = docs.length;
    p.idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    p.epoch = this.epoch;
    return p;
  }

  /**
   * Applies changes in place: each document number's old terms leave their
   * lists and its new ones join theirs (a number with only `fresh` is a new
   * document, with only `old` a removed one). Each touched list is rewritten
   * once for the whole batch; terms no document holds any more leave the dictionary.
   */
  update(changes: IndexChange[]): void {
    if (changes.length === 0) return;
    const top = Math.max(...changes.map((c) => c.doc)) + 1;
    if (top > (this.lengths[0] as Uint32Array).length) {
      const size = Math.max(top, Math.ceil((this.lengths[0] as Uint32Array).length * 1.25));
      this.lengths = this.lengths.map((l) => {
        const more = new Uint32Array(size);
        more.set(l);
        return more;
      });
    }
    const removals = new Map<string, Set<number>>();
    const additions = new Map<string, [number, number][]>();
    for (const { doc, old, fresh } of changes) {
      if (old) {
        const s = summarise(old, FIELDS);
        for (const term of s.terms.keys()) {
          const set = removals.get(term) ?? new Set<number>();
          removals.set(term, set.add(doc));
        }
        s.lengths.forEach((len, f) => {
          this.sums[f] = (this.sums[f] as number) - len;
        });
        this.documentCount -= 1;
      }
      const lengths = this.lengths;
      for (let f = 0; f < FIELDS; f++) (lengths[f] as Uint32Array)[doc] = 0;
      if (fresh) {
        const s = summarise(fresh, FIELDS);
        for (const [term, packed] of s.terms) {
          const list = additions.get(term) ?? [];
          list.push([doc, packed]);
          additions.set(term, list);
        }
        s.lengths.forEach((len, f) => {
          this.sums[f] = (this.sums[f] as number) + len;
          (lengths[f] as Uint32Array)[doc] = len;
        });
        this.documentCount += 1;
      }
    }
    for (const term of new Set([...removals.keys(), ...additions.keys()])) {
      const p = this.dictionary.get(term);
      const gone = removals.get(term);
      const added = (additions.get(term) ?? []).sort((a, b) => a[0] - b[0]);
      const oldDocs = p?.docs ?? new Uint32Array(0);
      const oldTfs = p?.tfs ?? new Uint32Array(0);
      const removeAt = [...(gone ?? [])]
        .map((d) => indexOf(oldDocs, d))
        .filter((i) => i >= 0)
        .sort((a, b) => a - b);
      const size = oldDocs.length - removeAt.length + added.length;
      if (size === 0) {
        if (p) this.dictionary.delete(term);
        continue;
      }
      // The same documents, with new counts (an edit that keeps the word): changed where they are.
      if (p && removeAt.length === added.length && added.every(([d]) => gone?.has(d))) {
        for (const [d, packed] of added) p.tfs[indexOf(oldDocs, d)] = packed;
        p.epoch = 0;
        continue;
      }
      // Otherwise a new list: the runs between changes copied whole, the few changes put in between.
      const docs = new Uint32Array(size);
      const tfs = new Uint32Array(size);
      let src = 0;
      let dst = 0;
      let r = 0;
      let a = 0;
      while (src < oldDocs.length || a < added.length) {
        const nextRemove = r < removeAt.length ? (removeAt[r] as number) : oldDocs.length;
        const nextAdd = a < added.length ? lowerBound(oldDocs, (added[a] as [number, number])[0]) : oldDocs.length;
        const stop = Math.min(nextRemove, nextAdd);
        if (stop > src) {
          docs.set(oldDocs.subarray(src, stop), dst);
          tfs.set(oldTfs.subarray(src, stop), dst);
          dst += stop - src;
          src = stop;
        } else if (a < added.length && nextAdd === src) {
          const [d, packed] = added[a++] as [number, number];
          docs[dst] = d;
          tfs[dst++] = packed;
        } else {
          src++;
          r++;
        }
      }
      this.dictionary.set(term, { docs, tfs, weights: new Float32Array(size), idf: 0, epoch: 0 });
    }
    this.averages();
    this.epoch += 1;
    this.expansions.clear();
  }

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
   * When a word reaches too many, the nearest are kept (by letters of
   * difference, then length, then spelling), whatever order the terms came in.
   */
  expand(e: Expansion, maxDocs = Number.POSITIVE_INFINITY): { term: string; postings: Postings; factor: number }[] {
    if (!e.prefix && !e.fuzzy) {
      const exact = this.dictionary.get(e.term);
      return exact ? [{ term: e.term, postings: this.refresh(exact), factor: 1 }] : [];
    }
    const key = `${e.prefix ? "p" : ""}${e.fuzzy || ""}:${maxDocs}:${e.term}`;
    let out = this.expansions.get(key);
    if (!out) {
      out = this.expandNow(e, maxDocs);
      if (this.expansions.size >= EXPANSION_CACHE) this.expansions.clear();
      this.expansions.set(key, out);
    }
    return out;
  }

  private expandNow(e: Expansion, maxDocs: number): { term: string; postings: Postings; factor: number }[] {
    const out: { term: string; postings: Postings; factor: number }[] = [];
    const exact = this.dictionary.get(e.term);
    if (exact) out.push({ term: e.term, postings: this.refresh(exact), factor: 1 });
    if (e.prefix) {
      const found: [string, Postings][] = [];
      for (const [term, postings] of this.dictionary.atPrefix(e.term)) {
        if (term === e.term || postings.docs.length > maxDocs) continue;
        found.push([term, postings]);
      }
      found.sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      for (const [term, postings] of found.slice(0, MAX_EXPANSIONS - out.length)) {
        out.push({ term, postings: this.refresh(postings), factor: PREFIX_WEIGHT * (e.term.length / term.length) });
      }
    }
    if (e.fuzzy) {
      const found: [string, Postings, number][] = [];
      for (const [term, [postings, distance]] of this.dictionary.fuzzyGet(e.term, e.fuzzy)) {
        if (distance === 0 || postings.docs.length > maxDocs || out.some((o) => o.term === term)) continue;
        found.push([term, postings, distance]);
      }
      found.sort(([a, , x], [b, , y]) => x - y || a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
      for (const [term, postings, distance] of found.slice(0, MAX_EXPANSIONS * 2 - out.length)) {
        out.push({ term, postings: this.refresh(postings), factor: FUZZY_WEIGHT * (1 - distance / (e.term.length + 1)) });
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

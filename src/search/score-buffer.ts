/**
 * Scores of a set of documents, kept in arrays the size of the index and
 * reused from query to query (a generation stamp says which entries are
 * current), so scoring thousands of documents allocates nothing.
 */
export class ScoreBuffer {
  private readonly scores: Float64Array;
  private readonly stamps: Uint32Array;
  private readonly list: Uint32Array;
  private generation = 0;
  /** How many documents have a current score. */
  size = 0;

  constructor(size: number) {
    this.scores = new Float64Array(size);
    this.stamps = new Uint32Array(size);
    this.list = new Uint32Array(size);
  }

  /** The documents with a current score, in the order they were first scored. */
  get docs(): Uint32Array {
    return this.list.subarray(0, this.size);
  }

  /** How many document numbers it has room for. */
  get capacity(): number {
    return this.scores.length;
  }

  reset(): this {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.size = 0;
    return this;
  }

  /** Keeps the higher of the document's current score and `score`. */
  max(doc: number, score: number): void {
    if (this.stamps[doc] !== this.generation) {
      this.stamps[doc] = this.generation;
      this.scores[doc] = score;
      this.list[this.size++] = doc;
    } else if (score > (this.scores[doc] as number)) {
      this.scores[doc] = score;
    }
  }

  /** The document's score, or 0 when it has none. */
  get(doc: number): number {
    return this.stamps[doc] === this.generation ? (this.scores[doc] as number) : 0;
  }
}

/**
 * Sums of scores per document with how many scores each sum holds, in
 * arrays the size of the index reused from query to query (as ScoreBuffer):
 * matching some of the words adds up every group's scores for documents
 * that may be most of the index.
 */
export class ScoreSums {
  private readonly sums: Float64Array;
  private readonly counts: Uint32Array;
  private readonly stamps: Uint32Array;
  private readonly list: Uint32Array;
  private generation = 0;
  /** How many documents have a current sum. */
  size = 0;

  constructor(size: number) {
    this.sums = new Float64Array(size);
    this.counts = new Uint32Array(size);
    this.stamps = new Uint32Array(size);
    this.list = new Uint32Array(size);
  }

  /** The documents with a current sum, in the order they were first added to. */
  get docs(): Uint32Array {
    return this.list.subarray(0, this.size);
  }

  reset(): this {
    this.generation += 1;
    if (this.generation === 0xffffffff) {
      this.stamps.fill(0);
      this.generation = 1;
    }
    this.size = 0;
    return this;
  }

  add(doc: number, score: number): void {
    if (this.stamps[doc] !== this.generation) {
      this.stamps[doc] = this.generation;
      this.sums[doc] = score;
      this.counts[doc] = 1;
      this.list[this.size++] = doc;
    } else {
      this.sums[doc] = (this.sums[doc] as number) + score;
      this.counts[doc] = (this.counts[doc] as number) + 1;
    }
  }

  sum(doc: number): number {
    return this.stamps[doc] === this.generation ? (this.sums[doc] as number) : 0;
  }

  count(doc: number): number {
    return this.stamps[doc] === this.generation ? (this.counts[doc] as number) : 0;
  }
}

/**
 * Candidate documents with their running totals, in arrays the size of the
 * index reused from query to query: matching every word keeps, group by
 * group, the documents still in the running (filtered where they are).
 */
export class Candidates {
  readonly docs: Uint32Array;
  readonly totals: Float64Array;
  size = 0;

  constructor(size: number) {
    this.docs = new Uint32Array(size);
    this.totals = new Float64Array(size);
  }

  reset(): this {
    this.size = 0;
    return this;
  }

  push(doc: number, total: number): void {
    this.docs[this.size] = doc;
    this.totals[this.size++] = total;
  }
}

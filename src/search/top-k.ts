/**
 * Keeps the k best-scored documents of a stream (a min-heap), so large result
 * sets are never sorted whole. Equal scores are ordered by the documents'
 * keys (their ids) when given, not by their numbers: a document added after
 * the index was built has a later number than a fresh build would give it.
 */
export class TopK {
  private readonly heap: { doc: number; score: number }[] = [];
  count = 0;

  constructor(
    private readonly k: number,
    private readonly key?: (doc: number) => string,
  ) {}

  /** Negative when a comes first among equal scores. */
  private tie(a: number, b: number): number {
    if (!this.key) return a - b;
    const x = this.key(a);
    const y = this.key(b);
    return x < y ? -1 : x > y ? 1 : a - b;
  }

  private worse(a: { doc: number; score: number }, b: { doc: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && this.tie(a.doc, b.doc) > 0);
  }

  offer(doc: number, score: number): void {
    this.count += 1;
    const h = this.heap;
    if (h.length >= this.k) {
      // Most of a large result set is worse than the k kept: turned away before anything is made for it.
      const least = h[0];
      if (!least || score < least.score || (score === least.score && this.tie(doc, least.doc) > 0)) return;
    }
    const item = { doc, score };
    if (h.length < this.k) {
      h.push(item);
      for (let i = h.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!this.worse(h[i] as typeof item, h[p] as typeof item)) break;
        [h[i], h[p]] = [h[p] as typeof item, h[i] as typeof item];
        i = p;
      }
      return;
    }
    h[0] = item;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.worse(h[l] as typeof item, h[m] as typeof item)) m = l;
      if (r < h.length && this.worse(h[r] as typeof item, h[m] as typeof item)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m] as typeof item, h[i] as typeof item];
      i = m;
    }
  }

  sorted(): { doc: number; score: number }[] {
    return [...this.heap].sort((a, b) => b.score - a.score || this.tie(a.doc, b.doc));
  }
}

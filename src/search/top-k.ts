/** Keeps the k best-scored documents of a stream (a min-heap), so large result sets are never sorted whole. */
export class TopK {
  private readonly heap: { doc: number; score: number }[] = [];
  count = 0;

  constructor(private readonly k: number) {}

  private worse(a: { doc: number; score: number }, b: { doc: number; score: number }): boolean {
    return a.score < b.score || (a.score === b.score && a.doc > b.doc);
  }

  offer(doc: number, score: number): void {
    this.count += 1;
    const h = this.heap;
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
    if (h.length === 0 || !this.worse(h[0] as typeof item, item)) return;
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
    return [...this.heap].sort((a, b) => b.score - a.score || a.doc - b.doc);
  }
}

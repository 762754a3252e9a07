/** Small pieces of the inverted index: packed term counts, a growable array, and searches in a sorted posting list. */

/** A term's count in one field is kept in 6 bits of a packed 32-bit word (five fields); more than 63 counts as 63. */
export const TF_BITS = 6;
export const TF_MAX = (1 << TF_BITS) - 1;

/** Adds one occurrence in field `f` to a packed count. */
export const bump = (packed: number, f: number): number => {
  const shift = f * TF_BITS;
  return ((packed >>> shift) & TF_MAX) === TF_MAX ? packed : (packed + (1 << shift)) >>> 0;
};

/** One document's terms (its fields' terms, title to body): each distinct term with its packed counts, and its field lengths. */
export function summarise(fields: string[][], count: number): { terms: Map<string, number>; lengths: number[] } {
  const terms = new Map<string, number>();
  const lengths: number[] = [];
  for (let f = 0; f < count; f++) {
    const words = fields[f] ?? [];
    lengths.push(words.length);
    for (const t of words) terms.set(t, bump(terms.get(t) ?? 0, f));
  }
  return { terms, lengths };
}

/** A growable array of 32-bit unsigned integers. */
export class U32 {
  data = new Uint32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const more = new Uint32Array(this.data.length * 2);
      more.set(this.data);
      this.data = more;
    }
    this.data[this.length++] = v;
  }
}

/** Where a document is or would go in a sorted list (the first position holding it or a later one). */
export function lowerBound(docs: Uint32Array, doc: number): number {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((docs[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where a document is in a sorted list (-1 when absent). */
export function indexOf(docs: Uint32Array, doc: number): number {
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

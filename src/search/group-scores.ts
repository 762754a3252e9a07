import type { Postings } from "./inverted-index.js";
import { indexOf } from "./postings.js";
import type { ScoreBuffer } from "./score-buffer.js";

/**
 * How one group of a query (alternatives, each a list of words that must
 * all match) scores a document. The same score whether every document of
 * the group's lists is scored at once (scoreGroup) or one document is
 * probed (groupScoreAt), so that a search may choose either for speed
 * alone, and the few documents of a body (see engine's scope) are probed.
 */

/** One word of an alternative: the index terms it reaches, each with its score factor. */
export type Leaf = { term: string; postings: Postings; factor: number }[];
/** A group as compiled against the index: alternatives of leaves. */
export type CompiledGroup = Leaf[][];
/** An alternative with its rarest word first (scored in full) and the others (probed). */
export interface PreparedAlternative {
  first: Leaf;
  rest: Leaf[];
}

/** Bits of the fields (title, keywords, summary, purpose, body) with a count in a packed count of a posting list. */
const TF_BITS = 6;
const FIELD_COUNT = 5;
const ALL_FIELDS = (1 << FIELD_COUNT) - 1;
function fieldMask(packed: number): number {
  let mask = 0;
  for (let f = 0; f < FIELD_COUNT; f++) if ((packed >>> (f * TF_BITS)) & ((1 << TF_BITS) - 1)) mask |= 1 << f;
  return mask;
}

/**
 * The fields of a document holding any of a word's index terms: the words of
 * a multi-word alternative ("residence permit") must share a field, so that
 * a title's "permit" and a body's "residents" do not make the phrase.
 */
function leafFields(leaf: Leaf, doc: number): number {
  let mask = 0;
  for (const { postings } of leaf) {
    const i = indexOf(postings.docs, doc);
    if (i >= 0) mask |= fieldMask(postings.tfs[i] as number);
  }
  return mask;
}

/** The best score of a word's index terms in one document (0 when none holds it). */
export function leafScore(leaf: Leaf, doc: number): number {
  let best = 0;
  for (const { postings, factor } of leaf) {
    const i = indexOf(postings.docs, doc);
    if (i >= 0) best = Math.max(best, postings.idf * factor * (postings.weights[i] as number));
  }
  return best;
}

/** How many postings a word reaches. */
export const leafSize = (leaf: Leaf): number => leaf.reduce((n, e) => n + e.postings.docs.length, 0);

/** A group's alternatives with their rarest word first. */
export function prepare(group: CompiledGroup): PreparedAlternative[] {
  const out: PreparedAlternative[] = [];
  for (const alt of group) {
    const [first, ...rest] = [...alt].sort((a, b) => leafSize(a) - leafSize(b));
    if (first) out.push({ first, rest });
  }
  return out;
}

/** The score of one of the first word's terms in a document at position `i` of its list, with the alternative's other words. */
function withRest(postings: Postings, factor: number, i: number, rest: Leaf[], doc: number): number {
  let total = postings.idf * factor * (postings.weights[i] as number);
  let fields = rest.length ? fieldMask(postings.tfs[i] as number) : ALL_FIELDS;
  for (const leaf of rest) {
    const v = leafScore(leaf, doc);
    fields &= leafFields(leaf, doc);
    if (v === 0 || fields === 0) return 0;
    total += v;
  }
  return total;
}

/** Scores every document a group matches into `buffer`: each alternative's rarest word in full, the others probed. */
export function scoreGroup(group: PreparedAlternative[], buffer: ScoreBuffer): ScoreBuffer {
  buffer.reset();
  for (const { first, rest } of group) {
    for (const { postings, factor } of first) {
      const docs = postings.docs;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] as number;
        const total = withRest(postings, factor, i, rest, doc);
        if (total > 0) buffer.max(doc, total);
      }
    }
  }
  return buffer;
}

/** The group's score of one document, as scoreGroup gives it (0 when the group does not match it). */
export function groupScoreAt(group: PreparedAlternative[], doc: number): number {
  let best = 0;
  for (const { first, rest } of group) {
    for (const { postings, factor } of first) {
      const i = indexOf(postings.docs, doc);
      if (i < 0) continue;
      const total = withRest(postings, factor, i, rest, doc);
      if (total > best) best = total;
    }
  }
  return best;
}

/** How many postings a group's words reach at least (its rarest word of each alternative), for ordering and choosing. */
export function groupSize(group: CompiledGroup): number {
  return group.reduce((sum, alt) => sum + Math.min(...alt.map(leafSize)), 0);
}

/** How many index terms the group's words reach in all. */
export function groupExpansions(group: CompiledGroup): number {
  return group.reduce((n, alt) => n + alt.reduce((m, leaf) => m + leaf.length, 0), 0);
}

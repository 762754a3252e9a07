// One class over 400 lines, on purpose: the query pipeline (expansion, passes, fallbacks, pinning) reads best in one place.
import { normalize } from "../platform/text/normalize.js";
import { isFacet } from "./analyzer/facets.js";
import { appendIndexTerms } from "./analyzer/fast.js";
import { stem } from "./analyzer/index.js";
import { otherLayout } from "./analyzer/keyboard.js";
import { wordsWithOffsets } from "./analyzer/tokenize.js";
import { isArabic, skeleton } from "./analyzer/transliteration.js";
import type { BestBetType, DocType, SearchDoc } from "./documents.js";
import {
  type CompiledGroup,
  groupExpansions,
  groupScoreAt,
  groupSize,
  type PreparedAlternative,
  prepare,
  scoreGroup,
} from "./group-scores.js";
import { type Expansion, type IndexChange, InvertedIndex, ScoreBuffer } from "./inverted-index.js";
import { NameMatcher } from "./names.js";
import { SalientScores } from "./salient.js";
import { Candidates, ScoreSums } from "./score-buffer.js";
import { type Group, isSynonymGroup, SynonymTable } from "./synonyms.js";
import { TopK } from "./top-k.js";
import { Vocabulary, type VocabularyTexts } from "./vocabulary.js";

export interface BestBet {
  query: string;
  type: BestBetType;
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
  /** A corrected spelling of the query, when some of its words are unknown or a typo tolerance found the results. */
  didYouMean?: string | undefined;
  /** Set when nothing matched every word exactly, so the results match some words or words a typo away. */
  relaxed?: Relaxation | undefined;
}

/** A term in more than this share of documents is treated as a stop word, in indexes of at least COMMON_MIN_DOCS. */
const COMMON_SHARE = 0.4;
const COMMON_MIN_DOCS = 1000;

/** When matching only some of the words, words in more than this share of documents are left out if rarer ones remain. */
const DISTINCTIVE_SHARE = 0.05;

/** How strongly matching more of the words counts when matching some of them (the coordination factor's power). */
const COORD_POWER = 2;

/** From this many words, a query is ranked by how many of its words each document holds and how well, not all-or-nothing. */
const LONG_QUERY = 3;

/** How a body's own result for the query's other words weighs beside results for the whole query. */
const SCOPED_WEIGHT = 0.8;

/** Below this many results for all the words, results for some of the words are added after them. */
const RELAX_BELOW = 5;

const typeBoost: Record<DocType, number> = {
  service: 1.25,
  agency: 1.1,
  page: 0.8,
  visit: 0.9,
  worker: 0.9,
  form: 0.8,
  dataset: 0.8,
  news: 0.6,
  event: 0.6,
  initiative: 0.6,
  poll: 0.6,
  survey: 0.6,
  consultation: 0.6,
};

/** A text in both languages, once when it is the same in both (a page in one language). */
const bothLanguages = (t: { ar: string; en: string }) => (t.ar === t.en ? t.ar : `${t.ar} ${t.en}`);

interface Ranked {
  /** How many documents matched. */
  total: number;
  /** The best of them, best first. */
  ranked: { doc: number; score: number }[];
}

/**
 * Letters of difference allowed for a typo, by the length of the term:
 * Lucene's AUTO one letter later (none up to 3, one up to 6, then two), as
 * the terms are stems, shorter than the words typed; on the development set
 * AUTO itself let three-letter Arabic stems reach too many other words.
 */
function fuzziness(term: string): number | false {
  const n = [...term].length;
  return n >= 7 ? 2 : n >= 4 ? 1 : false;
}

/** A document's text, field by field, as the index takes it (title, keywords, summary, purpose, body). */
function textsOf(d: SearchDoc): string[] {
  return [bothLanguages(d.title), d.keywords, bothLanguages(d.summary), d.purpose ?? "", d.body];
}

/** The texts of a document the vocabulary reads (each language once when both are the same). */
function vocabularyTexts(d: SearchDoc): VocabularyTexts {
  const titles = d.title.ar === d.title.en ? [d.title.ar] : [d.title.ar, d.title.en];
  const summaries = d.summary.ar === d.summary.en ? [d.summary.ar] : [d.summary.ar, d.summary.en];
  return { counted: [...titles, d.keywords], sounded: summaries };
}

/** A document's terms, field by field. */
function fieldsOf(d: SearchDoc): string[][] {
  return textsOf(d).map((text) => appendIndexTerms(text, []));
}

/** How a word of the vocabulary is shown: its most frequent spelling (the first in alphabetical order among equals). */
function display(entry: { forms: Map<string, number> }): string {
  let best = "";
  let most = 0;
  for (const [form, count] of entry.forms) {
    if (count > most || (count === most && form < best)) {
      best = form;
      most = count;
    }
  }
  return best;
}

/** How far a search had to go to find anything. */
export type Relaxation = "fuzzy" | "some-words";

/** How one pass of a search reaches the index. */
interface Pass {
  /** Every word also reaches the words a typo away, not only words the index does not know. */
  fuzzy?: boolean;
  /** Words in most documents are kept (the last resort, when the rare words alone match nothing). */
  keepCommon?: boolean;
  /** Documents holding more of the words rank higher (Lucene's coordination factor). */
  coordinate?: boolean;
}

/**
 * The in-process search engine fed by the portal's analyzer (terms in
 * MiniSearch's radix tree over compact posting lists, see inverted-index):
 * field weights (title over keywords over summary over body), popularity as
 * a tie-breaker, prefix matching, typo tolerance counted in letters,
 * synonyms, best bets, a retry on the other keyboard layout, and "did you
 * mean" from the words of titles and keywords.
 */
export class SearchEngine {
  private index: InvertedIndex;
  /** Reusable score arrays: one for the running candidates, one for the group being intersected. */
  private buffers: ScoreBuffer[];
  /** Reusable sums for matching some of the words. */
  private sums: ScoreSums;
  /** Reusable documents in the running with their totals. */
  private candidates: Candidates;
  /** The documents by number (a removed document leaves its number empty). */
  private readonly docs: (SearchDoc | undefined)[] = [];
  private readonly byId = new Map<string, number>();
  private synonyms: SynonymTable;
  private readonly bestBets = new Map<string, BestBet[]>();
  /** Ranking boost of each document (its type and popularity), computed once. */
  private readonly boosts: number[] = [];
  /** The words of titles, keywords and summaries: for "did you mean", and by sound for the other script's words. */
  private readonly vocabulary = new Vocabulary();
  /** The agencies by the names people call them. */
  private names = new NameMatcher();
  /** Equal scores are ordered by id, so an index updated in place ranks as a fresh build does. */
  private readonly keyOf = (doc: number): string => this.docs[doc]?.id ?? "";
  /** How common words score where they are prominent (cleared on every change). */
  private salient: SalientScores;
  /** The document numbers of each body's things and of the body itself, by its address name (made when first needed). */
  private scopes: Map<string, number[]> | undefined;

  constructor(docs: Iterable<SearchDoc>, synonymGroups: string[][] = [], bestBets: BestBet[] = []) {
    // The vocabulary reads the lines of titles and keywords (counted) and summaries (by sound) as the index saw them.
    this.index = InvertedIndex.build(this.numbered(docs), (text) => appendIndexTerms(text, []), {
      fields: 3,
      seen: (field, line, times) => this.vocabulary.add(line, field < 2, times),
    });
    this.salient = new SalientScores(this.index);
    this.buffers = [new ScoreBuffer(this.docs.length), new ScoreBuffer(this.docs.length)];
    this.sums = new ScoreSums(this.docs.length);
    this.candidates = new Candidates(this.docs.length);
    this.synonyms = new SynonymTable(synonymGroups);
    this.setBestBets(bestBets);
  }

  /** Numbers the documents as the index reads them, noting what the engine keeps of each. */
  private *numbered(docs: Iterable<SearchDoc>): Generator<string[]> {
    for (const d of docs) {
      const n = this.docs.push(d) - 1;
      this.byId.set(d.id, n);
      this.note(n, d, 1);
      yield textsOf(d);
    }
  }

  /** Adds (`sign` 1) or takes away (-1) what the engine keeps of a document beside the index: its boost and name. */
  private note(n: number, d: SearchDoc, sign: 1 | -1): void {
    if (d.type === "agency" && sign > 0) this.names.add(n, [d.title.ar, d.title.en, ...(d.names ?? [])]);
    this.boosts[n] = typeBoost[d.type] * (1 + Math.log10(1 + d.popularity) / 10);
  }

  /**
   * Updates the index in place: the documents with these ids leave it, and
   * these documents join it or replace the ones with their ids. Only their
   * terms' lists are rewritten; the results are those of a fresh build.
   */
  update(removed: Iterable<string>, upserted: Iterable<SearchDoc>): void {
    const changes: IndexChange[] = [];
    let agencies = false;
    for (const id of removed) {
      const n = this.byId.get(id);
      const d = n === undefined ? undefined : this.docs[n];
      if (n === undefined || !d) continue;
      this.note(n, d, -1);
      this.vocabulary.apply(vocabularyTexts(d), -1);
      agencies ||= d.type === "agency";
      changes.push({ doc: n, old: fieldsOf(d) });
      this.docs[n] = undefined;
      this.byId.delete(id);
    }
    for (const d of upserted) {
      let n = this.byId.get(d.id);
      const before = n === undefined ? undefined : this.docs[n];
      if (n === undefined) {
        n = this.docs.push(d) - 1;
        this.byId.set(d.id, n);
      }
      if (before) {
        this.note(n, before, -1);
        this.vocabulary.apply(vocabularyTexts(before), -1);
      }
      this.docs[n] = d;
      this.note(n, d, 1);
      this.vocabulary.apply(vocabularyTexts(d), 1);
      agencies ||= d.type === "agency" || before?.type === "agency";
      changes.push({ doc: n, old: before ? fieldsOf(before) : undefined, fresh: fieldsOf(d) });
    }
    this.index.update(changes);
    this.salient.clear();
    this.scopes = undefined;
    if (agencies) {
      this.names = new NameMatcher();
      this.docs.forEach((d, n) => {
        if (d?.type === "agency") this.names.add(n, [d.title.ar, d.title.en, ...(d.names ?? [])]);
      });
    }
    if (this.docs.length > (this.buffers[0] as ScoreBuffer).capacity) {
      const size = Math.ceil(this.docs.length * 1.25);
      this.buffers = [new ScoreBuffer(size), new ScoreBuffer(size)];
      this.sums = new ScoreSums(size);
      this.candidates = new Candidates(size);
    }
  }

  /** The synonyms and best bets (they change without the documents). */
  setSettings(synonymGroups: string[][], bestBets: BestBet[]): void {
    this.synonyms = new SynonymTable(synonymGroups);
    this.setBestBets(bestBets);
  }

  private setBestBets(bestBets: BestBet[]): void {
    this.bestBets.clear();
    for (const bet of bestBets) {
      const key = this.queryKey(bet.query);
      this.bestBets.set(key, [...(this.bestBets.get(key) ?? []), bet]);
    }
  }

  /** The document with this id, as the index holds it. */
  document(id: string): SearchDoc | undefined {
    const n = this.byId.get(id);
    return n === undefined ? undefined : this.docs[n];
  }

  get documentCount(): number {
    return this.index.documentCount;
  }

  private queryKey(q: string): string {
    return wordsWithOffsets(q)
      .map((w) => stem(w.norm))
      .filter(Boolean)
      .join(" ");
  }

  /** Whether the index holds the thing of this kind and address name (a best bet must point at one). */
  finds(type: DocType, slug: string): boolean {
    return this.byId.has(`${type}:${slug}`);
  }

  private termExists = (term: string): boolean => this.index.has(term);

  /** The document count above which a term is too common to tell documents apart (a stop word of this index). */
  private commonLimit(): number {
    const n = this.index.documentCount;
    return n >= COMMON_MIN_DOCS ? n * COMMON_SHARE : Number.POSITIVE_INFINITY;
  }

  private isCommon(term: string): boolean {
    return this.index.documentFrequency(term) > this.commonLimit();
  }

  /** Stems of the other script's words that sound like this one (iqama → إقامة, اكزت → exit). */
  private transliterations = (norm: string): string[] => {
    const stems = this.vocabulary.skeletons.get(skeleton(norm));
    if (!stems) return [];
    const arabic = isArabic(norm);
    return [...stems.keys()]
      .filter((s) => isArabic(s) !== arabic)
      .sort()
      .slice(0, 5);
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

  /**
   * How a query term reaches the index: by prefix when it is the word being
   * typed (the last, unless the synonym table supplied it) or an unknown
   * word; by typo tolerance only when the index does not know it.
   */
  private expansionOf(term: string, typing: boolean, fuzzy = false): Expansion {
    const known = this.termExists(term);
    return { term, prefix: (typing || !known) && [...term].length >= 3, fuzzy: known && !fuzzy ? false : fuzziness(term) };
  }

  /** The index terms each word of the groups reaches (computed once per search). */
  private compile(groups: Group[], pass: Pass = {}) {
    const last = groups.length - 1;
    const limit = pass.keepCommon ? Number.POSITIVE_INFINITY : this.commonLimit();
    return groups.map((alternatives, g) => {
      const typing = g === last && !isSynonymGroup(alternatives);
      return alternatives.map((terms) => terms.map((t) => this.index.expand(this.expansionOf(t, typing, pass.fuzzy), limit)));
    });
  }

  /** True when a group (any of its alternatives) matches too many documents to tell them apart. */
  private isCommonGroup(group: Group): boolean {
    return group.some((terms) => terms.every((t) => this.isCommon(t))) || this.isFacetGroup(group);
  }

  /** A word as typed that asks about an aspect of a service ("رسوم", "documents"), not which one (see analyzer/facets). */
  private isFacetGroup(group: Group): boolean {
    return !isSynonymGroup(group) && group.every((terms) => terms.length === 1 && isFacet(terms[0] as string));
  }

  /**
   * Leaves out the groups too common to tell documents apart, as long as a
   * rarer one remains. A group is kept or left whole: leaving out its
   * common alternatives ("ID card") would make it mean its rare ones
   * ("national ID"). Groups left out still add to the scores of the
   * documents found (see run).
   */
  private withoutCommonTerms(groups: Group[]): Group[] {
    const rare = groups.filter((g) => !this.isCommonGroup(g));
    return rare.length ? rare : groups;
  }

  /**
   * The documents that can pass the filters when they name a body: the
   * body's own things and the body, few beside the index. Undefined when
   * the filters name none.
   */
  private scopeOf(filters: SearchFilters): number[] | undefined {
    if (!filters.agency) return undefined;
    if (!this.scopes) {
      const scopes = new Map<string, number[]>();
      const into = (slug: string, n: number) => {
        const list = scopes.get(slug);
        if (list) list.push(n);
        else scopes.set(slug, [n]);
      };
      this.docs.forEach((d, n) => {
        if (d?.agency) into(d.agency.slug, n);
        if (d?.type === "agency" && d.slug !== d.agency?.slug) into(d.slug, n);
      });
      this.scopes = scopes;
    }
    return this.scopes.get(filters.agency) ?? [];
  }

  /**
   * Documents matching the groups (all of them, or any for OR), with their
   * scores. For AND, the rarest group is scored in full and every other
   * group only for the documents still in the running. When the filters
   * name a body with few documents beside the lists, only its documents are
   * probed (the same scores, see group-scores).
   */
  private run(groups: Group[], combineWith: "AND" | "OR", filters: SearchFilters, keep: number, pass: Pass = {}): Ranked {
    if (groups.length === 0) return { total: 0, ranked: [] };
    const kept = pass.keepCommon ? groups : this.withoutCommonTerms(groups);
    let compiled = this.compile(kept, pass);
    const scope = this.scopeOf(filters);
    const probed = (group: CompiledGroup) => scope !== undefined && scope.length * groupExpansions(group) * 16 < groupSize(group);

    const found = this.candidates.reset();
    if (combineWith === "AND") {
      const ordered = [...compiled].sort((a, b) => groupSize(a) - groupSize(b));
      const prepared = ordered.map(prepare);
      if (scope && probed(ordered[0] ?? [])) {
        for (const doc of scope) {
          let total = 0;
          for (const group of prepared) {
            const v = groupScoreAt(group, doc);
            if (v === 0) {
              total = 0;
              break;
            }
            total += v;
          }
          if (total > 0) found.push(doc, total);
        }
      } else {
        const first = scoreGroup(prepared[0] ?? [], this.buffers[0] as ScoreBuffer);
        const firstDocs = first.docs;
        for (let i = 0; i < firstDocs.length; i++) {
          const doc = firstDocs[i] as number;
          found.push(doc, first.get(doc));
        }
        for (let g = 1; g < ordered.length; g++) {
          if (found.size === 0) break;
          const group = ordered[g] as CompiledGroup;
          const alternatives = prepared[g] as PreparedAlternative[];
          const probe = found.size * groupExpansions(group) * 16 < groupSize(group);
          const other = probe ? undefined : scoreGroup(alternatives, this.buffers[1] as ScoreBuffer);
          // The documents still in the running, kept in place.
          let still = 0;
          for (let i = 0; i < found.size; i++) {
            const doc = found.docs[i] as number;
            const v = other ? other.get(doc) : groupScoreAt(alternatives, doc);
            if (v === 0) continue;
            found.docs[still] = doc;
            found.totals[still++] = (found.totals[i] as number) + v;
          }
          found.size = still;
        }
      }
    } else {
      // Matching some of the words: the distinctive ones, when there are any.
      // How common a group is, by its words as typed (not the words a typo or prefix away, which any word reaches).
      const exactSize = (g: number) =>
        (kept[g] ?? []).reduce((sum, alt) => sum + Math.min(...alt.map((t) => this.index.documentFrequency(t))), 0);
      const distinctive =
        this.index.documentCount >= COMMON_MIN_DOCS && !pass.keepCommon && !pass.coordinate
          ? compiled.filter((_, g) => exactSize(g) <= this.index.documentCount * DISTINCTIVE_SHARE)
          : [];
      if (distinctive.length) compiled = distinctive;
      const prepared = compiled.map(prepare);
      const sums = this.sums.reset();
      // Each group is probed in the documents of the body named by the filters, or scored in full when that costs less.
      compiled.forEach((group, g) => {
        const alternatives = prepared[g] as PreparedAlternative[];
        if (scope && probed(group)) {
          for (const doc of scope) {
            const v = groupScoreAt(alternatives, doc);
            if (v > 0) sums.add(doc, v);
          }
        } else {
          const scored = scoreGroup(alternatives, this.buffers[0] as ScoreBuffer);
          const scoredDocs = scored.docs;
          for (let i = 0; i < scoredDocs.length; i++) {
            const doc = scoredDocs[i] as number;
            sums.add(doc, scored.get(doc));
          }
        }
      });
      // Lucene's coordination factor: a document holding more of the words ranks higher.
      const n = compiled.length;
      const summed = sums.docs;
      for (let i = 0; i < summed.length; i++) {
        const doc = summed[i] as number;
        found.push(doc, pass.coordinate ? sums.sum(doc) * (sums.count(doc) / n) ** COORD_POWER : sums.sum(doc));
      }
    }

    // Groups left out as too common still count for the documents found, where they are prominent ("ID card" in a title).
    const left = kept.length < groups.length ? this.salient.resolve(groups.filter((g) => this.isCommonGroup(g))) : [];
    const filtered = filters.type || filters.personas?.length || filters.agency || filters.fullyOnline;
    const top = new TopK(keep, this.keyOf);
    for (let i = 0; i < found.size; i++) {
      const doc = found.docs[i] as number;
      if (filtered && !this.matchesFilters(this.docs[doc], filters)) continue;
      const total = left.length ? (found.totals[i] as number) + this.salient.score(left, doc) : (found.totals[i] as number);
      top.offer(doc, total * (this.boosts[doc] ?? 1));
    }
    return { total: top.count, ranked: top.sorted() };
  }

  /** The index terms of the query that a document holds, for highlighting. */
  private matchedTerms(compiled: ReturnType<SearchEngine["compile"]>, doc: number): string[] {
    const out = new Set<string>();
    for (const group of compiled) {
      for (const alternative of group) {
        for (const leaf of alternative) {
          for (const e of leaf) if (!out.has(e.term) && this.index.holds(e.term, doc)) out.add(e.term);
        }
      }
    }
    return [...out];
  }

  private matchesFilters(d: SearchDoc | undefined, f: SearchFilters): boolean {
    if (!d) return false;
    if (f.type && d.type !== f.type) return false;
    if (f.personas?.length && !d.personas.some((p) => f.personas?.includes(p))) return false;
    if (f.agency && d.agency?.slug !== f.agency && !(d.type === "agency" && d.slug === f.agency)) return false;
    if (f.fullyOnline && d.maturity !== "fully-online") return false;
    return true;
  }

  /**
   * A spelling correction from the vocabulary (the words of titles and
   * keywords): for words it does not know, and, when the results were found
   * by typo tolerance, for rare words that are a typo away from a word ten
   * times as common ("تجدد" → "تجديد").
   */
  private correct(query: string, alsoKnown: boolean): string | undefined {
    let changed = false;
    const words = wordsWithOffsets(query).map((w) => {
      if (!stem(w.norm) || /^\d+$/.test(w.norm)) return w.raw;
      const own = this.vocabulary.words.get(w.norm)?.count ?? 0;
      const known = own > 0 || this.termExists(stem(w.norm));
      if (known && !alsoKnown) return w.raw;
      const max = fuzziness(w.norm);
      if (!max) return w.raw;
      let best: { display: string; distance: number; count: number } | undefined;
      for (const [norm, [entry, distance]] of this.vocabulary.words.fuzzyGet(w.norm, max)) {
        if (distance === 0 || norm === w.norm || (known && entry.count < Math.max(own, 1) * 10)) continue;
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && entry.count > best.count) ||
          (distance === best.distance && entry.count === best.count && display(entry) < best.display)
        ) {
          best = { display: display(entry), distance, count: entry.count };
        }
      }
      if (!best) return w.raw;
      changed = true;
      return best.display;
    });
    return changed ? words.join(" ") : undefined;
  }

  /**
   * What the body a query names inside it offers for the query's other
   * words ("PHCC appointment": the primary care corporation's things about
   * appointments), best first; empty when the query names no body that way.
   */
  private withinNamedBody(query: string, filters: SearchFilters, keep: number): { doc: number; score: number }[] {
    const named = this.names.within(query);
    if (!named) return [];
    const groups = this.expand(named.rest);
    if (!groups.length) return [];
    const out: { doc: number; score: number }[] = [];
    for (const n of named.docs) {
      const agency = this.docs[n];
      if (agency?.type !== "agency" || (filters.agency && filters.agency !== agency.slug)) continue;
      const scoped = { ...filters, agency: agency.slug };
      let found = this.run(groups, "AND", scoped, keep);
      if (!found.total) found = this.run(groups, "OR", scoped, keep, { fuzzy: true, coordinate: true });
      out.push(...found.ranked.filter((r) => r.doc !== n));
    }
    return out.sort((a, b) => b.score - a.score);
  }

  /** Searches; `limit` and `offset` page through the hits (best bets first). */
  search(query: string, filters: SearchFilters = {}, page = { offset: 0, limit: 20 }): SearchOutcome {
    const keep = page.offset + page.limit;
    let groups = this.expand(query);
    let strict = this.run(groups, "AND", filters, keep);
    let layoutSwitchedTo: string | undefined;
    if (strict.total === 0) {
      const converted = otherLayout(query);
      if (converted && this.looksMeaningful(converted)) {
        const altGroups = this.expand(converted);
        const alt = this.run(altGroups, "AND", filters, keep);
        if (alt.total) {
          strict = alt;
          groups = altGroups;
          layoutSwitchedTo = converted;
        }
      }
    }
    let total = strict.total;
    let results = strict.ranked;
    // A long query (a question, a description of the need) is ranked by most words rather than by all of them.
    if (groups.length >= LONG_QUERY && !layoutSwitchedTo && strict.total > 0) {
      const most = this.run(groups, "OR", filters, keep, { coordinate: true });
      results = most.ranked;
      total = Math.max(total, most.total);
    }
    let relaxed: Relaxation | undefined;
    const add = (more: Ranked, how: Relaxation) => {
      const seen = new Set(results.map((r) => r.doc));
      const fresh = more.ranked.filter((r) => !seen.has(r.doc));
      if (fresh.length && strict.total === 0) relaxed ??= how;
      results = [...results, ...fresh];
      total = Math.max(total, more.total);
    };
    // Few matches for every word exactly: every word may also be a typo of another (Lucene's fuzzy AUTO)…
    if (total === 0 && !layoutSwitchedTo) add(this.run(groups, "AND", filters, keep, { fuzzy: true }), "fuzzy");
    // …then what matches most of the words, the rarest first, and as a last resort any word at all.
    if (total < RELAX_BELOW && groups.length > 1 && !layoutSwitchedTo) {
      add(this.run(groups, "OR", filters, keep + RELAX_BELOW, { fuzzy: true }), "some-words");
      if (total === 0) add(this.run(groups, "OR", filters, keep, { fuzzy: true, keepCommon: true }), "some-words");
    }
    if (strict.total === 0 && total === 0 && !layoutSwitchedTo) {
      add(this.run(groups, "AND", filters, keep, { fuzzy: true, keepCommon: true }), "fuzzy");
    }
    const didYouMean = strict.total < 3 && !layoutSwitchedTo ? this.correct(query, relaxed !== undefined) : undefined;
    // A body named inside the query ("Kahramaa bill"): its own things matching the other words go beside the others.
    if (!layoutSwitchedTo) {
      const scoped = this.withinNamedBody(query, filters, keep);
      if (scoped.length) {
        const best = new Map(results.map((r) => [r.doc, r.score]));
        for (const r of scoped) best.set(r.doc, Math.max(best.get(r.doc) ?? 0, r.score * SCOPED_WEIGHT));
        const merged = [...best].map(([doc, score]) => ({ doc, score })).sort((a, b) => b.score - a.score);
        results = merged;
        total = Math.max(total, merged.length);
      }
    }

    // Best bets first, then the agencies the query names, then the ranked results.
    const asked = layoutSwitchedTo ?? query;
    const visible = (n: number | undefined): n is number => n !== undefined && this.matchesFilters(this.docs[n], filters);
    const bets = [
      ...new Set((this.bestBets.get(this.queryKey(asked)) ?? []).map((b) => this.byId.get(`${b.type}:${b.slug}`))),
    ].filter(visible);
    const named = this.names.match(asked).filter((n) => visible(n) && !bets.includes(n));
    const pinnedSet = new Set([...bets, ...named]);
    const unpinned = results.filter((r) => !pinnedSet.has(r.doc));
    const ranked = [
      ...bets.map((doc) => ({ doc, score: Number.POSITIVE_INFINITY, bestBet: true })),
      ...named.map((doc) => ({ doc, score: Number.POSITIVE_INFINITY, bestBet: false })),
      ...unpinned.map((r) => ({ ...r, bestBet: false })),
    ];
    const compiled = this.compile(groups);
    const hits: Hit[] = ranked.slice(page.offset, page.offset + page.limit).map((r) => ({
      doc: this.docs[r.doc] as SearchDoc,
      score: r.score,
      terms: this.matchedTerms(compiled, r.doc),
      bestBet: r.bestBet,
    }));
    return {
      total: total + pinnedSet.size - (results.length - unpinned.length),
      hits,
      layoutSwitchedTo,
      didYouMean: didYouMean && normalize(didYouMean) !== normalize(query) ? didYouMean : undefined,
      relaxed,
    };
  }

  /** Titles that start like the query, for the search box's suggestions. */
  suggest(query: string, limit = 6): SearchDoc[] {
    return this.search(query, {}, { offset: 0, limit }).hits.map((h) => h.doc);
  }
}

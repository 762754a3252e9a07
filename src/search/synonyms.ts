import { alternativeStems, stem } from "./analyzer/index.js";
import { abbreviations, isLetterName } from "./analyzer/letter-names.js";
import { wordsWithOffsets } from "./analyzer/tokenize.js";

/**
 * Query expansion through the synonym table: a query becomes a list of
 * groups that must all match (AND); each group is a list of alternatives
 * (OR); each alternative is a list of index terms that must all match
 * (a multi-word expression such as "رخصة القيادة").
 */
export type Alternative = string[];
export type Group = Alternative[];

/** One analysed word of a query: its stem, its normalised spelling, and other stems it may stand for. */
interface QueryWord {
  stem: string;
  surface: string;
  others: string[];
}

function analyseExpression(text: string): string[] {
  return wordsWithOffsets(text)
    .map((w) => stem(w.norm))
    .filter(Boolean);
}

/**
 * Replaces runs of Latin letters spelled out in Arabic ("كيو اي دي") with the
 * abbreviation they spell ("qid"), when the index knows it.
 */
function collapseSpelledLetters(words: string[], known: (term: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    let j = i;
    while (j < words.length && isLetterName(words[j] as string)) j++;
    const abbreviation = j - i >= 2 ? abbreviations(words.slice(i, j)).find(known) : undefined;
    if (abbreviation) {
      out.push(abbreviation);
      i = j;
    } else {
      out.push(words[i] as string);
      i += 1;
    }
  }
  return out;
}

/** The groups that came from the synonym table (rather than from a word as typed). */
const synonymGroups = new WeakSet<Group>();

export function isSynonymGroup(group: Group): boolean {
  return synonymGroups.has(group);
}

export class SynonymTable {
  /** Expressions by their first stem, longest first. */
  private readonly byFirst = new Map<string, { stems: string[]; group: number }[]>();
  private readonly groups: string[][][] = [];

  constructor(groups: string[][]) {
    for (const terms of groups) {
      const analysed = terms.map(analyseExpression).filter((s) => s.length > 0);
      if (analysed.length < 2) continue;
      const id = this.groups.push(analysed) - 1;
      for (const stems of analysed) {
        const first = stems[0] ?? "";
        const list = this.byFirst.get(first) ?? [];
        list.push({ stems, group: id });
        list.sort((a, b) => b.stems.length - a.stems.length);
        this.byFirst.set(first, list);
      }
    }
  }

  get size(): number {
    return this.groups.length;
  }

  /**
   * The query as AND-of-OR groups. `known` tells whether a term is in the
   * index, to choose between a word's possible stems.
   */
  expand(query: string, known: (term: string) => boolean, transliterations: (norm: string) => string[] = () => []): Group[] {
    const words = collapseSpelledLetters(
      wordsWithOffsets(query).map((w) => w.norm),
      known,
    )
      .map((norm) => ({ stem: stem(norm), surface: norm, others: alternativeStems(norm) }))
      .filter((w) => w.stem);
    const out: Group[] = [];
    for (let i = 0; i < words.length; ) {
      const word = words[i] as QueryWord;
      const match = (this.byFirst.get(word.stem) ?? []).find((e) => e.stems.every((s, k) => words[i + k]?.stem === s));
      if (match) {
        const group = (this.groups[match.group] as Group).map((alternative) => [...alternative]);
        synonymGroups.add(group);
        out.push(group);
        i += match.stems.length;
        continue;
      }
      const stems = [word.stem, ...word.others];
      const chosen = stems.find(known);
      const alternatives: Group = [[chosen ?? word.stem]];
      // An unknown word is also tried as written, for typo tolerance against real words.
      if (!chosen && word.surface !== word.stem) alternatives.push([word.surface]);
      // A word the index does not know may be the other script's word written in this one.
      if (!chosen && !known(word.surface)) for (const t of transliterations(word.surface)) alternatives.push([t]);
      out.push(alternatives);
      i += 1;
    }
    return out;
  }
}

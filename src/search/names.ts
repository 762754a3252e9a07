import { normalize } from "../platform/text/normalize.js";
import { stem } from "./analyzer/index.js";
import { wordsWithOffsets } from "./analyzer/tokenize.js";

/** Words that say what kind of body something is, not which one ("ministry", "general", "هيئة"). */
const ORGANISATION_WORDS = new Set(
  [
    "وزارة",
    "هيئة",
    "إدارة",
    "مؤسسة",
    "مجلس",
    "وكالة",
    "مديرية",
    "دائرة",
    "جهة",
    "العامة",
    "الوطنية",
    "ministry",
    "authority",
    "department",
    "directorate",
    "corporation",
    "council",
    "agency",
    "general",
    "public",
    "national",
    "office",
    "administration",
  ].map((w) => stem(normalize(w))),
);

/** At most this many bodies are put first for one query. */
const MAX_NAMED = 3;

const stemsOf = (text: string) =>
  wordsWithOffsets(text)
    .map((w) => stem(w.norm))
    .filter(Boolean);

/**
 * Finds the bodies a query names, the way people name them: by one of their
 * names as a whole ("الجوازات", "MOI"), or by the distinctive words of a name
 * with or without the kind of body ("passports department" for the General
 * Directorate of Passports, "وزارة الصحة" for the Ministry of Public Health,
 * "customs" for the General Authority of Customs). A query that names a body
 * is navigational: the body's page is the answer, before its services.
 */
export class NameMatcher {
  /** Each name as its stems → the documents it names. */
  private readonly whole = new Map<string, Set<number>>();
  /** A distinctive stem → the documents whose names hold it. */
  private readonly byStem = new Map<string, Set<number>>();
  /** Each document's distinctive stems, per name. */
  private readonly distinctive = new Map<number, string[][]>();
  /** Every stem of each document's names, kinds of body included. */
  private readonly all = new Map<number, Set<string>>();

  add(doc: number, names: string[]): void {
    const perName: string[][] = [];
    for (const name of names) {
      const stems = stemsOf(name);
      if (!stems.length) continue;
      const key = stems.join(" ");
      const all = this.all.get(doc) ?? new Set();
      for (const s of stems) all.add(s);
      this.all.set(doc, all);
      this.whole.set(key, (this.whole.get(key) ?? new Set()).add(doc));
      const own = stems.filter((s) => !ORGANISATION_WORDS.has(s));
      if (!own.length) continue;
      perName.push(own);
      for (const s of own) this.byStem.set(s, (this.byStem.get(s) ?? new Set()).add(doc));
    }
    if (perName.length) this.distinctive.set(doc, perName);
  }

  /**
   * A body named inside a longer query ("Kahramaa bill", "حجز موعد PHCC"):
   * the longest run of words that is one of its names as a whole, and the
   * query's other words. Undefined when no name is inside, or the name is
   * the whole query (see match).
   */
  within(query: string): { docs: number[]; rest: string } | undefined {
    const words = wordsWithOffsets(query)
      .map((w) => ({ raw: w.raw, stem: stem(w.norm) }))
      .filter((w) => w.stem);
    for (let length = words.length - 1; length >= 1; length--) {
      for (let i = 0; i + length <= words.length; i++) {
        const docs = this.whole.get(
          words
            .slice(i, i + length)
            .map((w) => w.stem)
            .join(" "),
        );
        if (!docs) continue;
        const rest = [...words.slice(0, i), ...words.slice(i + length)].map((w) => w.raw).join(" ");
        return { docs: [...docs], rest };
      }
    }
    return undefined;
  }

  /** The documents the query names, best first (a whole name before a name by its words). */
  match(query: string): number[] {
    const stems = stemsOf(query);
    if (!stems.length) return [];
    const exact = [...(this.whole.get(stems.join(" ")) ?? [])];
    const own = [...new Set(stems.filter((s) => !ORGANISATION_WORDS.has(s)))];
    if (!own.length) return exact;
    const saysKind = own.length < stems.length;
    let candidates: Set<number> | undefined;
    for (const s of own) {
      const docs = this.byStem.get(s);
      if (!docs) return exact;
      candidates = candidates ? new Set([...candidates].filter((d) => docs.has(d))) : new Set(docs);
      if (!candidates.size) return exact;
    }
    const byWords = [...(candidates ?? [])].filter((doc) => {
      if (exact.includes(doc)) return false;
      // Without the kind of body, the query must hold every distinctive word of one of its names.
      return saysKind || (this.distinctive.get(doc) ?? []).some((name) => name.every((s) => own.includes(s)));
    });
    // Names that also hold the query's kind of body ("ministry") first, then the shortest names.
    const held = (doc: number) => stems.filter((s) => this.all.get(doc)?.has(s)).length;
    const extra = (doc: number) => Math.min(...(this.distinctive.get(doc) ?? []).map((n) => n.length));
    byWords.sort((a, b) => held(b) - held(a) || extra(a) - extra(b) || a - b);
    return [...exact, ...byWords].slice(0, MAX_NAMED);
  }
}

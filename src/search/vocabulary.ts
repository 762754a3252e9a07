import SearchableMap from "minisearch/SearchableMap";
import { analyseWord, writtenWords } from "./analyzer/fast.js";

/** A word of the vocabulary: how it is written (each spelling with its count), and how often it occurs. */
export interface VocabularyEntry {
  forms: Map<string, number>;
  count: number;
}

/** The texts of a document the vocabulary reads: titles and keywords are counted as words people type, summaries only sound. */
export interface VocabularyTexts {
  counted: string[];
  sounded: string[];
}

/**
 * The words of the documents' titles, keywords and summaries, beside the
 * index: the words people may type (titles and keywords), for "did you
 * mean", and the sound keys of all of them, for words typed in the other
 * script. A build adds each distinct line of those fields once, with how
 * often the index saw it (a catalogue repeats its titles and summaries); a
 * change adds or takes away a document's texts at once.
 */
export class Vocabulary {
  /** Transliteration keys of the words → their stems, with how many documents' words gave each. */
  readonly skeletons = new Map<string, Map<string, number>>();
  /** Words people may type, normalised → how they are written, for lookups a typo away. */
  readonly words = new SearchableMap<VocabularyEntry>();
  /** The same entries by word, for counting (a hash lookup, not a walk down the tree). */
  private readonly entries = new Map<string, VocabularyEntry>();
  /** Adds (`sign` 1) or takes away (-1) a document's texts now. */
  apply(texts: VocabularyTexts, sign: 1 | -1): void {
    for (const text of texts.counted) this.add(text, true, sign);
    for (const text of texts.sounded) this.add(text, false, sign);
  }

  /** Adds (`times` above 0) or takes away (below 0) the words of a text, that many times (a build adds each distinct line once). */
  add(text: string, counted: boolean, times: number): void {
    for (const raw of writtenWords(text)) {
      for (const w of analyseWord(raw)) {
        if (!w.stem || w.number) continue;
        if (w.key) {
          let stems = this.skeletons.get(w.key);
          if (!stems) {
            stems = new Map();
            this.skeletons.set(w.key, stems);
          }
          const left = (stems.get(w.stem) ?? 0) + times;
          if (left > 0) stems.set(w.stem, left);
          else stems.delete(w.stem);
          if (stems.size === 0) this.skeletons.delete(w.key);
        }
        if (!counted) continue;
        let entry = this.entries.get(w.norm);
        if (!entry) {
          if (times < 0) continue;
          entry = { forms: new Map(), count: 0 };
          this.words.set(w.norm, entry);
          this.entries.set(w.norm, entry);
        }
        entry.count += times;
        const form = (entry.forms.get(raw) ?? 0) + times;
        if (form > 0) entry.forms.set(raw, form);
        else entry.forms.delete(raw);
        if (entry.count <= 0) {
          this.words.delete(w.norm);
          this.entries.delete(w.norm);
        }
      }
    }
  }
}

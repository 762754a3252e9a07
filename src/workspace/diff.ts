import { diffWords } from "diff";
import { type Language, languages, textOf } from "./fields.js";
import type { ContentData, FieldSpec } from "./model.js";

/** A run of words: unchanged, added in the newer version, or removed from the older. */
export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}

/** One changed field, in one language (no language for single-valued fields). */
export interface FieldChange {
  field: string;
  lang?: Language | undefined;
  parts: DiffPart[];
}

function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

/** The fields that differ between two versions of an item, word by word, in the kind's field order. */
export function diffContent(specs: FieldSpec[], older: ContentData, newer: ContentData): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of specs) {
    const langs: (Language | undefined)[] = spec.bilingual ? [...languages] : [undefined];
    for (const lang of langs) {
      const before = textOf(older[spec.name], lang ?? "ar");
      const after = textOf(newer[spec.name], lang ?? "ar");
      if (before !== after) changes.push({ field: spec.name, lang, parts: wordDiff(before, after) });
    }
  }
  return changes;
}

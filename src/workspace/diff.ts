import { diffWords } from "diff";
import { type Language, languages, textOf } from "./fields.js";
import type { ContentData, FieldSpec, FieldValue } from "./model.js";

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

/** How a stored value reads to a person: a choice's label rather than its value. */
export type ValueText = (spec: FieldSpec, value: string) => string;

/**
 * Words as the language cuts them (Intl.Segmenter): jsdiff's own tokenizer
 * knows only Latin letters, so it took Arabic letter by letter and the words
 * of a change fell apart.
 */
const segmenters: Record<Language, Intl.Segmenter> = {
  ar: new Intl.Segmenter("ar", { granularity: "word" }),
  en: new Intl.Segmenter("en", { granularity: "word" }),
};

function wordDiff(before: string, after: string, lang: Language): DiffPart[] {
  return diffWords(before, after, { intlSegmenter: segmenters[lang] }).map((c) => ({
    kind: c.added ? "added" : c.removed ? "removed" : "same",
    text: c.value,
  }));
}

/** The text as compared: line endings, runs of spaces and the ends do not count as changes nobody made. */
function comparable(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .join("\n")
    .trim();
}

function readable(spec: FieldSpec, value: FieldValue | undefined, lang: Language, valueText?: ValueText): string {
  if (valueText && !spec.bilingual && (typeof value === "string" || Array.isArray(value))) {
    const values = Array.isArray(value) ? value : value === "" ? [] : [value];
    return values.map((v) => valueText(spec, v)).join("\n");
  }
  return textOf(value, lang);
}

/**
 * The fields that differ between two versions of an item, word by word, in
 * the kind's field order. Single-valued fields are read in `locale`, their
 * choices by label (`valueText`), never as the stored values.
 */
export function diffContent(
  specs: FieldSpec[],
  older: ContentData,
  newer: ContentData,
  options: { locale?: Language; valueText?: ValueText } = {},
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const spec of specs) {
    const langs: (Language | undefined)[] = spec.bilingual ? [...languages] : [undefined];
    for (const lang of langs) {
      const reading = lang ?? options.locale ?? "ar";
      const before = comparable(readable(spec, older[spec.name], reading, options.valueText));
      const after = comparable(readable(spec, newer[spec.name], reading, options.valueText));
      if (before !== after) changes.push({ field: spec.name, lang, parts: wordDiff(before, after, reading) });
    }
  }
  return changes;
}

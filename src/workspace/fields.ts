import { type Problem, problemMessages } from "../forms/problems.js";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import type { Translator } from "../platform/i18n/messages.js";
import { foldDigits, stripControlCharacters } from "../platform/text/clean.js";
import { fromDohaDateTimeLocal } from "../platform/time/doha.js";
import type { BilingualText, Choice, ContentData, FieldSpec, FieldValue } from "./model.js";

/** The languages every bilingual field is written in, Arabic first. */
export const languages = ["ar", "en"] as const;
export type Language = (typeof languages)[number];

/** The form control name of a field (and of one language of a bilingual field). */
export function inputName(field: string, lang?: Language): string {
  return lang ? `${field}-${lang}` : field;
}

/** A field's problem: its catalogue message key under workspace.problems, and the language when only one is wrong. */
export interface FieldProblem {
  field: string;
  lang?: Language | undefined;
  problem: "missing" | "invalid";
}

/** A field's problem as the one problem type: its input's id, and the message naming the field (and the language) in words. */
export function asProblem(tr: Translator, p: FieldProblem): Problem {
  const field = tr.t(`workspace.fields.${p.field}`);
  const id = p.lang ? inputName(p.field, p.lang) : p.field;
  if (p.problem === "invalid") return { field: id, key: "workspace.errors.invalid", values: { field } };
  if (p.lang)
    return {
      field: id,
      key: "workspace.errors.missingIn",
      values: { field, language: tr.t(`workspace.form.language.${p.lang}`) },
    };
  return { field: id, key: "workspace.errors.missing", values: { field } };
}

/** The page's messages for a list of field problems, naming each field in the page's language. */
export function fieldMessages(tr: Translator, problems: FieldProblem[]): FieldError[] {
  return problemMessages(
    tr,
    problems.map((p) => asProblem(tr, p)),
  );
}

const clean = (v: unknown): string => (typeof v === "string" ? stripControlCharacters(v).replace(/\r\n/g, "\n").trim() : "");
const all = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(clean).filter(Boolean);

/** Reads the lines of a "lines" field: one entry a line, blanks dropped. */
export function linesOf(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function validSingle(spec: FieldSpec, value: string, choices: Choice[] | undefined): boolean {
  if (value === "") return true;
  switch (spec.type) {
    case "url":
      return /^https:\/\/[^\s/$.?#][^\s]*$/i.test(value);
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    case "datetime":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && !Number.isNaN(fromDohaDateTimeLocal(value).getTime());
    case "number":
      return /^-?\d+(\.\d+)?$/.test(value);
    case "select":
      return (choices ?? []).some((c) => c.value === value);
    default:
      return true;
  }
}

/**
 * Reads a kind's fields from a posted form into draft data. Only the form is
 * checked here (a link must be https, a date a date, a choice one offered);
 * what may still be empty in a draft is checked when publishing.
 */
export function readFields(
  specs: FieldSpec[],
  form: Record<string, unknown>,
  choices: Record<string, Choice[]>,
): { data: ContentData; problems: FieldProblem[] } {
  const data: ContentData = {};
  const problems: FieldProblem[] = [];
  for (const spec of specs) {
    if (spec.type === "file") continue;
    if (spec.type === "checkboxes") {
      const offered = new Set((choices[spec.name] ?? []).map((c) => c.value));
      const chosen = all(form[inputName(spec.name)]);
      if (chosen.some((c) => !offered.has(c))) problems.push({ field: spec.name, problem: "invalid" });
      data[spec.name] = chosen.filter((c) => offered.has(c));
      continue;
    }
    const fold = (v: string) => (["date", "datetime", "number"].includes(spec.type) ? foldDigits(v) : v);
    if (spec.bilingual) {
      const value: BilingualText = { ar: "", en: "" };
      for (const lang of languages) {
        value[lang] = fold(clean(form[inputName(spec.name, lang)]));
        if (!validSingle(spec, value[lang], choices[spec.name])) problems.push({ field: spec.name, lang, problem: "invalid" });
      }
      data[spec.name] = value;
    } else {
      const value = fold(clean(form[inputName(spec.name)]));
      if (!validSingle(spec, value, choices[spec.name])) problems.push({ field: spec.name, problem: "invalid" });
      data[spec.name] = value;
    }
  }
  return { data, problems };
}

/** A field's value as text in one language (a list joined by line breaks; a single value for both languages). */
export function textOf(value: FieldValue | undefined, lang: Language): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join("\n");
  return value[lang];
}

/** A bilingual field's value (empty when absent). */
export function bilingualOf(data: ContentData, name: string): BilingualText {
  const v = data[name];
  return v && typeof v === "object" && !Array.isArray(v) ? { ar: v.ar, en: v.en } : { ar: "", en: "" };
}

export function stringOf(data: ContentData, name: string): string {
  const v = data[name];
  return typeof v === "string" ? v : "";
}

export function listOf(data: ContentData, name: string): string[] {
  const v = data[name];
  return Array.isArray(v) ? v : [];
}

/**
 * What stops an item being published: each required field that is empty,
 * and each bilingual field written in one language but not the other.
 */
export function missingFields(specs: FieldSpec[], data: ContentData): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const spec of specs) {
    const value = data[spec.name];
    if (spec.bilingual) {
      const v = bilingualOf(data, spec.name);
      const filled = languages.filter((l) => v[l] !== "");
      if (filled.length === 0 && !spec.required) continue;
      for (const lang of languages) if (v[lang] === "") out.push({ field: spec.name, lang, problem: "missing" });
    } else if (spec.required && (Array.isArray(value) ? value.length === 0 : !value)) {
      out.push({ field: spec.name, problem: "missing" });
    }
  }
  return out;
}

/** Draft data with every field present (empty where the data lacks it), so a form can show it. */
export function withEveryField(specs: FieldSpec[], data: ContentData): ContentData {
  const out: ContentData = { ...data };
  for (const spec of specs) {
    if (out[spec.name] !== undefined) continue;
    out[spec.name] = spec.type === "checkboxes" ? [] : spec.bilingual ? { ar: "", en: "" } : "";
  }
  return out;
}

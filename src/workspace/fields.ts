import type { Problem } from "../forms/problems.js";
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

/**
 * A field's problem as the one problem type: its input's id (one language's
 * input when only that one is wrong), and the message naming the field (and
 * the language) in the page's words.
 */
export function fieldProblem(name: string, problem: "missing" | "invalid", lang?: Language): Problem {
  const field = { key: `workspace.fields.${name}` };
  const id = lang ? inputName(name, lang) : name;
  if (problem === "invalid") return { field: id, key: "workspace.errors.invalid", values: { field } };
  if (lang)
    return {
      field: id,
      key: "workspace.errors.missingIn",
      values: { field, language: { key: `workspace.form.language.${lang}` } },
    };
  return { field: id, key: "workspace.errors.missing", values: { field } };
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
): { data: ContentData; problems: Problem[] } {
  const data: ContentData = {};
  const problems: Problem[] = [];
  for (const spec of specs) {
    if (spec.type === "file") continue;
    if (spec.type === "checkboxes") {
      const offered = new Set((choices[spec.name] ?? []).map((c) => c.value));
      const chosen = all(form[inputName(spec.name)]);
      if (chosen.some((c) => !offered.has(c))) problems.push(fieldProblem(spec.name, "invalid"));
      data[spec.name] = chosen.filter((c) => offered.has(c));
      continue;
    }
    const fold = (v: string) => (["date", "datetime", "number"].includes(spec.type) ? foldDigits(v) : v);
    if (spec.bilingual) {
      const value: BilingualText = { ar: "", en: "" };
      for (const lang of languages) {
        value[lang] = fold(clean(form[inputName(spec.name, lang)]));
        if (!validSingle(spec, value[lang], choices[spec.name])) problems.push(fieldProblem(spec.name, "invalid", lang));
      }
      data[spec.name] = value;
    } else {
      const value = fold(clean(form[inputName(spec.name)]));
      if (!validSingle(spec, value, choices[spec.name])) problems.push(fieldProblem(spec.name, "invalid"));
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
export function missingFields(specs: FieldSpec[], data: ContentData): Problem[] {
  const out: Problem[] = [];
  for (const spec of specs) {
    const value = data[spec.name];
    if (spec.bilingual) {
      const v = bilingualOf(data, spec.name);
      const filled = languages.filter((l) => v[l] !== "");
      if (filled.length === 0 && !spec.required) continue;
      for (const lang of languages) if (v[lang] === "") out.push(fieldProblem(spec.name, "missing", lang));
    } else if (spec.required && (Array.isArray(value) ? value.length === 0 : !value)) {
      out.push(fieldProblem(spec.name, "missing"));
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

import { z } from "zod";
import { type Page, questionSchema, type SimpleQuestion } from "../../forms/engine/definition.js";
import type { Problem } from "../../forms/problems.js";
import { foldDigits, stripControlCharacters } from "../../platform/text/clean.js";

/**
 * A survey's questions are e-service questions (SimpleQuestion), asked on
 * one page and read by the e-service engine. Surveys take the types that
 * need no files and no "add another" groups; the staff editor offers the
 * common ones.
 */
export type SurveyQuestion = SimpleQuestion;

/** Types a survey may hold (checked when it is loaded): everything but files and declarations. */
const surveyTypes = new Set<string>([
  "text",
  "number",
  "money",
  "select",
  "radios",
  "checkboxes",
  "yes-no",
  "date",
  "email",
  "phone",
  "name-ar",
  "name-en",
  "qid",
  "address",
]);

/** What the staff editor offers, in order; "long-text" is a text question answered in a box of several lines. */
export const editorTypes = ["text", "long-text", "number", "select", "radios", "checkboxes", "yes-no", "date"] as const;
export type EditorType = (typeof editorTypes)[number];

export const choiceTypes = new Set<string>(["select", "radios", "checkboxes"]);

/** How many question rows the editor shows. */
export const EDITOR_ROWS = 8;

const surveyQuestions = z.array(questionSchema);

/** A survey's stored questions, checked again as e-service questions; those of a type a survey cannot ask are left out. */
export function loadQuestions(stored: unknown): SurveyQuestion[] {
  const parsed = surveyQuestions.safeParse(stored);
  if (!parsed.success) return [];
  return parsed.data.filter((q): q is SurveyQuestion => surveyTypes.has(q.type));
}

/** The survey's questions as one e-service page, for the engine's readPage. */
export function surveyPage(title: { ar: string; en: string }, questions: SurveyQuestion[]): Page {
  return { id: "survey", title, questions };
}

/** One row of the editor, as typed. */
export interface EditorRow {
  type: string;
  labelAr: string;
  labelEn: string;
  required: string;
  options: string;
  min: string;
  max: string;
}

/** The names of a row's inputs (row numbers start at 1). */
export const rowField = (row: number, part: keyof EditorRow | "label-ar" | "label-en") => `q${row}-${part}`;

const str = (v: unknown) => (typeof v === "string" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : "");

/** The editor's rows from a posted form. */
export function rowsFromForm(form: Record<string, unknown>): EditorRow[] {
  return Array.from({ length: EDITOR_ROWS }, (_, i) => {
    const f = (part: string) => str(form[`q${i + 1}-${part}`]);
    return {
      type: f("type"),
      labelAr: f("label-ar"),
      labelEn: f("label-en"),
      required: f("required"),
      options: f("options"),
      min: f("min"),
      max: f("max"),
    };
  });
}

/** The editor's rows showing saved questions (then blank rows up to the editor's number). */
export function rowsFromQuestions(questions: SurveyQuestion[]): EditorRow[] {
  const rows: EditorRow[] = questions.slice(0, EDITOR_ROWS).map((q) => ({
    type: q.type === "text" && q.multiline ? "long-text" : q.type,
    labelAr: q.label.ar,
    labelEn: q.label.en,
    required: q.required ? "yes" : "no",
    options: "options" in q ? q.options.map((o) => `${o.label.ar} | ${o.label.en}`).join("\n") : "",
    min: q.type === "number" && q.min !== undefined ? String(q.min) : "",
    max: q.type === "number" && q.max !== undefined ? String(q.max) : "",
  }));
  while (rows.length < EDITOR_ROWS) rows.push(blankRow());
  return rows;
}

export const blankRow = (): EditorRow => ({
  type: "text",
  labelAr: "",
  labelEn: "",
  required: "yes",
  options: "",
  min: "",
  max: "",
});

const clean = (s: string) => stripControlCharacters(s).replace(/\r\n?/g, "\n").replace(/\t/g, " ").trim();

/** A row is left out when nothing of its own was typed (the type and "required" have defaults). */
const isBlank = (r: EditorRow) => !clean(r.labelAr) && !clean(r.labelEn) && !clean(r.options) && !r.min.trim() && !r.max.trim();

function readNumber(raw: string): number | undefined | "bad" {
  const v = foldDigits(raw.trim()).replace("٫", ".").replace("−", "-");
  if (!v) return undefined;
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(v) ? Number(v) : "bad";
}

/**
 * Builds the survey's questions from the editor's rows: blank rows are
 * left out, the others numbered q1, q2… in order and checked as e-service
 * questions (the definition schema), so a survey question is exactly one.
 */
export function questionsFromRows(rows: EditorRow[]): { questions: SurveyQuestion[]; problems: Problem[] } {
  const questions: SurveyQuestion[] = [];
  const problems: Problem[] = [];
  rows.forEach((r, i) => {
    const row = i + 1;
    if (isBlank(r)) return;
    const rowProblems: Problem[] = [];
    const type = (editorTypes as readonly string[]).includes(r.type) ? (r.type as EditorType) : undefined;
    if (!type)
      rowProblems.push({ field: rowField(row, "type"), key: "participation.surveys.editor.errors.type", values: { row } });
    const labelAr = clean(r.labelAr).replace(/\s+/g, " ");
    const labelEn = clean(r.labelEn).replace(/\s+/g, " ");
    if (!labelAr)
      rowProblems.push({ field: rowField(row, "label-ar"), key: "participation.surveys.editor.errors.labelAr", values: { row } });
    else if (labelAr.length > 300)
      rowProblems.push({
        field: rowField(row, "label-ar"),
        key: "participation.surveys.editor.errors.labelLong",
        values: { row },
      });
    if (!labelEn)
      rowProblems.push({ field: rowField(row, "label-en"), key: "participation.surveys.editor.errors.labelEn", values: { row } });
    else if (labelEn.length > 300)
      rowProblems.push({
        field: rowField(row, "label-en"),
        key: "participation.surveys.editor.errors.labelLong",
        values: { row },
      });
    const base = { id: `q${questions.length + 1}`, label: { ar: labelAr, en: labelEn }, required: r.required !== "no" };
    let candidate: unknown;
    if (type && choiceTypes.has(type)) {
      const lines = clean(r.options)
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      const options = lines.map((line, n) => {
        const [ar = "", en = "", ...rest] = line.split("|").map((s) => s.trim());
        return { ok: Boolean(ar && en && rest.length === 0 && ar.length <= 200 && en.length <= 200), ar, en, n };
      });
      const least = type === "checkboxes" ? 1 : 2;
      if (options.some((o) => !o.ok))
        rowProblems.push({
          field: rowField(row, "options"),
          key: "participation.surveys.editor.errors.optionLine",
          values: { row },
        });
      else if (options.length < least || options.length > 30)
        rowProblems.push({
          field: rowField(row, "options"),
          key: "participation.surveys.editor.errors.optionCount",
          values: { row, min: least },
        });
      candidate = { ...base, type, options: options.map((o) => ({ value: `o${o.n + 1}`, label: { ar: o.ar, en: o.en } })) };
    } else if (type === "number") {
      const min = readNumber(r.min);
      const max = readNumber(r.max);
      if (min === "bad")
        rowProblems.push({ field: rowField(row, "min"), key: "participation.surveys.editor.errors.number", values: { row } });
      if (max === "bad")
        rowProblems.push({ field: rowField(row, "max"), key: "participation.surveys.editor.errors.number", values: { row } });
      if (typeof min === "number" && typeof max === "number" && min > max)
        rowProblems.push({ field: rowField(row, "max"), key: "participation.surveys.editor.errors.range", values: { row } });
      const bounds = {
        ...(typeof min === "number" ? { min } : {}),
        ...(typeof max === "number" ? { max } : {}),
      };
      const whole = [min, max].every((n) => typeof n !== "number" || Number.isInteger(n));
      candidate = { ...base, type, ...bounds, integer: whole };
    } else if (type === "long-text") {
      candidate = { ...base, type: "text", multiline: true, maxLength: 2000 };
    } else if (type === "text") {
      candidate = { ...base, type: "text", maxLength: 300 };
    } else if (type === "date") {
      candidate = { ...base, type: "date", hijri: true };
    } else if (type) {
      candidate = { ...base, type };
    }
    if (type && !choiceTypes.has(type) && clean(r.options))
      rowProblems.push({
        field: rowField(row, "options"),
        key: "participation.surveys.editor.errors.noOptions",
        values: { row },
      });
    if (type !== "number" && (r.min.trim() || r.max.trim()))
      rowProblems.push({ field: rowField(row, "min"), key: "participation.surveys.editor.errors.noRange", values: { row } });
    if (rowProblems.length === 0) {
      // The last word is the e-service definition schema's.
      const checked = questionSchema.safeParse(candidate);
      if (checked.success && checked.data.type !== "group") questions.push(checked.data);
      else
        rowProblems.push({ field: rowField(row, "label-en"), key: "participation.surveys.editor.errors.row", values: { row } });
    }
    problems.push(...rowProblems);
  });
  if (questions.length === 0 && problems.length === 0)
    problems.push({ field: rowField(1, "label-ar"), key: "participation.surveys.editor.errors.none" });
  return { questions, problems };
}

import { foldDigits, stripControlCharacters } from "../../platform/text/clean.js";
import { checkQid, normalisePhone } from "../../platform/text/identifiers.js";
import { dohaToday } from "../../platform/time/doha.js";
import type { Problem, Refusal } from "../problems.js";
import type { Question, SimpleQuestion } from "./definition.js";
import type { RegistryFailure, RegistryName } from "./registries.js";
import { checkAge, checkWindow } from "./rules.js";

export interface FileRef {
  id: string;
  name: string;
  size: number;
  type: string;
}

export interface Address {
  zone: string;
  street: string;
  building: string;
}

/**
 * Where an answer came from, when not typed by the person: their profile, or
 * another agency's registry (once-only), read at `at`; "edited" when the
 * person then changed the registry's value (`original`), and "unverified"
 * when the registry gave nothing (`reason`) so the person typed it: the
 * officer verifies both.
 */
export type AnswerSource =
  | { kind: "profile" }
  | { kind: "registry"; registry: RegistryName; agency: string; at: string }
  | { kind: "edited"; registry: RegistryName; agency: string; at: string; original: AnswerValue }
  | { kind: "unverified"; registry: RegistryName; agency: string; reason: RegistryFailure };
export type AnswerSources = Record<string, AnswerSource>;

export type AnswerValue = string | number | boolean | string[] | Address | FileRef[] | Record<string, AnswerValue>[];
export type Answers = Record<string, AnswerValue>;

/** The rule a date answer breaks today (its window, or the age of the person born on it), if any. */
export function dateRuleBroken(q: SimpleQuestion, day: string, today = dohaToday()): Refusal | undefined {
  if (q.type !== "date") return undefined;
  return (q.window && checkWindow(day, q.window, today)) || (q.age && checkAge(day, q.age, today)) || undefined;
}

export type Parsed = { value: AnswerValue | undefined } | { error: Refusal };

type Form = Record<string, unknown>;

function text(form: Form, name: string): string {
  const v = form[name];
  const s = Array.isArray(v) ? v[0] : v;
  return typeof s === "string"
    ? stripControlCharacters(s)
        .replace(/[ \t]+/g, " ")
        .trim()
    : "";
}

function list(form: Form, name: string): string[] {
  const v = form[name];
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
}

const ARABIC_NAME = /^[\p{Script=Arabic}\s'-]+$/u;
const ENGLISH_NAME = /^[A-Za-z\s'.-]+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The date typed in three boxes as YYYY-MM-DD, or a problem. */
function parseDate(form: Form, id: string): { iso: string } | { problem: "missing" | "invalid" } | undefined {
  const [d, m, y] = ["day", "month", "year"].map((p) => foldDigits(text(form, `${id}-${p}`)));
  if (!d && !m && !y) return undefined;
  if (!d || !m || !y) return { problem: "missing" };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { problem: "invalid" };
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return { problem: "invalid" };
  return { iso: date.toISOString().slice(0, 10) };
}

/**
 * Reads and checks one question's answer from a submitted page. Files are
 * not read here: uploads are stored first and passed in as `files`.
 */
export function parseAnswer(q: SimpleQuestion, form: Form, label: string, files: FileRef[] = []): Parsed {
  const required = (key = "forms.errors.required"): Parsed =>
    q.required ? { error: { key, values: { label } } } : { value: undefined };
  switch (q.type) {
    case "text": {
      const v = text(form, q.id);
      const raw = typeof form[q.id] === "string" ? stripControlCharacters(form[q.id] as string).trim() : v;
      const value = q.multiline ? raw : v;
      if (!value) return required();
      if (value.length > q.maxLength) return { error: { key: "forms.errors.tooLong", values: { label, max: q.maxLength } } };
      return { value };
    }
    case "name-ar": {
      const v = text(form, q.id);
      if (!v) return required();
      if (v.length > 100) return { error: { key: "forms.errors.tooLong", values: { label, max: 100 } } };
      return ARABIC_NAME.test(v) ? { value: v } : { error: { key: "forms.errors.arabicScript", values: { label } } };
    }
    case "name-en": {
      const v = text(form, q.id);
      if (!v) return required();
      if (v.length > 100) return { error: { key: "forms.errors.tooLong", values: { label, max: 100 } } };
      return ENGLISH_NAME.test(v) ? { value: v } : { error: { key: "forms.errors.englishScript", values: { label } } };
    }
    case "qid": {
      const v = text(form, q.id);
      if (!v) return required();
      const checked = checkQid(v);
      if ("qid" in checked) return { value: checked.qid };
      return {
        error: {
          key:
            checked.problem === "length"
              ? "forms.errors.qidLength"
              : checked.problem === "digits"
                ? "forms.errors.qidDigits"
                : "forms.errors.qidCentury",
          values: { label },
        },
      };
    }
    case "phone": {
      const v = text(form, q.id);
      if (!v) return required();
      const e164 = normalisePhone(v);
      if (!e164 || (!q.international && !e164.startsWith("+974")))
        return { error: { key: "forms.errors.phone", values: { label } } };
      return { value: e164 };
    }
    case "email": {
      const v = text(form, q.id).toLowerCase();
      if (!v) return required();
      return EMAIL.test(v) && v.length <= 254 ? { value: v } : { error: { key: "forms.errors.email", values: { label } } };
    }
    case "number":
    case "money": {
      const v = foldDigits(text(form, q.id))
        .replace(/[,\s٬]/g, "")
        .replace("٫", ".");
      if (!v) return required();
      if (!/^-?\d+(\.\d+)?$/.test(v))
        return { error: { key: q.type === "money" ? "forms.errors.money" : "forms.errors.number", values: { label } } };
      const n = Number(v);
      const integer = q.type === "number" ? q.integer : false;
      if (integer && !Number.isInteger(n)) return { error: { key: "forms.errors.wholeNumber", values: { label } } };
      if (q.type === "money" && !/^\d+(\.\d{1,2})?$/.test(v)) return { error: { key: "forms.errors.money", values: { label } } };
      if (q.min !== undefined && n < q.min) return { error: { key: "forms.errors.min", values: { label, min: q.min } } };
      if (q.max !== undefined && n > q.max) return { error: { key: "forms.errors.max", values: { label, max: q.max } } };
      return { value: n };
    }
    case "date": {
      const parsed = parseDate(form, q.id);
      if (!parsed) return required("forms.errors.dateRequired");
      if ("problem" in parsed)
        return {
          error: {
            key: parsed.problem === "missing" ? "forms.errors.dateMissing" : "forms.errors.dateInvalid",
            values: { label },
          },
        };
      const today = new Date().toISOString().slice(0, 10);
      if (q.past && parsed.iso > today) return { error: { key: "forms.errors.datePast", values: { label } } };
      if (q.future && parsed.iso < today) return { error: { key: "forms.errors.dateFuture", values: { label } } };
      const broken = dateRuleBroken(q, parsed.iso);
      return broken ? { error: broken } : { value: parsed.iso };
    }
    case "select":
    case "radios": {
      const v = text(form, q.id);
      if (!v) return required("forms.errors.choose");
      return q.options.some((o) => o.value === v) ? { value: v } : { error: { key: "forms.errors.choose", values: { label } } };
    }
    case "checkboxes": {
      const values = list(form, q.id);
      if (values.length === 0) return required("forms.errors.chooseSome");
      return values.every((v) => q.options.some((o) => o.value === v))
        ? { value: [...new Set(values)] }
        : { error: { key: "forms.errors.chooseSome", values: { label } } };
    }
    case "yes-no": {
      const v = text(form, q.id);
      if (!v) return required("forms.errors.yesNo");
      return v === "yes" || v === "no" ? { value: v } : { error: { key: "forms.errors.yesNo", values: { label } } };
    }
    case "address": {
      const parts = ["zone", "street", "building"].map((p) => foldDigits(text(form, `${q.id}-${p}`)));
      if (parts.every((p) => !p)) return required("forms.errors.address");
      if (!parts.every((p) => /^\d{1,4}$/.test(p))) return { error: { key: "forms.errors.addressNumbers", values: { label } } };
      const [zone = "", street = "", building = ""] = parts;
      return { value: { zone, street, building } };
    }
    case "file": {
      if (files.length === 0) return required("forms.errors.file");
      if (files.length > q.maxFiles) return { error: { key: "forms.errors.tooManyFiles", values: { label, max: q.maxFiles } } };
      return { value: files };
    }
    case "declaration": {
      return text(form, q.id) === "yes" ? { value: true } : { error: { key: "forms.errors.declaration" } };
    }
  }
}

/** True when the question has an answer worth showing. */
export function hasAnswer(value: AnswerValue | undefined): boolean {
  if (value === undefined || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/** The id of the input the error summary links to for a question. */
export function anchorOf(q: Pick<Question, "type">, id: string): string {
  if (q.type === "date") return `${id}-day`;
  if (q.type === "address") return `${id}-zone`;
  return id;
}

/** The name of a group item's field: <group>-<item number from 0>-<question>. */
export function groupField(groupId: string, index: number, questionId: string): string {
  return `${groupId}-${index}-${questionId}`;
}

/** True when nothing was typed or chosen for any question of the item. */
function blankItem(group: Extract<Question, { type: "group" }>, form: Form, index: number): boolean {
  return Object.keys(form).every(
    (name) => !name.startsWith(`${group.id}-${index}-`) || name.endsWith("-remove") || text(form, name) === "",
  );
}

/**
 * Reads the items of an "add another" group: items left blank are dropped,
 * as are those ticked for removal; each kept item is checked.
 */
export function parseGroup(group: Extract<Question, { type: "group" }>, form: Form, labelOf: (q: SimpleQuestion) => string) {
  const items: Record<string, AnswerValue>[] = [];
  const errors: Problem[] = [];
  for (let index = 0; index < group.max; index++) {
    if (blankItem(group, form, index) || text(form, `${group.id}-${index}-remove`) === "yes") continue;
    const item: Record<string, AnswerValue> = {};
    for (const q of group.questions) {
      const field = groupField(group.id, index, q.id);
      const parsed = parseAnswer({ ...q, id: field } as SimpleQuestion, form, labelOf(q));
      if ("error" in parsed) errors.push({ field: anchorOf(q, field), ...parsed.error });
      else if (parsed.value !== undefined) item[q.id] = parsed.value;
    }
    items.push(item);
  }
  return { items, errors };
}

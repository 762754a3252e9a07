import { dohaToday } from "../../platform/time/doha.js";
import { type Answers, dateRuleBroken } from "./answers.js";
import type { Condition, Definition, Page, Question } from "./definition.js";

/** True when the condition holds for the answers given so far. */
export function holds(condition: Condition | undefined, answers: Answers): boolean {
  if (!condition) return true;
  if ("all" in condition) return condition.all.every((c) => holds(c, answers));
  if ("any" in condition) return condition.any.some((c) => holds(c, answers));
  if ("not" in condition) return !holds(condition.not, answers);
  const value = answers[condition.question];
  if (condition.answered !== undefined) return (value !== undefined && value !== "") === condition.answered;
  const scalar =
    typeof value === "boolean"
      ? value
      : Array.isArray(value)
        ? undefined
        : typeof value === "object"
          ? undefined
          : String(value ?? "");
  if (condition.equals !== undefined) {
    if (Array.isArray(value)) return value.includes(String(condition.equals) as never);
    return scalar === condition.equals || (typeof condition.equals === "boolean" && scalar === (condition.equals ? "yes" : "no"));
  }
  if (condition.in)
    return Array.isArray(value) ? value.some((v) => condition.in?.includes(String(v))) : condition.in.includes(String(scalar));
  return true;
}

/** The pages that apply given the answers, in order (stop pages included). */
export function visiblePages(def: Definition, answers: Answers): Page[] {
  return def.pages.filter((p) => holds(p.condition, answers));
}

/** The questions of a page that apply given the answers. */
export function visibleQuestions(page: Page, answers: Answers): Question[] {
  return "questions" in page ? page.questions.filter((q) => holds(q.condition, answers)) : [];
}

/** The question pages that apply (stop pages aside), for "Step 2 of 5". */
export function questionPages(def: Definition, answers: Answers): Page[] {
  const pages: Page[] = [];
  for (const p of visiblePages(def, answers)) {
    if ("stop" in p) break;
    pages.push(p);
  }
  return pages;
}

/** The page after this one that applies: a question page, a stop page, or undefined for "check your answers". */
export function nextPage(def: Definition, answers: Answers, currentId: string): Page | undefined {
  const pages = visiblePages(def, answers);
  const i = pages.findIndex((p) => p.id === currentId);
  return pages[i + 1];
}

export function previousPage(def: Definition, answers: Answers, currentId: string): Page | undefined {
  const pages = visiblePages(def, answers);
  const i = pages.findIndex((p) => p.id === currentId);
  return i > 0 ? pages[i - 1] : undefined;
}

/**
 * The first page still missing a required answer, holding a date answer that
 * breaks its rule today (a registry's date is checked here too, as is an
 * answer given before the window moved), or a stop page that applies;
 * undefined when the form is complete.
 */
export function firstIncomplete(def: Definition, answers: Answers, today = dohaToday()): Page | undefined {
  for (const page of visiblePages(def, answers)) {
    if ("stop" in page) return page;
    for (const q of visibleQuestions(page, answers)) {
      const v = answers[q.id];
      if (q.type === "date" && typeof v === "string" && v && dateRuleBroken(q, v, today)) return page;
      const missing = v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
      if (q.required && missing && !(q.type === "group" && q.min === 0)) return page;
      if (q.type === "group" && Array.isArray(v) && v.length < q.min) return page;
    }
  }
  return undefined;
}

/** Answers to questions that no longer apply are dropped before submitting. */
export function applicableAnswers(def: Definition, answers: Answers): Answers {
  const out: Answers = {};
  for (const page of visiblePages(def, answers)) {
    for (const q of visibleQuestions(page, answers)) {
      const v = answers[q.id];
      if (v !== undefined) out[q.id] = v;
    }
  }
  return out;
}

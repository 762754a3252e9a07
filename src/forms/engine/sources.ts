import { type AnswerSources, type Answers, type AnswerValue, parseAnswer } from "./answers.js";
import type { Question, SimpleQuestion } from "./definition.js";

/** The form a person would have sent to give this value, so a registry's value passes the question's own checks. */
function formFor(q: SimpleQuestion, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  switch (q.type) {
    case "date": {
      const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
      return m ? { [`${q.id}-day`]: m[3], [`${q.id}-month`]: m[2], [`${q.id}-year`]: m[1] } : undefined;
    }
    case "address": {
      if (typeof value !== "object" || Array.isArray(value)) return undefined;
      const a = value as Record<string, unknown>;
      return {
        [`${q.id}-zone`]: String(a.zone ?? ""),
        [`${q.id}-street`]: String(a.street ?? ""),
        [`${q.id}-building`]: String(a.building ?? ""),
      };
    }
    case "checkboxes":
      return Array.isArray(value) ? { [q.id]: value.map(String) } : { [q.id]: String(value) };
    case "yes-no":
      return typeof value === "boolean" ? { [q.id]: value ? "yes" : "no" } : { [q.id]: String(value) };
    case "file":
    case "declaration":
      return undefined;
    default:
      return typeof value === "object" ? undefined : { [q.id]: String(value) };
  }
}

/**
 * A registry's value as the question's answer, checked as if typed; undefined
 * when it does not fit (the person then answers it themselves).
 */
export function registryAnswer(q: SimpleQuestion, value: unknown): AnswerValue | undefined {
  const form = formFor(q, value);
  if (!form) return undefined;
  const parsed = parseAnswer(q, form, q.label.en);
  return "value" in parsed ? parsed.value : undefined;
}

function same(a: AnswerValue | undefined, b: AnswerValue | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The sources once a page is saved: a registry's answer the person changed
 * becomes "edited" (keeping what the registry said), and one changed back
 * to the registry's value is the registry's again.
 */
export function sourcesAfterPage(questions: Question[], before: Answers, after: Answers, sources: AnswerSources): AnswerSources {
  const next: AnswerSources = { ...sources };
  for (const q of questions) {
    const source = sources[q.id];
    if (source?.kind === "registry" && !same(before[q.id], after[q.id])) {
      const original = before[q.id];
      if (original !== undefined) next[q.id] = { ...source, kind: "edited", original };
    } else if (source?.kind === "edited" && same(source.original, after[q.id])) {
      const { original: _, ...rest } = source;
      next[q.id] = { ...rest, kind: "registry" };
    }
  }
  return next;
}

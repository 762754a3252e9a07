import type { Problem } from "../problems.js";
import {
  type Answers,
  type AnswerValue,
  anchorOf,
  dateRuleBroken,
  type FileRef,
  groupField,
  parseAnswer,
  parseGroup,
} from "./answers.js";
import { visibleQuestions } from "./conditions.js";
import type { Page, Question, SimpleQuestion } from "./definition.js";

export interface PageOutcome {
  /** The answers with this page's questions replaced by what was sent. */
  answers: Answers;
  /** Each refused question's problem, its field the first input of the question. */
  errors: Problem[];
}

/**
 * Reads one page of answers. Files have been stored already: `files` holds,
 * for each file question, the files it now has (kept and new), and
 * `fileErrors` what was refused while storing them.
 */
export function readPage(
  page: Page,
  previous: Answers,
  form: Record<string, unknown>,
  labelOf: (q: Question | SimpleQuestion) => string,
  files: Record<string, FileRef[]> = {},
  fileErrors: Problem[] = [],
): PageOutcome {
  const answers: Answers = { ...previous };
  const errors: Problem[] = [];
  for (const q of visibleQuestions(page, previous)) {
    if (q.type === "group") {
      const { items, errors: itemErrors } = parseGroup(q, form, labelOf);
      errors.push(...itemErrors);
      answers[q.id] = items as AnswerValue;
      const first = q.questions[0] as SimpleQuestion;
      if (itemErrors.length === 0 && items.length < q.min) {
        const field = anchorOf(first, groupField(q.id, items.length, first.id));
        errors.push({ field, key: "forms.errors.groupMin", values: { label: labelOf(q), min: q.min } });
      }
      continue;
    }
    const refused = fileErrors.filter((e) => e.field === q.id);
    if (refused.length) {
      errors.push(...refused);
      answers[q.id] = files[q.id] ?? [];
      continue;
    }
    const parsed = parseAnswer(q, form, labelOf(q), files[q.id] ?? []);
    if ("error" in parsed) {
      errors.push({ field: anchorOf(q, q.id), ...parsed.error });
      delete answers[q.id];
      if (q.type === "file") answers[q.id] = files[q.id] ?? [];
    } else if (parsed.value === undefined) delete answers[q.id];
    else answers[q.id] = parsed.value;
  }
  return { answers, errors };
}

/** The date answers already held on a page that break their rule today (a registry's date, or one given before the window moved). */
export function brokenRules(page: Page, answers: Answers): Problem[] {
  const out: Problem[] = [];
  for (const q of visibleQuestions(page, answers)) {
    const v = answers[q.id];
    if (q.type !== "date" || typeof v !== "string" || !v) continue;
    const error = dateRuleBroken(q, v);
    if (error) out.push({ field: anchorOf(q, q.id), ...error });
  }
  return out;
}

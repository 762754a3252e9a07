import { type AnswerValue, hasAnswer } from "../../forms/engine/answers.js";
import type { SurveyQuestion } from "./questions.js";
import type { SurveyResponse } from "./repository.js";

/** How many text answers the summary shows (the rest are in the CSV export). */
export const TEXT_SHOWN = 20;

/** One question's results: option counts, number figures, or the first written answers. */
export type QuestionSummary =
  | {
      kind: "choice";
      question: SurveyQuestion;
      answered: number;
      /** Per option: its value (yes/no for yes-no questions), its count, and its share of those who answered. */
      options: { value: string; count: number; share: number }[];
    }
  | { kind: "number"; question: SurveyQuestion; answered: number; average?: number; min?: number; max?: number }
  | { kind: "text"; question: SurveyQuestion; answered: number; shown: AnswerValue[] };

/** The survey's results, question by question. */
export function summarise(questions: SurveyQuestion[], responses: SurveyResponse[]): QuestionSummary[] {
  return questions.map((q) => {
    const values = responses.map((r) => r.answers[q.id]).filter((v): v is AnswerValue => hasAnswer(v));
    const answered = values.length;
    const share = (n: number) => (answered ? n / answered : 0);
    if (q.type === "select" || q.type === "radios" || q.type === "checkboxes" || q.type === "yes-no") {
      const choices = q.type === "yes-no" ? ["yes", "no"] : q.options.map((o) => o.value);
      const picked = (v: AnswerValue) => (Array.isArray(v) ? v.map(String) : [String(v)]);
      return {
        kind: "choice",
        question: q,
        answered,
        options: choices.map((value) => {
          const n = values.filter((v) => picked(v).includes(value)).length;
          return { value, count: n, share: share(n) };
        }),
      };
    }
    if (q.type === "number" || q.type === "money") {
      const numbers = values.map(Number).filter((n) => Number.isFinite(n));
      if (numbers.length === 0) return { kind: "number", question: q, answered };
      return {
        kind: "number",
        question: q,
        answered,
        average: numbers.reduce((a, b) => a + b, 0) / numbers.length,
        min: numbers.reduce((a, b) => Math.min(a, b)),
        max: numbers.reduce((a, b) => Math.max(a, b)),
      };
    }
    return { kind: "text", question: q, answered, shown: values.slice(0, TEXT_SHOWN) };
  });
}

import type { Address, AnswerValue } from "../../forms/engine/answers.js";
import type { Locale } from "../../platform/i18n/locales.js";
import type { Translator } from "../../platform/i18n/messages.js";
import { csvDocument } from "../../platform/text/csv.js";
import { formatDohaMinute } from "../../platform/time/doha.js";
import type { SurveyQuestion } from "./questions.js";
import type { SurveyResponse } from "./repository.js";

export { csvDocument, csvField } from "../../platform/text/csv.js";

/** An answer as a spreadsheet cell, in the reader's language; numbers stay numbers, dates stay YYYY-MM-DD. */
export function answerCell(q: SurveyQuestion, value: AnswerValue | undefined, locale: Locale, tr: Translator): string | number {
  if (value === undefined || value === "") return "";
  const option = (v: string) => ("options" in q ? (q.options.find((o) => o.value === v)?.label[locale] ?? v) : v);
  switch (q.type) {
    case "number":
    case "money":
      return typeof value === "number" ? value : String(value);
    case "select":
    case "radios":
      return option(String(value));
    case "checkboxes":
      return (Array.isArray(value) ? value.map(String) : [String(value)]).map(option).join("; ");
    case "yes-no":
      return tr.t(value === "yes" ? "forms.apply.yes" : "forms.apply.no");
    case "address": {
      const a = value as Address;
      return tr.t("forms.answers.address", { zone: a.zone, street: a.street, building: a.building });
    }
    default:
      return String(value);
  }
}

/**
 * The responses as a CSV export: a header row (response number, when, the
 * respondent's name for an identified survey, then each question's label in
 * the reader's language), then one row per response. An anonymous survey's
 * responses carry their month only.
 */
export function responsesCsv(
  survey: { anonymous: boolean; questions: SurveyQuestion[] },
  responses: SurveyResponse[],
  names: Map<string, string>,
  locale: Locale,
  tr: Translator,
): string {
  const header = [
    tr.t("participation.surveys.csv.response"),
    tr.t("participation.surveys.csv.submitted"),
    ...(survey.anonymous ? [] : [tr.t("participation.surveys.csv.respondent")]),
    ...survey.questions.map((q) => q.label[locale]),
  ];
  const rows = responses.map((r, i) => [
    i + 1,
    survey.anonymous ? r.month : formatDohaMinute(r.createdAt),
    ...(survey.anonymous ? [] : [r.userId ? (names.get(r.userId) ?? "") : ""]),
    ...survey.questions.map((q) => answerCell(q, r.answers[q.id], locale, tr)),
  ]);
  return csvDocument([header, ...rows]);
}

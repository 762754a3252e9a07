import { formatDate, formatHijri, formatNumber } from "../platform/i18n/format.js";
import type { Locale } from "../platform/i18n/locales.js";
import type { Translator } from "../platform/i18n/messages.js";
import { dohaNoon } from "../platform/time/doha.js";
import type { Address, AnswerValue, FileRef } from "./engine/answers.js";
import type { Question, SimpleQuestion } from "./engine/definition.js";
import { money } from "./money.js";

/** Answers in words, as plain text: for lists, emails, receipts, documents and results (views/answer-text renders them on pages). */

/** A YYYY-MM-DD answer as a moment inside that day in Qatar (noon), for formatting. */
export function dayOf(iso: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const d = dohaNoon(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

function optionLabel(q: SimpleQuestion, value: string, locale: Locale): string {
  return "options" in q ? (q.options.find((o) => o.value === value)?.label[locale] ?? value) : value;
}

export const isEmptyAnswer = (value: AnswerValue | undefined) =>
  value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** An answer as plain text (for summaries inside lists, emails and receipts). */
export function answerPlain(q: Question, value: AnswerValue | undefined, locale: Locale, tr: Translator): string {
  if (isEmptyAnswer(value)) return tr.t("forms.answers.none");
  const sep = locale === "ar" ? "، " : ", ";
  switch (q.type) {
    case "group":
      return (value as Record<string, AnswerValue>[])
        .map((item, i) => `${i + 1}. ${groupItemText(q, item, locale, tr)}`)
        .join(locale === "ar" ? "؛ " : "; ");
    case "date": {
      const d = dayOf(String(value));
      if (!d) return String(value);
      return q.hijri ? `${formatDate(d, locale)} (${formatHijri(d, locale)})` : formatDate(d, locale);
    }
    case "money":
      return money(Number(value), locale, tr);
    case "number":
      return formatNumber(Number(value), locale);
    case "radios":
    case "select":
      return optionLabel(q, String(value), locale);
    case "checkboxes":
      return (value as string[]).map((v) => optionLabel(q, v, locale)).join(sep);
    case "yes-no":
      return tr.t(value === "yes" ? "forms.apply.yes" : "forms.apply.no");
    case "address": {
      const a = value as Address;
      return tr.t("forms.answers.address", { zone: a.zone, street: a.street, building: a.building });
    }
    case "declaration":
      return tr.t("forms.answers.declared");
    case "file":
      return (value as FileRef[]).map((f) => f.name).join(sep);
    default:
      return String(value);
  }
}

export function groupItemText(
  q: Extract<Question, { type: "group" }>,
  item: Record<string, AnswerValue>,
  locale: Locale,
  tr: Translator,
): string {
  return q.questions
    .filter((g) => item[g.id] !== undefined)
    .map((g) => `${g.label[locale]} ${answerPlain(g, item[g.id], locale, tr)}`)
    .join(locale === "ar" ? "، " : ", ");
}

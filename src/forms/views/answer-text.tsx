import type { ComponentChildren } from "preact";
import type { Locale } from "../../platform/i18n/locales.js";
import type { Translator } from "../../platform/i18n/messages.js";
import { answerPlain, groupItemText, isEmptyAnswer } from "../answer-plain.js";
import type { AnswerValue, FileRef } from "../engine/answers.js";
import type { Question } from "../engine/definition.js";

/** An answer as the applicant and the officer read it on a page. Files become links when `fileHref` is given. */
export function answerText(
  q: Question,
  value: AnswerValue | undefined,
  locale: Locale,
  tr: Translator,
  fileHref?: (id: string) => string,
): ComponentChildren {
  if (isEmptyAnswer(value)) return tr.t("forms.answers.none");
  switch (q.type) {
    case "group":
      return (
        <ol class="list list--number">
          {(value as Record<string, AnswerValue>[]).map((item, i) => (
            <li key={i}>{groupItemText(q, item, locale, tr)}</li>
          ))}
        </ol>
      );
    case "file":
      return (
        <ul class="list">
          {(value as FileRef[]).map((f) => (
            <li key={f.id}>{fileHref ? <a href={fileHref(f.id)}>{f.name}</a> : f.name}</li>
          ))}
        </ul>
      );
    case "qid":
    case "phone":
    case "email":
      return <span dir="ltr">{String(value)}</span>;
    default:
      return answerPlain(q, value, locale, tr);
  }
}

import type { AnswerSources, Answers, FileRef } from "../../forms/engine/answers.js";
import { questionPages, visibleQuestions } from "../../forms/engine/conditions.js";
import type { Definition } from "../../forms/engine/definition.js";
import { OfficerSource } from "../../forms/views/AnswerSource.js";
import { answerText } from "../../forms/views/answer-text.js";
import { SummaryList } from "../../platform/design/SummaryList.js";
import { Tag, type TagColour } from "../../platform/design/Tag.js";
import { formatDateTime } from "../../platform/i18n/format.js";
import { usePage } from "../../platform/layout/page-context.js";
import type { HistoryStep } from "../repository/cases.js";

const statusColour: Record<string, TagColour> = {
  submitted: "blue",
  "in-review": "yellow",
  "info-requested": "maroon",
  approved: "green",
  rejected: "red",
};

/** A request's status as a tag; its words carry the meaning, the colour only helps. */
export function StatusTag({ status }: { status: string }) {
  const { t } = usePage();
  return <Tag colour={statusColour[status] ?? "grey"}>{t(`eservices.status.${status}`)}</Tag>;
}

/** The files a request was sent with (its file questions), for the officer to read first; nothing when there are none. */
export function CaseDocuments({
  def,
  answers,
  fileHref,
}: {
  def: Definition;
  answers: Answers;
  fileHref: (id: string) => string;
}) {
  const { locale, tr } = usePage();
  const rows = questionPages(def, answers).flatMap((page) =>
    visibleQuestions(page, answers)
      .filter((q) => q.type === "file" && answers[q.id] !== undefined)
      .map((q) => ({ key: q.label[locale], value: answerText(q, answers[q.id], locale, tr, fileHref) })),
  );
  return rows.length ? <SummaryList rows={rows} /> : <p class="empty-state">{tr.t("eservices.workspace.noDocuments")}</p>;
}

/** The answers of a request, page by page, as submitted. */
export function AnswersSummary({
  def,
  answers,
  fileHref,
  sources,
  withoutFiles = false,
}: {
  def: Definition;
  answers: Answers;
  fileHref?: (id: string) => string;
  /** For the officer: where each prefilled answer came from, flagging what to verify. */
  sources?: AnswerSources | undefined;
  /** Leave out the file questions (the officer's page lists the documents on their own, first). */
  withoutFiles?: boolean;
}) {
  const { locale, tr } = usePage();
  return (
    <>
      {questionPages(def, answers).map((page) => {
        const questions = visibleQuestions(page, answers).filter((q) => !(withoutFiles && q.type === "file"));
        return questions.length ? (
          <section key={page.id} aria-label={page.title[locale]}>
            <h3 class="heading-s">{page.title[locale]}</h3>
            <SummaryList
              rows={questions.map((q) => ({
                key: q.label[locale],
                value: sources?.[q.id] ? (
                  <>
                    {answerText(q, answers[q.id], locale, tr, fileHref)}
                    <OfficerSource q={q} source={sources[q.id]} />
                  </>
                ) : (
                  answerText(q, answers[q.id], locale, tr, fileHref)
                ),
              }))}
            />
          </section>
        ) : null;
      })}
    </>
  );
}

/**
 * The history of a request in plain words. The applicant sees "an officer"
 * where staff see names; staff-only steps are left out for the applicant.
 */
export function History({
  steps,
  forApplicant,
  fileHref,
}: {
  steps: HistoryStep[];
  forApplicant: boolean;
  fileHref: (id: string) => string;
}) {
  const { t, locale } = usePage();
  return (
    <ol class="timeline">
      {steps.map((s) => (
        <li class="timeline__step" key={s.id}>
          <p class="timeline__when">{formatDateTime(s.at, locale)}</p>
          <p class="timeline__what">
            {t(`eservices.history.${forApplicant ? "applicant" : "staff"}.${s.kind}`, {
              who: (locale === "en" ? s.actorNameEn : s.actorNameAr) ?? "",
            })}
          </p>
          {s.message ? <blockquote class="timeline__message">{s.message}</blockquote> : null}
          {s.files?.length ? (
            <ul class="list">
              {s.files.map((f: FileRef) => (
                <li key={f.id}>
                  <a href={fileHref(f.id)}>{f.name}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

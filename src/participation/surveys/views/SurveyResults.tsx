import { answerPlain } from "../../../forms/answer-plain.js";
import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { SummaryList } from "../../../platform/design/SummaryList.js";
import { Table } from "../../../platform/design/Table.js";
import { Tag } from "../../../platform/design/Tag.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { participatePath } from "../../listing.js";
import type { Phase } from "../../period.js";
import type { Survey } from "../repository.js";
import type { QuestionSummary } from "../summary.js";
import { SurveyFacts } from "./SurveyPage.js";

export interface SurveyResultsProps {
  survey: Survey;
  agencyName: string;
  phase: Phase;
  responses: number;
  summaries: QuestionSummary[];
  csvHref: string;
  closeAction: string;
  /** Just published or closed: the banner that says so. */
  done?: "published" | "closed" | undefined;
}

/** One question's results: a table of options, number figures, or the first written answers. */
function QuestionResult({ s, n }: { s: QuestionSummary; n: number }) {
  const { t, locale, tr, number } = usePage();
  const k = "participation.surveys.results";
  const percent = (share: number) => number(share, { style: "percent", maximumFractionDigits: 1 });
  const label = s.question.label[locale];
  return (
    <section class="survey-result" aria-labelledby={`result-${s.question.id}`}>
      <h3 class="heading-m" id={`result-${s.question.id}`}>
        {t(`${k}.question`, { n, label })}
      </h3>
      <p class="hint">{t(`${k}.answered`, { count: s.answered, n: number(s.answered) })}</p>
      {s.kind === "choice" ? (
        <Table
          caption={t(`${k}.caption`, { label })}
          firstCellIsHeader
          columns={[
            { label: t(`${k}.option`) },
            { label: t(`${k}.count`), numeric: true },
            { label: t(`${k}.share`), numeric: true },
          ]}
          rows={s.options.map((o) => [
            s.question.type === "yes-no"
              ? t(o.value === "yes" ? "forms.apply.yes" : "forms.apply.no")
              : (("options" in s.question ? s.question.options.find((x) => x.value === o.value)?.label[locale] : o.value) ??
                o.value),
            number(o.count),
            percent(o.share),
          ])}
        />
      ) : s.kind === "number" ? (
        s.average === undefined ? null : (
          <SummaryList
            rows={[
              { key: t(`${k}.average`), value: number(s.average, { maximumFractionDigits: 2 }) },
              { key: t(`${k}.min`), value: number(s.min ?? 0) },
              { key: t(`${k}.max`), value: number(s.max ?? 0) },
            ]}
          />
        )
      ) : s.shown.length ? (
        <>
          <p>{t(`${k}.textShown`, { count: s.shown.length, n: number(s.shown.length) })}</p>
          <ul class="list survey-result__answers">
            {s.shown.map((v, i) => (
              <li class="survey-result__answer" key={i} dir="auto">
                {answerPlain(s.question, v, locale, tr)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** A published survey for its agency's staff: where it stands, close it early, its results and the CSV export. */
export function SurveyResults(p: SurveyResultsProps) {
  const { t, locale, href, csrfToken, number } = usePage();
  const k = "participation.surveys.results";
  return (
    <div>
      {p.done ? (
        <NotificationBanner variant="success">
          <p>{t(`${k}.done.${p.done}`)}</p>
        </NotificationBanner>
      ) : null}
      <p class="caption">{t("participation.kinds.surveys")}</p>
      <h1 class="heading-xl">{p.survey.title[locale]}</h1>
      <p>
        <Tag colour={p.phase === "open" ? "green" : "grey"}>{t(`participation.phase.${p.phase}`)}</Tag>
      </p>
      <SurveyFacts survey={p.survey} agencyName={p.agencyName} />
      <ButtonGroup>
        <a href={href(participatePath("surveys", p.survey.slug))}>{t(`${k}.publicPage`)}</a>
        <a href={p.csvHref} download>
          {t(`${k}.csv`)}
        </a>
      </ButtonGroup>
      {p.phase === "open" || p.phase === "scheduled" ? (
        <form method="post" action={p.closeAction}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Button variant="warning">{t(`${k}.close`)}</Button>
        </form>
      ) : null}
      <h2 class="heading-l">{t(`${k}.title`)}</h2>
      <p class="lead">{t(`${k}.responses`, { count: p.responses, n: number(p.responses) })}</p>
      {p.responses ? p.summaries.map((s, i) => <QuestionResult s={s} n={i + 1} key={s.question.id} />) : null}
    </div>
  );
}

import type { FormValues } from "../../../forms/engine/form-values.js";
import { QuestionField } from "../../../forms/views/QuestionField.js";
import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { Panel } from "../../../platform/design/Panel.js";
import { SummaryList } from "../../../platform/design/SummaryList.js";
import { formatDateTime } from "../../../platform/i18n/format.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { participatePath } from "../../listing.js";
import type { Survey } from "../repository.js";

/** What the person may do with the survey now. */
export type SurveyState = "form" | "signed-out" | "not-eligible" | "answered" | "closed";

export interface SurveyPageProps {
  survey: Survey;
  agencyName: string;
  state: SurveyState;
  values?: FormValues;
  errors?: FieldError[];
}

/** Paragraphs of staff-written text, split at blank lines. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => (
          <p key={p}>{p}</p>
        ))}
    </>
  );
}

/** What the survey is, who asks, when it is open, what happens to the answers. */
export function SurveyFacts({ survey, agencyName }: { survey: Survey; agencyName: string }) {
  const { t, locale } = usePage();
  return (
    <SummaryList
      rows={[
        { key: t("participation.surveys.facts.agency"), value: agencyName },
        {
          key: t("participation.surveys.facts.period"),
          value: t("participation.surveys.facts.periodValue", {
            from: formatDateTime(survey.opensAt, locale),
            to: formatDateTime(survey.closedAt ?? survey.closesAt, locale),
          }),
        },
        { key: t("participation.surveys.facts.audience"), value: t(`participation.surveys.audience.${survey.audience}`) },
        {
          key: t("participation.surveys.facts.privacy"),
          value: t(survey.anonymous ? "participation.surveys.anonymous" : "participation.surveys.identified"),
        },
      ]}
    />
  );
}

/** /participate/surveys/:slug: the survey, and its questions on one page for those who may answer. */
export function SurveyPage(p: SurveyPageProps) {
  const { t, locale, href, csrfToken } = usePage();
  const path = href(participatePath("surveys", p.survey.slug));
  const errors = p.errors ?? [];
  const state = {
    values: p.values ?? {},
    errors: new Map(errors.map((e) => [e.field, e.message])),
    files: {},
    fileHref: () => "",
  };
  return (
    <div class="narrow">
      <ErrorSummary errors={errors} />
      <p class="caption">{t("participation.kinds.surveys")}</p>
      <h1 class="heading-xl">{p.survey.title[locale]}</h1>
      <div class="lead survey-intro">
        <Paragraphs text={p.survey.intro[locale]} />
      </div>
      <SurveyFacts survey={p.survey} agencyName={p.agencyName} />
      {p.state === "closed" ? (
        <NotificationBanner title={t("participation.surveys.closedTitle")}>
          <p>{t("participation.surveys.closedBody", { date: formatDateTime(p.survey.closedAt ?? p.survey.closesAt, locale) })}</p>
        </NotificationBanner>
      ) : p.state === "answered" ? (
        <NotificationBanner title={t("participation.surveys.answeredTitle")}>
          <p>{t("participation.surveys.answeredBody")}</p>
        </NotificationBanner>
      ) : p.state === "not-eligible" ? (
        <NotificationBanner variant="warning" title={t("participation.surveys.notEligibleTitle")}>
          <p>{t(`participation.surveys.notEligible.${p.survey.audience}`)}</p>
        </NotificationBanner>
      ) : p.state === "signed-out" ? (
        <>
          <h2 class="heading-m">{t("participation.surveys.questionsTitle")}</h2>
          <ol class="list list--number">
            {p.survey.questions.map((q) => (
              <li key={q.id}>{q.label[locale]}</li>
            ))}
          </ol>
          <p>
            <a class="button" href={href(`/sign-in?returnTo=${encodeURIComponent(path)}`)}>
              {t("participation.surveys.signIn")}
            </a>
          </p>
        </>
      ) : (
        <form method="post" action={path} novalidate class="survey-form">
          <input type="hidden" name="_csrf" value={csrfToken} />
          <h2 class="heading-m">{t("participation.surveys.questionsTitle")}</h2>
          {p.survey.questions.map((q) => (
            <QuestionField q={q} state={state} key={q.id} />
          ))}
          <ButtonGroup>
            <Button>{t("participation.surveys.submit")}</Button>
          </ButtonGroup>
        </form>
      )}
      <p>
        <a href={href("/participate")}>{t("participation.surveys.more")}</a>
      </p>
    </div>
  );
}

/** After answering: thanks, and what else is open. */
export function ThanksPage({ survey }: { survey: Survey }) {
  const { t, locale, href } = usePage();
  return (
    <div class="narrow">
      <Panel title={t("participation.surveys.thanks.title")}>
        <p>{survey.title[locale]}</p>
      </Panel>
      <p>{t(survey.anonymous ? "participation.surveys.anonymous" : "participation.surveys.identified")}</p>
      <p>{t("participation.surveys.thanks.body")}</p>
      <p>
        <a href={href("/participate")}>{t("participation.surveys.more")}</a>
      </p>
    </div>
  );
}

import { ServiceFacts } from "../../catalogue/components.js";
import type { Definition, Page, Question } from "../../forms/engine/definition.js";
import type { ServiceFacts as Facts } from "../../forms/engine/facts.js";
import { FallbackNotice, fallbacksOf } from "../../forms/views/AnswerSource.js";
import { type FieldState, QuestionField } from "../../forms/views/QuestionField.js";
import { Button, ButtonGroup } from "../../platform/design/Button.js";
import { ErrorSummary, type FieldError } from "../../platform/design/ErrorSummary.js";
import { Checkboxes } from "../../platform/design/fields.js";
import { NotificationBanner } from "../../platform/design/NotificationBanner.js";
import { StepIndicator } from "../../platform/design/StepIndicator.js";
import { SummaryList, type SummaryRow } from "../../platform/design/SummaryList.js";
import { usePage } from "../../platform/layout/page-context.js";

/** Where each page of an application lives. */
export const applyPath = {
  start: (slug: string) => `/eservices/${slug}`,
  page: (slug: string, draft: string, page: string) => `/eservices/${slug}/${draft}/${page}`,
  check: (slug: string, draft: string) => `/eservices/${slug}/${draft}/check`,
};

/** A draft as the start page and My Hukoomi list it. */
export interface DraftSummary {
  id: string;
  eservice: string;
  title: string;
  updatedAt: Date;
  expiresAt: Date;
  continueHref: string;
}

export interface StartPageProps {
  def: Definition;
  /** The catalogue page that describes the service in full. */
  serviceHref: string;
  signedIn: boolean;
  /** Set when the signed-in person may not apply, with the reason. */
  refusal?: string | undefined;
  feeText: string;
  documents: string[];
  drafts: DraftSummary[];
  keepDays: number;
  /** The e-service's rules in words (explainRules): who, when, how long. */
  rules: string[];
  /**
   * The facts its service states (fee, working days, documents, who), which publishing checked the definition
   * against: shown as the service page shows them, in place of the definition's own.
   */
  facts?: Facts | undefined;
}

/** Before you start: what the e-service asks, what it costs, how long the agency takes; then Start. */
export function StartPage(p: StartPageProps) {
  const { t, href, locale, csrfToken, date, number } = usePage();
  return (
    <div class="narrow">
      <h1 class="heading-xl">{p.def.title[locale]}</h1>
      <p class="lead">{p.def.summary[locale]}</p>
      <h2 class="heading-m">{t("eservices.start.beforeYouStart")}</h2>
      <ul class="list list--bullet">
        <li>{t("eservices.start.signIn")}</li>
        {p.facts ? null : (
          <>
            <li>{t("eservices.start.target", { days: number(p.def.targetDays), count: p.def.targetDays })}</li>
            <li>{p.feeText}</li>
          </>
        )}
        {p.rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
        <li>{t("eservices.start.saved", { days: number(p.keepDays), count: p.keepDays })}</li>
      </ul>
      {p.facts ? (
        <ServiceFacts facts={p.facts} />
      ) : p.documents.length ? (
        <>
          <h2 class="heading-m">{t("eservices.start.documents")}</h2>
          <ul class="list list--bullet">
            {p.documents.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.drafts.length ? (
        <NotificationBanner title={t("eservices.start.draftsTitle")}>
          <ul class="list">
            {p.drafts.map((d) => (
              <li key={d.id}>
                <a href={d.continueHref}>{t("eservices.start.continueDraft", { date: date(d.updatedAt) })}</a>
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      {p.refusal ? (
        <NotificationBanner variant="warning" title={t("eservices.start.notEligibleTitle")}>
          <p>{p.refusal}</p>
        </NotificationBanner>
      ) : p.signedIn ? (
        <form method="post" action={href(`${applyPath.start(p.def.slug)}/start`)}>
          <input type="hidden" name="_csrf" value={csrfToken} />
          <Button>{p.drafts.length ? t("eservices.start.startNew") : t("components.startButton.label")}</Button>
        </form>
      ) : (
        <p>
          <a class="button" href={href(`/sign-in?returnTo=${encodeURIComponent(href(applyPath.start(p.def.slug)))}`)}>
            {t("eservices.start.signInToStart")}
          </a>
        </p>
      )}
      <p>
        <a href={p.serviceHref}>{t("eservices.start.aboutService")}</a>
      </p>
    </div>
  );
}

export interface QuestionPageProps {
  def: Definition;
  page: Extract<Page, { questions: unknown }>;
  questions: Question[];
  step: number;
  steps: number;
  state: FieldState;
  errors: FieldError[];
  action: string;
  multipart: boolean;
  /** The group a blank item is being added to. */
  adding?: string | undefined;
  expiresAt: Date;
}

/** One page of questions, with its step, its messages and Continue. */
export function QuestionPage(p: QuestionPageProps) {
  const { t, locale, csrfToken, date, href } = usePage();
  const groups = p.questions.filter((q): q is Extract<Question, { type: "group" }> => q.type === "group");
  return (
    <div class="narrow">
      <ErrorSummary errors={p.errors} />
      <StepIndicator current={p.step} total={p.steps} />
      <p class="caption">{p.def.title[locale]}</p>
      <h1 class="heading-l">{p.page.title[locale]}</h1>
      {p.page.intro ? <p class="lead">{p.page.intro[locale]}</p> : null}
      <FallbackNotice fallbacks={fallbacksOf(p.questions, p.state.sources)} />
      <form method="post" action={p.action} novalidate {...(p.multipart ? { enctype: "multipart/form-data" } : {})}>
        <input type="hidden" name="_csrf" value={csrfToken} />
        {p.questions.map((q) => (
          <QuestionField q={q} state={p.state} adding={p.adding === q.id} key={q.id} />
        ))}
        <ButtonGroup>
          <Button>{t("eservices.apply.continue")}</Button>
          {groups.map((g) => (
            <Button variant="secondary" name="action" value={`add-${g.id}`} key={g.id}>
              {t("eservices.apply.addAnother", { item: g.itemLabel[locale] })}
            </Button>
          ))}
        </ButtonGroup>
      </form>
      <p class="hint">{t("eservices.apply.savedUntil", { date: date(p.expiresAt) })}</p>
      <p>
        <a href={href("/my")}>{t("eservices.apply.later")}</a>
      </p>
    </div>
  );
}

/** A page that ends the application, with the reason and what to do instead. */
export function StopPage({ def, page, back }: { def: Definition; page: Extract<Page, { stop: true }>; back: string }) {
  const { t, locale, href } = usePage();
  return (
    <div class="narrow">
      <p class="caption">{def.title[locale]}</p>
      <h1 class="heading-l">{page.title[locale]}</h1>
      {page.body[locale].split(/\n{2,}/).map((para) => (
        <p key={para}>{para}</p>
      ))}
      <ButtonGroup>
        <Button href={back} variant="secondary">
          {t("eservices.stop.changeAnswer")}
        </Button>
        <a href={href("/my")}>{t("eservices.stop.myHukoomi")}</a>
      </ButtonGroup>
    </div>
  );
}

export interface CheckSection {
  title: string;
  rows: SummaryRow[];
}

/** Check your answers: everything, with a change link per answer, the fee, the declaration and Submit. */
export function CheckAnswersPage({
  def,
  sections,
  feeText,
  feeWorking,
  action,
  errors,
}: {
  def: Definition;
  sections: CheckSection[];
  feeText: string;
  feeWorking?: string | undefined;
  action: string;
  errors: FieldError[];
}) {
  const { t, locale, csrfToken } = usePage();
  return (
    <div class="narrow-wide">
      <ErrorSummary errors={errors} />
      <p class="caption">{def.title[locale]}</p>
      <h1 class="heading-xl">{t("eservices.check.title")}</h1>
      {sections.map((s) => (
        <section key={s.title} aria-label={s.title}>
          <h2 class="heading-m">{s.title}</h2>
          <SummaryList rows={s.rows} />
        </section>
      ))}
      <h2 class="heading-m">{t("eservices.check.fee")}</h2>
      <p>{feeText}</p>
      {feeWorking ? <p class="hint">{feeWorking}</p> : null}
      <h2 class="heading-m">{t("eservices.check.declarationTitle")}</h2>
      <form method="post" action={action} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Checkboxes
          name="declaration"
          legend={t("eservices.check.declarationLegend")}
          error={errors.find((e) => e.field === "declaration")?.message}
          items={[{ value: "yes", label: def.declaration[locale] }]}
        />
        <Button>{t("eservices.check.submit")}</Button>
      </form>
    </div>
  );
}

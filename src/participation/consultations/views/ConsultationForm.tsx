import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { DateTimeInput } from "../../../platform/design/DateTimeInput.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { Select } from "../../../platform/design/fields.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { errorFor } from "../../../platform/http/forms.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { type FormValues, SECTION_ROWS, sectionField } from "../schemas.js";
import { BilingualField } from "./BilingualField.js";

const K = "participation.consultations.staff";

export interface ConsultationFormProps {
  /** Where the form is sent (already in the page's language). */
  action: string;
  heading: string;
  values: FormValues;
  errors: FieldError[];
  agencies: { slug: string; name: string }[];
  /** Changing a saved draft (not creating one). */
  draft?: boolean;
  /** What was just done, for the banner ("saved"). */
  done?: string | undefined;
}

/** Create or change a draft consultation: both languages side by side, the period and the sections. */
export function ConsultationForm({ action, heading, values, errors, agencies, draft, done }: ConsultationFormProps) {
  const { t, csrfToken } = usePage();
  const field = (name: string, lang: "ar" | "en", labelKey: string, rows?: number, labelValues?: Record<string, number>) => (
    <BilingualField
      name={name}
      lang={lang}
      label={t(labelKey, labelValues)}
      value={values[name]}
      error={errorFor(errors, name)}
      {...(rows ? { rows } : {})}
    />
  );
  return (
    <div>
      <ErrorSummary errors={errors} />
      {done && !errors.length ? (
        <NotificationBanner variant="success">
          <p class="notification-banner__heading">{t(`${K}.done.${done}`)}</p>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{heading}</h1>
      {draft ? <p class="lead">{t(`${K}.draftNotice`)}</p> : null}
      <form method="post" action={action} novalidate class="consultation-form">
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Select
          name="agency"
          label={t(`${K}.agency`)}
          value={values.agency}
          error={errorFor(errors, "agency")}
          items={[{ value: "", label: t(`${K}.chooseAgency`) }, ...agencies.map((a) => ({ value: a.slug, label: a.name }))]}
        />
        <fieldset class="fieldset">
          <legend class="fieldset__legend consultation-form__legend">{t(`${K}.aboutLegend`)}</legend>
          <div class="two-columns">
            <div>
              {field("titleAr", "ar", `${K}.titleAr`)}
              {field("summaryAr", "ar", `${K}.summaryAr`, 4)}
            </div>
            <div>
              {field("titleEn", "en", `${K}.titleEn`)}
              {field("summaryEn", "en", `${K}.summaryEn`, 4)}
            </div>
          </div>
        </fieldset>
        {(["opens", "closes"] as const).map((name) => (
          <DateTimeInput
            key={name}
            name={name}
            legend={t(`${K}.${name}Legend`)}
            dateHint={t(`${K}.dateHint`)}
            timeLabel={t(`${K}.${name}Time`)}
            timeHint={t(`${K}.timeHint`)}
            values={values}
            dateError={errorFor(errors, `${name}-day`)}
          />
        ))}
        <h2 class="heading-l">{t(`${K}.sectionsTitle`)}</h2>
        <p class="hint">{t(`${K}.sectionsHint`, { rows: SECTION_ROWS })}</p>
        {Array.from({ length: SECTION_ROWS }, (_, i) => i + 1).map((n) => (
          <fieldset class="fieldset consultation-form__section" key={n}>
            <legend class="fieldset__legend consultation-form__legend">{t(`${K}.sectionLegend`, { n })}</legend>
            <div class="two-columns">
              <div>
                {field(sectionField(n, "headingAr"), "ar", `${K}.headingAr`, undefined, { n })}
                {field(sectionField(n, "bodyAr"), "ar", `${K}.bodyAr`, 8, { n })}
              </div>
              <div>
                {field(sectionField(n, "headingEn"), "en", `${K}.headingEn`, undefined, { n })}
                {field(sectionField(n, "bodyEn"), "en", `${K}.bodyEn`, 8, { n })}
              </div>
            </div>
          </fieldset>
        ))}
        <ButtonGroup>
          <Button name="action" value="draft">
            {t(`${K}.saveDraft`)}
          </Button>
          <Button name="action" value="publish" variant="secondary">
            {t(`${K}.publish`)}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { DateTimeInput } from "../../../platform/design/DateTimeInput.js";
import type { FieldError } from "../../../platform/design/ErrorSummary.js";
import { Hint, Radios, Select, Textarea, TextInput } from "../../../platform/design/fields.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { audiences, type PollFormValues } from "../form.js";
import { pollKinds, resultTimings } from "../rules.js";
import { OPTION_ROWS } from "../schemas.js";

const S = "participation.polls.staff";

/**
 * The staff form for a poll, both languages side by side: the agency, the
 * question and description, up to six options, single or multiple choice,
 * who may vote, when results are shown, and the opening and closing times.
 */
export function PollForm({
  values,
  errors,
  agencies,
  action,
}: {
  values: PollFormValues;
  errors: FieldError[];
  agencies: { slug: string; name: string }[];
  action: string;
}) {
  const { t, csrfToken } = usePage();
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  return (
    <form method="post" action={action} novalidate>
      <input type="hidden" name="_csrf" value={csrfToken} />
      <Select
        name="agency"
        label={t(`${S}.agency`)}
        items={[
          ...(agencies.length > 1 ? [{ value: "", label: t(`${S}.chooseAgency`) }] : []),
          ...agencies.map((a) => ({ value: a.slug, label: a.name })),
        ]}
        value={values.agency}
        error={error("agency")}
      />
      <Radios
        name="kind"
        legend={t(`${S}.kind`)}
        inline
        items={pollKinds.map((k) => ({ value: k, label: t(`participation.polls.kind.${k}`) }))}
        value={values.kind}
        error={error("kind")}
      />
      <div class="two-columns">
        <TextInput
          name="questionAr"
          label={t(`${S}.questionAr`)}
          dir="rtl"
          value={values.questionAr}
          error={error("questionAr")}
        />
        <TextInput
          name="questionEn"
          label={t(`${S}.questionEn`)}
          dir="ltr"
          value={values.questionEn}
          error={error("questionEn")}
        />
      </div>
      <div class="two-columns">
        <Textarea
          name="descriptionAr"
          label={t(`${S}.descriptionAr`)}
          hint={t(`${S}.descriptionHint`)}
          dir="rtl"
          rows={4}
          value={values.descriptionAr}
          error={error("descriptionAr")}
        />
        <Textarea
          name="descriptionEn"
          label={t(`${S}.descriptionEn`)}
          hint={t(`${S}.descriptionHint`)}
          dir="ltr"
          rows={4}
          value={values.descriptionEn}
          error={error("descriptionEn")}
        />
      </div>
      <fieldset class="fieldset poll-form__options" aria-describedby="options-hint">
        <legend class="fieldset__legend">{t(`${S}.options`)}</legend>
        <Hint id="options" text={t(`${S}.optionsHint`, { rows: OPTION_ROWS })} />
        {Array.from({ length: OPTION_ROWS }, (_, i) => {
          const n = i + 1;
          const row = values.options[i];
          return (
            <div class="two-columns" key={n}>
              <TextInput
                name={`optionAr-${n}`}
                label={t(`${S}.optionAr`, { n })}
                dir="rtl"
                value={row?.ar}
                error={error(`optionAr-${n}`)}
              />
              <TextInput
                name={`optionEn-${n}`}
                label={t(`${S}.optionEn`, { n })}
                dir="ltr"
                value={row?.en}
                error={error(`optionEn-${n}`)}
              />
            </div>
          );
        })}
      </fieldset>
      <Radios
        name="multiple"
        legend={t(`${S}.multiple`)}
        items={[
          { value: "single", label: t(`${S}.single`) },
          { value: "multiple", label: t(`${S}.several`) },
        ]}
        value={values.multiple}
        error={error("multiple")}
      />
      <TextInput
        name="maxChoices"
        label={t(`${S}.maxChoices`)}
        hint={t(`${S}.maxChoicesHint`)}
        width="2"
        inputMode="numeric"
        dir="ltr"
        value={values.maxChoices}
        error={error("maxChoices")}
      />
      <Radios
        name="audience"
        legend={t(`${S}.audience`)}
        items={audiences.map((a) => ({ value: a, label: t(`participation.polls.audience.${a}`) }))}
        value={values.audience}
        error={error("audience")}
      />
      <Radios
        name="showResults"
        legend={t(`${S}.showResults`)}
        items={resultTimings.map((r) => ({ value: r, label: t(`participation.polls.showResults.${r}`) }))}
        value={values.showResults}
        error={error("showResults")}
      />
      {(["opens", "closes"] as const).map((name) => (
        <DateTimeInput
          key={name}
          name={name}
          legend={t(`${S}.${name}Date`)}
          dateHint={t(`${S}.dateHint`)}
          timeLabel={t(`${S}.${name}Time`)}
          timeHint={t(`${S}.timeHint`)}
          values={values}
          dateError={error(`${name}-day`)}
          timeError={error(`${name}-time`)}
        />
      ))}
      <ButtonGroup>
        <Button variant="secondary" name="action" value="draft">
          {t(`${S}.saveDraft`)}
        </Button>
        <Button name="action" value="publish">
          {t(`${S}.publish`)}
        </Button>
      </ButtonGroup>
    </form>
  );
}

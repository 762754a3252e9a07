import { Button, ButtonGroup } from "../../../platform/design/Button.js";
import { DateTimeInput } from "../../../platform/design/DateTimeInput.js";
import { ErrorSummary, type FieldError } from "../../../platform/design/ErrorSummary.js";
import { Radios, Select, Textarea, TextInput } from "../../../platform/design/fields.js";
import { NotificationBanner } from "../../../platform/design/NotificationBanner.js";
import { usePage } from "../../../platform/layout/page-context.js";
import { choiceTypes, EDITOR_ROWS, editorTypes, rowField, rowsFromForm } from "../questions.js";

/** The editor's inputs by name, as typed or as saved. */
export type EditorValues = Record<string, string>;

export interface SurveyEditorProps {
  /** Creating a survey, or changing a draft. */
  mode: "new" | "edit";
  action: string;
  values: EditorValues;
  errors: FieldError[];
  /** The agencies the person runs participation for. */
  agencies: { slug: string; name: string }[];
  /** Just saved: the banner that says so. */
  saved?: boolean;
}

const part = (values: EditorValues, name: string) => values[name] ?? "";

/** One row of the question editor: type, the question in both languages, required, options, range. */
function QuestionRow({ row, values, error }: { row: number; values: EditorValues; error: (f: string) => string | undefined }) {
  const { t } = usePage();
  const r = rowsFromForm(values)[row - 1];
  const f = (p: Parameters<typeof rowField>[1]) => rowField(row, p);
  const k = "participation.surveys.editor";
  return (
    <fieldset class="fieldset survey-editor__row">
      <legend class="fieldset__legend heading-s">{t(`${k}.row`, { n: row })}</legend>
      <Select
        name={f("type")}
        label={t(`${k}.type`)}
        value={r?.type || "text"}
        error={error(f("type"))}
        items={editorTypes.map((type) => ({ value: type, label: t(`${k}.types.${type}`) }))}
      />
      <div class="two-columns">
        <TextInput name={f("label-ar")} label={t(`${k}.labelAr`)} value={r?.labelAr} dir="rtl" error={error(f("label-ar"))} />
        <TextInput name={f("label-en")} label={t(`${k}.labelEn`)} value={r?.labelEn} dir="ltr" error={error(f("label-en"))} />
      </div>
      <Radios
        name={f("required")}
        legend={t(`${k}.required`)}
        inline
        value={r?.required === "no" ? "no" : "yes"}
        items={[
          { value: "yes", label: t("forms.apply.yes") },
          { value: "no", label: t("forms.apply.no") },
        ]}
      />
      <Textarea
        name={f("options")}
        label={t(`${k}.options`)}
        hint={t(`${k}.optionsHint`, { types: [...choiceTypes].map((c) => t(`${k}.types.${c}`)).join(t(`${k}.listSeparator`)) })}
        value={r?.options}
        dir="auto"
        rows={4}
        error={error(f("options"))}
      />
      <div class="two-columns">
        <TextInput
          name={f("min")}
          label={t(`${k}.min`)}
          hint={t(`${k}.rangeHint`)}
          value={r?.min}
          inputMode="decimal"
          width="10"
          dir="ltr"
          error={error(f("min"))}
        />
        <TextInput
          name={f("max")}
          label={t(`${k}.max`)}
          hint={t(`${k}.rangeHint`)}
          value={r?.max}
          inputMode="decimal"
          width="10"
          dir="ltr"
          error={error(f("max"))}
        />
      </div>
    </fieldset>
  );
}

/** The staff's survey editor: works without JavaScript, a fixed number of question rows, both languages side by side. */
export function SurveyEditor(p: SurveyEditorProps) {
  const { t, csrfToken } = usePage();
  const k = "participation.surveys.editor";
  const error = (field: string) => p.errors.find((e) => e.field === field)?.message;
  return (
    <div class="survey-editor">
      <ErrorSummary errors={p.errors} />
      {p.saved ? (
        <NotificationBanner variant="success">
          <p>{t(`${k}.saved`)}</p>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{t(p.mode === "new" ? `${k}.newTitle` : `${k}.editTitle`)}</h1>
      <p class="lead">{t(`${k}.lead`)}</p>
      <form method="post" action={p.action} novalidate>
        <input type="hidden" name="_csrf" value={csrfToken} />
        <Select
          name="agency"
          label={t(`${k}.agency`)}
          value={part(p.values, "agency")}
          error={error("agency")}
          items={[{ value: "", label: t("forms.apply.choose") }, ...p.agencies.map((a) => ({ value: a.slug, label: a.name }))]}
        />
        <div class="two-columns">
          <TextInput
            name="title-ar"
            label={t(`${k}.titleAr`)}
            value={part(p.values, "title-ar")}
            dir="rtl"
            error={error("title-ar")}
          />
          <TextInput
            name="title-en"
            label={t(`${k}.titleEn`)}
            value={part(p.values, "title-en")}
            dir="ltr"
            error={error("title-en")}
          />
          <Textarea
            name="intro-ar"
            label={t(`${k}.introAr`)}
            hint={t(`${k}.introHint`)}
            value={part(p.values, "intro-ar")}
            dir="rtl"
            error={error("intro-ar")}
          />
          <Textarea
            name="intro-en"
            label={t(`${k}.introEn`)}
            hint={t(`${k}.introHint`)}
            value={part(p.values, "intro-en")}
            dir="ltr"
            error={error("intro-en")}
          />
        </div>
        <Radios
          name="anonymous"
          legend={t(`${k}.privacy`)}
          value={part(p.values, "anonymous")}
          error={error("anonymous")}
          items={[
            { value: "anonymous", label: t(`${k}.anonymous`), hint: t("participation.surveys.anonymous") },
            { value: "identified", label: t(`${k}.identified`), hint: t("participation.surveys.identified") },
          ]}
        />
        <Radios
          name="audience"
          legend={t(`${k}.audience`)}
          value={part(p.values, "audience")}
          error={error("audience")}
          items={(["any", "citizens", "residents"] as const).map((a) => ({
            value: a,
            label: t(`participation.surveys.audience.${a}`),
          }))}
        />
        <div class="two-columns">
          {(["opens", "closes"] as const).map((name) => (
            <DateTimeInput
              key={name}
              name={name}
              legend={t(`${k}.${name}`)}
              timeLabel={t(`${k}.${name}Time`)}
              timeHint={t(`${k}.timeHint`)}
              values={p.values}
              dateError={error(`${name}-day`)}
              timeError={error(`${name}-time`)}
            />
          ))}
        </div>
        <h2 class="heading-l">{t(`${k}.questionsTitle`)}</h2>
        <p>{t(`${k}.questionsLead`, { rows: EDITOR_ROWS })}</p>
        {Array.from({ length: EDITOR_ROWS }, (_, i) => (
          <QuestionRow row={i + 1} values={p.values} error={error} key={i} />
        ))}
        <ButtonGroup>
          {/* Saving comes first: Enter in a box saves the draft, never publishes it. */}
          <Button name="action" value="save">
            {t(`${k}.save`)}
          </Button>
          <Button name="action" value="publish" variant="secondary">
            {t(`${k}.publish`)}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

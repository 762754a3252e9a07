import type { FieldError } from "../../platform/design/ErrorSummary.js";
import { describedBy, ErrorMessage, FormGroup, Hint } from "../../platform/design/fields.js";
import { usePage } from "../../platform/layout/page-context.js";
import { inputName, type Language, languages, textOf } from "../fields.js";
import type { Choice, ContentData, FieldSpec } from "../model.js";

/** What the form needs beyond the data: the options of its choices and the refused fields. */
export interface FormProps {
  fields: FieldSpec[];
  data: ContentData;
  choices: Record<string, Choice[]>;
  errors: FieldError[];
}

/** The visible name of a field, in the page's language. */
export function useFieldLabel() {
  const { t } = usePage();
  return (field: string, lang?: Language) =>
    lang
      ? t("workspace.form.inLanguage", { field: t(`workspace.fields.${field}`), language: t(`workspace.form.language.${lang}`) })
      : t(`workspace.fields.${field}`);
}

function choiceLabel(choice: Choice, locale: Language, t: (key: string) => string): string {
  return "labelKey" in choice ? t(choice.labelKey) : choice.label[locale];
}

const hintKey: Partial<Record<FieldSpec["type"], string>> = {
  lines: "workspace.form.hints.lines",
  url: "workspace.form.hints.url",
  date: "workspace.form.hints.date",
  datetime: "workspace.form.hints.datetime",
  number: "workspace.form.hints.number",
};

/** One text control (a line or a box) of one language, or of a single-valued field. */
function TextControl({
  spec,
  lang,
  value,
  error,
}: {
  spec: FieldSpec;
  lang?: Language;
  value: string;
  error?: string | undefined;
}) {
  const { t, locale, dir } = usePage();
  const label = useFieldLabel();
  const id = inputName(spec.name, lang);
  const key = spec.hint ?? hintKey[spec.type];
  const hint = key ? t(key) : undefined;
  const textDir: "rtl" | "ltr" | "auto" = lang
    ? lang === "ar"
      ? "rtl"
      : "ltr"
    : ["url", "email", "date", "datetime", "number"].includes(spec.type)
      ? "ltr"
      : "auto";
  const common = {
    id,
    name: id,
    lang: lang,
    dir: textDir,
    "aria-describedby": describedBy(id, hint, error),
    "aria-invalid": error ? ("true" as const) : undefined,
  };
  const multiLine = spec.type === "textarea" || spec.type === "lines";
  return (
    <FormGroup error={error}>
      <label class="label" for={id} lang={locale} dir={dir}>
        {label(spec.name, lang)}
      </label>
      <div lang={locale} dir={dir}>
        <Hint id={id} text={hint} />
        <ErrorMessage id={id} text={error} />
      </div>
      {multiLine ? (
        <textarea class={`textarea${error ? " textarea--error" : ""}`} rows={spec.type === "lines" ? 6 : 5} {...common}>
          {value}
        </textarea>
      ) : (
        <input
          class={`input${error ? " input--error" : ""}`}
          // Preact narrows attributes by input type; the union of text-like types is safe here.
          type={(spec.type === "url" ? "url" : spec.type === "email" ? "email" : "text") as "text"}
          value={value}
          inputMode={spec.type === "number" ? ("decimal" as const) : undefined}
          spellcheck={spec.type === "text" || spec.type === "textarea" ? undefined : false}
          {...common}
        />
      )}
    </FormGroup>
  );
}

function ChoiceControl({
  spec,
  value,
  choices,
  error,
}: {
  spec: FieldSpec;
  value: string | string[];
  choices: Choice[];
  error?: string | undefined;
}) {
  const { t, locale } = usePage();
  const label = useFieldLabel();
  const id = spec.name;
  if (spec.type === "select") {
    return (
      <FormGroup error={error}>
        <label class="label" for={id}>
          {label(spec.name)}
        </label>
        <ErrorMessage id={id} text={error} />
        <select
          class="select"
          id={id}
          name={id}
          aria-describedby={describedBy(id, undefined, error)}
          aria-invalid={error ? "true" : undefined}
        >
          <option value="">{t("workspace.form.choose")}</option>
          {choices.map((c) => (
            <option value={c.value} selected={c.value === value} key={c.value}>
              {choiceLabel(c, locale, t)}
            </option>
          ))}
        </select>
      </FormGroup>
    );
  }
  const chosen = new Set(Array.isArray(value) ? value : [value]);
  return (
    <FormGroup error={error}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, undefined, error)}>
        <legend class="fieldset__legend">{label(spec.name)}</legend>
        <ErrorMessage id={id} text={error} />
        <div class="choices choices--checkbox workspace-choices">
          {choices.map((c, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="choices__item" key={c.value}>
                <input
                  class="choices__input"
                  id={itemId}
                  name={id}
                  type="checkbox"
                  value={c.value}
                  checked={chosen.has(c.value)}
                />
                <label class="choices__label" for={itemId}>
                  {choiceLabel(c, locale, t)}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

function FileControl({ spec, data, error }: { spec: FieldSpec; data: ContentData; error?: string | undefined }) {
  const { t } = usePage();
  const label = useFieldLabel();
  const id = spec.name;
  const current = textOf(data[spec.name], "ar");
  const hint = current ? t("workspace.form.hints.fileReplace", { name: current }) : t("workspace.form.hints.file");
  return (
    <FormGroup error={error}>
      <label class="label" for={id}>
        {label(spec.name)}
      </label>
      <Hint id={id} text={hint} />
      <ErrorMessage id={id} text={error} />
      <input
        class={`file-upload${error ? " file-upload--error" : ""}`}
        id={id}
        name={id}
        type="file"
        accept="application/pdf"
        aria-describedby={describedBy(id, hint, error)}
      />
    </FormGroup>
  );
}

/**
 * Every field of a kind: bilingual fields with Arabic and English side by
 * side (each column in its own language and direction), then the others.
 */
export function ContentFields({ fields, data, choices, errors }: FormProps) {
  const errorOf = (name: string) => errors.find((e) => e.field === name)?.message;
  return (
    <>
      {fields.map((spec) => {
        if (spec.bilingual) {
          return (
            <div class="two-columns workspace-pair" key={spec.name}>
              {languages.map((lang) => (
                <div class="workspace-pair__column" lang={lang} dir={lang === "ar" ? "rtl" : "ltr"} key={lang}>
                  <TextControl
                    spec={spec}
                    lang={lang}
                    value={textOf(data[spec.name], lang)}
                    error={errorOf(inputName(spec.name, lang))}
                  />
                </div>
              ))}
            </div>
          );
        }
        if (spec.type === "select" || spec.type === "checkboxes") {
          return (
            <ChoiceControl
              key={spec.name}
              spec={spec}
              value={(data[spec.name] as string | string[] | undefined) ?? ""}
              choices={choices[spec.name] ?? []}
              error={errorOf(spec.name)}
            />
          );
        }
        if (spec.type === "file") return <FileControl key={spec.name} spec={spec} data={data} error={errorOf(spec.name)} />;
        return <TextControl key={spec.name} spec={spec} value={textOf(data[spec.name], "ar")} error={errorOf(spec.name)} />;
      })}
    </>
  );
}

import { AddressInput } from "../../platform/design/AddressInput.js";
import { DateInput } from "../../platform/design/DateInput.js";
import { FileUpload } from "../../platform/design/FileUpload.js";
import { Checkboxes, Radios, Select, Textarea, TextInput } from "../../platform/design/fields.js";
import { usePage } from "../../platform/layout/page-context.js";
import { dayOf } from "../answer-plain.js";
import type { AnswerSources, FileRef } from "../engine/answers.js";
import type { Question, SimpleQuestion } from "../engine/definition.js";
import type { FormValues } from "../engine/form-values.js";
import { sourceHint } from "./AnswerSource.js";

export interface FieldState {
  values: FormValues;
  /** Messages by field id (the id the error summary links to). */
  errors: Map<string, string>;
  /** Files already uploaded, by question. */
  files: Record<string, FileRef[]>;
  /** Where an uploaded file is opened. */
  fileHref: (id: string) => string;
  /** Where prefilled answers came from, shown under each question. */
  sources?: AnswerSources | undefined;
}

const ACCEPT = { pdf: "application/pdf", jpeg: "image/jpeg", png: "image/png" } as const;

function one(values: FormValues, name: string): string {
  const v = values[name];
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/** One question of a simple type, under the field name given (group items use their own). */
function SimpleField({ q, name, state }: { q: SimpleQuestion; name: string; state: FieldState }) {
  const { locale, t, number, hijri, date } = usePage();
  const label = q.label[locale];
  const optional = q.required ? "" : ` ${t("forms.apply.optional")}`;
  const from = name === q.id ? sourceHint(state.sources?.[q.id], t, date) : undefined;
  const hint = q.hint && from ? `${q.hint[locale]} ${from}` : (from ?? q.hint?.[locale]);
  const error = state.errors.get(name) ?? state.errors.get(`${name}-day`) ?? state.errors.get(`${name}-zone`);
  const common = { name, hint, error };
  switch (q.type) {
    case "text":
      return q.multiline ? (
        <Textarea {...common} label={label + optional} value={one(state.values, name)} maxLength={q.maxLength} />
      ) : (
        <TextInput {...common} label={label + optional} value={one(state.values, name)} />
      );
    case "name-ar":
      return (
        <TextInput
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          dir="rtl"
          spellcheck={false}
          autocomplete="off"
        />
      );
    case "name-en":
      return (
        <TextInput
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          dir="ltr"
          spellcheck={false}
          autocomplete="off"
        />
      );
    case "qid":
      return (
        <TextInput
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          inputMode="numeric"
          width="20"
          dir="ltr"
          spellcheck={false}
        />
      );
    case "phone":
      return (
        <TextInput
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          type="tel"
          autocomplete="tel"
          width="20"
          dir="ltr"
        />
      );
    case "email":
      return (
        <TextInput
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          type="email"
          autocomplete="email"
          dir="ltr"
          spellcheck={false}
        />
      );
    case "number":
      return (
        <TextInput
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          inputMode={q.integer ? "numeric" : "decimal"}
          width="10"
          dir="ltr"
        />
      );
    case "money":
      return (
        <TextInput
          {...common}
          label={`${label}${optional}`}
          hint={hint ?? t("forms.apply.moneyHint")}
          value={one(state.values, name)}
          inputMode="decimal"
          width="10"
          dir="ltr"
        />
      );
    case "date": {
      const value = {
        day: one(state.values, `${name}-day`),
        month: one(state.values, `${name}-month`),
        year: one(state.values, `${name}-year`),
      };
      const known =
        /^\d{4}$/.test(value.year) && !error
          ? dayOf(`${value.year}-${value.month.padStart(2, "0")}-${value.day.padStart(2, "0")}`)
          : undefined;
      return (
        <DateInput {...common} legend={label + optional} value={value} hijri={q.hijri && known ? hijri(known) : undefined} />
      );
    }
    case "select":
      return (
        <Select
          {...common}
          label={label + optional}
          value={one(state.values, name)}
          items={[
            { value: "", label: t("forms.apply.choose") },
            ...q.options.map((o) => ({ value: o.value, label: o.label[locale] })),
          ]}
        />
      );
    case "radios":
      return (
        <Radios
          {...common}
          legend={label + optional}
          value={one(state.values, name)}
          items={q.options.map((o) => ({ value: o.value, label: o.label[locale] }))}
        />
      );
    case "checkboxes": {
      const v = state.values[name];
      return (
        <Checkboxes
          {...common}
          legend={label + optional}
          hint={hint ?? t("forms.apply.chooseAll")}
          value={Array.isArray(v) ? v : v ? [v] : []}
          items={q.options.map((o) => ({ value: o.value, label: o.label[locale] }))}
        />
      );
    }
    case "yes-no":
      return (
        <Radios
          {...common}
          legend={label + optional}
          inline
          value={one(state.values, name)}
          items={[
            { value: "yes", label: t("forms.apply.yes") },
            { value: "no", label: t("forms.apply.no") },
          ]}
        />
      );
    case "address":
      return (
        <AddressInput
          {...common}
          legend={label + optional}
          value={{
            zone: one(state.values, `${name}-zone`),
            street: one(state.values, `${name}-street`),
            building: one(state.values, `${name}-building`),
          }}
        />
      );
    case "file": {
      const rules = t("forms.apply.fileRules", {
        types: q.accept.map((k) => k.toUpperCase()).join(locale === "ar" ? "، " : ", "),
        size: number(Math.round(q.maxBytes / (1024 * 1024))),
        count: q.maxFiles,
      });
      return (
        <FileUpload
          {...common}
          label={label + optional}
          hint={hint ? `${hint} ${rules}` : rules}
          accept={q.accept.map((k) => ACCEPT[k]).join(",")}
          multiple={q.maxFiles > 1}
          uploaded={(state.files[q.id] ?? []).map((f) => ({ ...f, href: state.fileHref(f.id) }))}
        />
      );
    }
    case "declaration":
      return (
        <Checkboxes
          {...common}
          legend={label}
          value={one(state.values, name) === "yes" ? ["yes"] : []}
          items={[{ value: "yes", label: q.text[locale] }]}
        />
      );
  }
}

/** How many item fieldsets a group shows: those with something in them (at least one), plus a blank one when adding. */
export function groupItemCount(q: Extract<Question, { type: "group" }>, values: FormValues, adding: boolean): number {
  let last = -1;
  for (const name of Object.keys(values)) {
    const m = new RegExp(`^${q.id}-(\\d+)-`).exec(name);
    if (m && !name.endsWith("-remove") && one(values, name) !== "") last = Math.max(last, Number(m[1]));
  }
  return Math.min(q.max, Math.max(last + 1, 1) + (adding ? 1 : 0));
}

/** An "add another" group: each item in its own fieldset, a blank one to add, and a box to remove items. */
function GroupField({ q, state, adding }: { q: Extract<Question, { type: "group" }>; state: FieldState; adding: boolean }) {
  const { locale, t } = usePage();
  const count = groupItemCount(q, state.values, adding);
  return (
    <div class="add-another" id={q.id}>
      <h2 class="heading-m">{q.label[locale]}</h2>
      {q.hint ? <p class="hint">{q.hint[locale]}</p> : null}
      {Array.from({ length: count }, (_, i) => (
        <fieldset class="fieldset add-another__item" key={i}>
          <legend class="fieldset__legend heading-s">
            {t("forms.apply.groupItem", { item: q.itemLabel[locale], n: i + 1 })}
          </legend>
          {q.questions.map((g) => (
            <SimpleField q={g} name={`${q.id}-${i}-${g.id}`} state={state} key={g.id} />
          ))}
          {i >= q.min || count > q.min ? (
            <div class="choices__item add-another__remove">
              <input class="choices__input" type="checkbox" id={`${q.id}-${i}-remove`} name={`${q.id}-${i}-remove`} value="yes" />
              <label class="choices__label" for={`${q.id}-${i}-remove`}>
                {t("forms.apply.removeItem", { item: q.itemLabel[locale], n: i + 1 })}
              </label>
            </div>
          ) : null}
        </fieldset>
      ))}
      {count >= q.max ? <p class="hint">{t("forms.apply.groupFull", { max: q.max })}</p> : null}
    </div>
  );
}

/** A question of any type. */
export function QuestionField({ q, state, adding = false }: { q: Question; state: FieldState; adding?: boolean }) {
  if (q.type === "group") return <GroupField q={q} state={state} adding={adding} />;
  return <SimpleField q={q} name={q.id} state={state} />;
}

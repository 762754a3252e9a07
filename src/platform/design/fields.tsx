import type { ComponentChildren } from "preact";
import { usePage } from "../layout/page-context.js";

/** What every form control shares: its name, its visible label, an optional hint and error. */
export interface FieldProps {
  /** Element id; the error summary links to it. Defaults to the name. */
  id?: string;
  name: string;
  label: string;
  hint?: string | undefined;
  /** The message shown beside the field when the answer was refused. */
  error?: string | undefined;
}

export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

export function Hint({ id, text }: { id: string; text?: string | undefined }) {
  return text ? (
    <div id={`${id}-hint`} class="hint">
      {text}
    </div>
  ) : null;
}

/** The message beside a refused field, announced with a hidden "Error:" prefix. */
export function ErrorMessage({ id, text }: { id: string; text?: string | undefined }) {
  const { t } = usePage();
  if (!text) return null;
  return (
    <p id={`${id}-error`} class="error-message">
      <span class="visually-hidden">{t("components.errorMessage.prefix")} </span>
      {text}
    </p>
  );
}

export function FormGroup({ error, children }: { error?: string | undefined; children: ComponentChildren }) {
  return <div class={error ? "form-group form-group--error" : "form-group"}>{children}</div>;
}

export interface TextInputProps extends FieldProps {
  value?: string | undefined;
  type?: "text" | "email" | "tel" | "url" | "search" | "password" | "number" | "date";
  autocomplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "tel" | "email" | "url" | "search";
  /** Fixed-width inputs tell people how long the answer should be. */
  width?: "2" | "4" | "10" | "20" | "full";
  /** "ltr" for numbers, emails and references typed in Latin characters. */
  dir?: "ltr" | "rtl" | "auto";
  spellcheck?: boolean;
}

export function TextInput(props: TextInputProps) {
  const id = props.id ?? props.name;
  return (
    <FormGroup error={props.error}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      <input
        class={`input${props.width ? ` input--width-${props.width}` : ""}${props.error ? " input--error" : ""}`}
        id={id}
        name={props.name}
        // Preact narrows attributes by input type; the union of text-like types is safe here.
        type={(props.type ?? "text") as "text"}
        value={props.value ?? ""}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        dir={props.dir}
        spellcheck={props.spellcheck}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? "true" : undefined}
      />
    </FormGroup>
  );
}

export interface TextareaProps extends FieldProps {
  value?: string | undefined;
  rows?: number;
  /** Most characters accepted; shown in the hint, enforced on the server. */
  maxLength?: number;
  /** The direction of what is typed, when it is in the other language than the page ("rtl" for Arabic text on an English page). */
  dir?: "ltr" | "rtl" | "auto";
}

export function Textarea(props: TextareaProps) {
  const id = props.id ?? props.name;
  return (
    <FormGroup error={props.error}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      <textarea
        class={`textarea${props.error ? " textarea--error" : ""}`}
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        data-max-length={props.maxLength}
        dir={props.dir}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? "true" : undefined}
      >
        {props.value ?? ""}
      </textarea>
    </FormGroup>
  );
}

export interface ChoiceItem {
  value: string;
  label: string;
  hint?: string;
}

export interface ChoiceProps extends Omit<FieldProps, "label"> {
  legend: string;
  items: ChoiceItem[];
  /** Selected value(s). */
  value?: string | string[] | undefined;
  inline?: boolean;
}

function Choices(props: ChoiceProps & { type: "radio" | "checkbox" }) {
  const id = props.id ?? props.name;
  const selected = new Set(Array.isArray(props.value) ? props.value : props.value ? [props.value] : []);
  return (
    <FormGroup error={props.error}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, props.hint, props.error)}>
        <legend class="fieldset__legend">{props.legend}</legend>
        <Hint id={id} text={props.hint} />
        <ErrorMessage id={id} text={props.error} />
        <div class={`choices choices--${props.type}${props.inline ? " choices--inline" : ""}`}>
          {props.items.map((item, i) => {
            const itemId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="choices__item" key={item.value}>
                <input
                  class="choices__input"
                  id={itemId}
                  name={props.name}
                  type={props.type}
                  value={item.value}
                  checked={selected.has(item.value)}
                  aria-describedby={item.hint ? `${itemId}-item-hint` : undefined}
                />
                <label class="choices__label" for={itemId}>
                  {item.label}
                </label>
                {item.hint ? (
                  <div id={`${itemId}-item-hint`} class="hint choices__hint">
                    {item.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}

export function Radios(props: ChoiceProps) {
  return <Choices {...props} type="radio" />;
}

export function Checkboxes(props: ChoiceProps) {
  return <Choices {...props} type="checkbox" />;
}

export interface SelectProps extends FieldProps {
  items: ChoiceItem[];
  value?: string | undefined;
}

export function Select(props: SelectProps) {
  const id = props.id ?? props.name;
  return (
    <FormGroup error={props.error}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      <select
        class="select"
        id={id}
        name={props.name}
        aria-describedby={describedBy(id, props.hint, props.error)}
        aria-invalid={props.error ? "true" : undefined}
      >
        {props.items.map((item) => (
          <option value={item.value} selected={item.value === props.value} key={item.value}>
            {item.label}
          </option>
        ))}
      </select>
    </FormGroup>
  );
}

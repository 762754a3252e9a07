import { describedBy, ErrorMessage, FormGroup, Hint } from "../../../platform/design/fields.js";
import { direction, type Locale } from "../../../platform/i18n/locales.js";

export interface BilingualFieldProps {
  name: string;
  label: string;
  /** The language typed into the box: the box says so (lang, dir), whatever the page's language. */
  lang: Locale;
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  /** A text area of this many rows; a one-line box when absent. */
  rows?: number;
}

/** A box for text in one of the two languages, labelled in the page's language, typed in its own. */
export function BilingualField(props: BilingualFieldProps) {
  const id = props.name;
  const common = {
    id,
    name: props.name,
    lang: props.lang,
    dir: direction[props.lang],
    "aria-describedby": describedBy(id, props.hint, props.error),
    "aria-invalid": props.error ? ("true" as const) : undefined,
  };
  return (
    <FormGroup error={props.error}>
      <label class="label" for={id}>
        {props.label}
      </label>
      <Hint id={id} text={props.hint} />
      <ErrorMessage id={id} text={props.error} />
      {props.rows ? (
        <textarea class={`textarea${props.error ? " textarea--error" : ""}`} rows={props.rows} {...common}>
          {props.value ?? ""}
        </textarea>
      ) : (
        <input class={`input${props.error ? " input--error" : ""}`} type="text" value={props.value ?? ""} {...common} />
      )}
    </FormGroup>
  );
}

import { usePage } from "../layout/page-context.js";
import { describedBy, ErrorMessage, FormGroup, Hint } from "./fields.js";

export interface DateInputProps {
  /** The field's name; the boxes are <name>-day, <name>-month and <name>-year. */
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: { day?: string | undefined; month?: string | undefined; year?: string | undefined };
  /** Shown under the boxes once a date is known: the same day in the Hijri calendar. */
  hijri?: string | undefined;
  autocompletePrefix?: "bday" | undefined;
}

/**
 * A date as three boxes (day, month, year), the GOV.UK pattern: easier to
 * type than a calendar widget, works with any keyboard and digits of either
 * script. The boxes read day → month → year in both directions.
 */
export function DateInput(props: DateInputProps) {
  const { t } = usePage();
  const id = props.name;
  const box = (part: "day" | "month" | "year", width: "2" | "4") => (
    <div class="date-input__item">
      <label class="label date-input__label" for={`${id}-${part}`}>
        {t(`components.dateInput.${part}`)}
      </label>
      <input
        class={`input input--width-${width}${props.error ? " input--error" : ""}`}
        id={`${id}-${part}`}
        name={`${id}-${part}`}
        type="text"
        inputMode="numeric"
        dir="ltr"
        value={props.value?.[part] ?? ""}
        autocomplete={props.autocompletePrefix ? `${props.autocompletePrefix}-${part}` : undefined}
        aria-invalid={props.error ? "true" : undefined}
      />
    </div>
  );
  return (
    <FormGroup error={props.error}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, props.hint, props.error)}>
        <legend class="fieldset__legend">{props.legend}</legend>
        <Hint id={id} text={props.hint} />
        <ErrorMessage id={id} text={props.error} />
        <div class="date-input">
          {box("day", "2")}
          {box("month", "2")}
          {box("year", "4")}
        </div>
        {props.hijri ? <p class="date-input__hijri">{t("components.date.hijri", { date: props.hijri })}</p> : null}
      </fieldset>
    </FormGroup>
  );
}

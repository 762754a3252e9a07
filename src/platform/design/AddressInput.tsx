import { usePage } from "../layout/page-context.js";
import { describedBy, ErrorMessage, FormGroup, Hint } from "./fields.js";

export interface AddressInputProps {
  /** The boxes are <name>-zone, <name>-street and <name>-building. */
  name: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  value?: { zone?: string | undefined; street?: string | undefined; building?: string | undefined };
}

/** A Qatari address as the blue plate on every building gives it: zone, street and building numbers. */
export function AddressInput(props: AddressInputProps) {
  const { t } = usePage();
  const id = props.name;
  return (
    <FormGroup error={props.error}>
      <fieldset class="fieldset" aria-describedby={describedBy(id, props.hint ?? t("components.addressInput.hint"), props.error)}>
        <legend class="fieldset__legend">{props.legend}</legend>
        <Hint id={id} text={props.hint ?? t("components.addressInput.hint")} />
        <ErrorMessage id={id} text={props.error} />
        <div class="date-input">
          {(["zone", "street", "building"] as const).map((part) => (
            <div class="date-input__item" key={part}>
              <label class="label date-input__label" for={`${id}-${part}`}>
                {t(`components.addressInput.${part}`)}
              </label>
              <input
                class={`input input--width-4${props.error ? " input--error" : ""}`}
                id={`${id}-${part}`}
                name={`${id}-${part}`}
                type="text"
                inputMode="numeric"
                dir="ltr"
                value={props.value?.[part] ?? ""}
                aria-invalid={props.error ? "true" : undefined}
              />
            </div>
          ))}
        </div>
      </fieldset>
    </FormGroup>
  );
}

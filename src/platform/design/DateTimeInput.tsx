import { DateInput } from "./DateInput.js";
import { TextInput } from "./fields.js";

export interface DateTimeInputProps {
  /** The moment's name; the boxes are <name>-day, -month, -year and -time (read by platform/http/date-time.ts). */
  name: string;
  legend: string;
  dateHint?: string | undefined;
  timeLabel: string;
  timeHint: string;
  /** The form's values, holding the four boxes by their names. */
  values: { [box: `${string}-${"day" | "month" | "year" | "time"}`]: string | undefined };
  dateError?: string | undefined;
  timeError?: string | undefined;
}

/**
 * A moment in Doha time as staff type it: the day in three boxes, then the
 * time (HH:MM) beside them: the opening and closing of polls, surveys and
 * consultations.
 */
export function DateTimeInput(props: DateTimeInputProps) {
  const { name, values } = props;
  return (
    <div class="date-time-input">
      <DateInput
        name={name}
        legend={props.legend}
        hint={props.dateHint}
        error={props.dateError}
        value={{ day: values[`${name}-day`], month: values[`${name}-month`], year: values[`${name}-year`] }}
      />
      <TextInput
        name={`${name}-time`}
        label={props.timeLabel}
        hint={props.timeHint}
        value={values[`${name}-time`]}
        width="4"
        inputMode="numeric"
        dir="ltr"
        error={props.timeError}
      />
    </div>
  );
}

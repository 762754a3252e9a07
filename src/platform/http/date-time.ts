import { foldDigits } from "../text/clean.js";
import { dohaWallClock, fromDohaWallClock } from "../time/doha.js";

/**
 * What is wrong with a typed date and time: a date box left empty, a day
 * that does not exist, the time left empty, a time that is not HH:MM.
 */
export type DateTimeProblem = "missing" | "invalid" | "noTime" | "time";

/** The four boxes of one moment, as a form names them: `<name>-day`, `-month`, `-year` and `-time`. */
export interface DateTimeBoxes {
  day: string;
  month: string;
  year: string;
  time: string;
}

const boxOf = (form: Record<string, unknown>, key: string) => {
  const value = form[key];
  return typeof value === "string" ? foldDigits(value).trim() : "";
};

/** The boxes of `name` as typed, digits of either script folded to ASCII. */
export function dateTimeBoxes(form: Record<string, unknown>, name: string): DateTimeBoxes {
  return {
    day: boxOf(form, `${name}-day`),
    month: boxOf(form, `${name}-month`),
    year: boxOf(form, `${name}-year`),
    time: boxOf(form, `${name}-time`),
  };
}

/**
 * A moment typed in Doha time in the boxes of `name` (day, month and year,
 * and HH:MM, or H.MM; `fallbackTime` when the time is left empty and the form
 * allows that), or what is wrong with it. Years outside 2000–2100 are refused
 * as mistyped.
 */
export function readDohaDateTime(
  form: Record<string, unknown>,
  name: string,
  options: { fallbackTime?: string } = {},
): { at: Date } | { problem: DateTimeProblem } {
  const boxes = dateTimeBoxes(form, name);
  const time = boxes.time || options.fallbackTime || "";
  if (!boxes.day || !boxes.month || !boxes.year) return { problem: "missing" };
  if (!/^\d{1,2}$/.test(boxes.day) || !/^\d{1,2}$/.test(boxes.month) || !/^\d{4}$/.test(boxes.year)) {
    return { problem: "invalid" };
  }
  const [d, m, y] = [Number(boxes.day), Number(boxes.month), Number(boxes.year)];
  const day = new Date(Date.UTC(y, m - 1, d));
  if (y < 2000 || y > 2100 || day.getUTCFullYear() !== y || day.getUTCMonth() !== m - 1 || day.getUTCDate() !== d) {
    return { problem: "invalid" };
  }
  if (!time) return { problem: "noTime" };
  const hm = /^(\d{1,2})[:.٫](\d{2})$/.exec(time);
  if (!hm || Number(hm[1]) > 23 || Number(hm[2]) > 59) return { problem: "time" };
  return { at: fromDohaWallClock(new Date(day.getTime() + (Number(hm[1]) * 60 + Number(hm[2])) * 60_000)) };
}

/** A moment as the boxes of `name` show it, in Doha time. */
export function dohaDateTimeValues<N extends string>(name: N, at: Date): Record<`${N}-${keyof DateTimeBoxes}`, string> {
  const doha = dohaWallClock(at);
  const boxes: DateTimeBoxes = {
    day: String(doha.getUTCDate()),
    month: String(doha.getUTCMonth() + 1),
    year: String(doha.getUTCFullYear()),
    time: doha.toISOString().slice(11, 16),
  };
  return Object.fromEntries(Object.entries(boxes).map(([box, value]) => [`${name}-${box}`, value])) as Record<
    `${N}-${keyof DateTimeBoxes}`,
    string
  >;
}

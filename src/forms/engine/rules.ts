import { z } from "zod";
import { addDays } from "../../platform/time/doha.js";
import type { Refusal } from "../problems.js";

/**
 * Rules an e-service declares on a date it is given (by the person, or by an
 * agency's registry through prefill), instead of writing them in prose:
 * when the service opens relative to that date, and how old someone whose
 * date of birth it is must be. The engine enforces them on the server, the
 * start page and the service page explain them from the same declaration
 * (see `explainRules`).
 */

/**
 * The service can be used from `opensDaysBefore` days before the date answered, and until `closesDaysAfter` days
 * after it, or until `closesDaysBefore` days before it (a passport that must still be valid for six months).
 */
export const dateWindowShape = {
  opensDaysBefore: z.number().int().min(0).max(3650).optional(),
  closesDaysAfter: z.number().int().min(0).max(3650).optional(),
  closesDaysBefore: z.number().int().min(1).max(3650).optional(),
};
export type DateWindow = {
  opensDaysBefore?: number | undefined;
  closesDaysAfter?: number | undefined;
  closesDaysBefore?: number | undefined;
};
export const windowSet = (w: DateWindow) =>
  (w.opensDaysBefore !== undefined || w.closesDaysAfter !== undefined || w.closesDaysBefore !== undefined) &&
  !(w.closesDaysAfter !== undefined && w.closesDaysBefore !== undefined);

/** The answer is a date of birth: the person it names is at least `min` (and under `max`) years old today. */
export const ageRuleShape = {
  min: z.number().int().min(0).max(120).optional(),
  max: z.number().int().min(1).max(150).optional(),
};
export type AgeRule = { min?: number | undefined; max?: number | undefined };
export const ageSet = (a: AgeRule) => a.min !== undefined || a.max !== undefined;

/** A YYYY-MM-DD day moved by whole years (29 February becomes 28 February in other years). */
export function addYears(day: string, years: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * Whether today falls in the window around `day`: refused with the day it
 * opens (too early) or the day it closed (too late). Values ending in "Day"
 * are YYYY-MM-DD days the message shows as dates in the person's language.
 */
export function checkWindow(day: string, window: DateWindow, today: string): Refusal | undefined {
  if (window.opensDaysBefore !== undefined) {
    const opensDay = addDays(day, -window.opensDaysBefore);
    if (today < opensDay)
      return { key: "forms.rules.window.tooEarly", values: { opensDay, days: window.opensDaysBefore, dateDay: day } };
  }
  if (window.closesDaysAfter !== undefined) {
    const closedDay = addDays(day, window.closesDaysAfter);
    if (today > closedDay)
      return { key: "forms.rules.window.tooLate", values: { closedDay, days: window.closesDaysAfter, dateDay: day } };
  }
  if (window.closesDaysBefore !== undefined) {
    const lastDay = addDays(day, -window.closesDaysBefore);
    if (today > lastDay)
      return { key: "forms.rules.window.tooClose", values: { lastDay, days: window.closesDaysBefore, dateDay: day } };
  }
  return undefined;
}

/** Whether a date of birth meets the age rule today. */
export function checkAge(birthDay: string, rule: AgeRule, today: string): Refusal | undefined {
  if (rule.min !== undefined && addYears(birthDay, rule.min) > today)
    return { key: "forms.rules.age.tooYoung", values: { min: rule.min } };
  if (rule.max !== undefined && addYears(birthDay, rule.max) <= today)
    return { key: "forms.rules.age.tooOld", values: { max: rule.max } };
  return undefined;
}

import type { z } from "zod";
import type { FieldError } from "../platform/design/ErrorSummary.js";
import { formatDate } from "../platform/i18n/format.js";
import type { Translator } from "../platform/i18n/messages.js";
import { dohaNoon } from "../platform/time/doha.js";

/**
 * The one way a form says what is wrong, whichever way it was read (a zod
 * schema, a hand check, the form engine): a catalogue key and the values it
 * names, and, once it is known, the field it is about. One mapper turns them
 * into the GOV.UK error pattern's messages (the summary at the top, each
 * linking to its field, and the message beside the field).
 */

/**
 * A value a message names: a number, a text, or a text of the catalogue (a
 * field's name, a language), given by its key and shown in the visitor's language.
 */
export type RefusalValue = string | number | { key: string };

/**
 * What is wrong: a catalogue key and the values it names. Values named "…Day"
 * are YYYY-MM-DD days, shown as dates; a `{ key }` value is the catalogue's text.
 */
export interface Refusal {
  key: string;
  values?: Record<string, RefusalValue>;
}

/** A refused field: the id of its input (the error summary links to it) and what is wrong with it. */
export interface Problem extends Refusal {
  field: string;
}

/** A refusal in the visitor's language; a key the catalogue lacks reads as "check this answer". */
export function messageOf(tr: Translator, refusal: Refusal): string {
  if (!tr.has(refusal.key)) return tr.t("errors.invalidField");
  if (!refusal.values) return tr.t(refusal.key);
  const values = Object.fromEntries(
    Object.entries(refusal.values).map(([k, v]) => {
      if (typeof v === "object") return [k, tr.t(v.key)];
      return k.endsWith("Day") && typeof v === "string" ? [k, formatDate(dohaNoon(v), tr.locale)] : [k, v];
    }),
  );
  return tr.t(refusal.key, values);
}

/** One refused field's message (a check made by hand, beside a schema's). */
export function problemMessage(tr: Translator, problem: Problem): FieldError {
  return { field: problem.field, message: messageOf(tr, problem) };
}

/** The error summary's and the fields' messages for a form's problems, in order. */
export function problemMessages(tr: Translator, problems: Problem[]): FieldError[] {
  return problems.map((p) => problemMessage(tr, p));
}

/**
 * A schema's refusals as problems: the first of each field (the first part
 * of the issue's path), its message the catalogue key, its params the values.
 */
export function zodProblems(error: z.ZodError): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    const values = "params" in issue ? (issue.params as Record<string, string | number> | undefined) : undefined;
    out.push({ field, key: issue.message, ...(values ? { values } : {}) });
  }
  return out;
}

/** A refused form read by a zod schema, as the error summary's and the fields' messages. */
export function fieldErrors(error: z.ZodError, tr: Translator): FieldError[] {
  return problemMessages(tr, zodProblems(error));
}

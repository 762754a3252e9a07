import type { z } from "zod";
import type { FieldError } from "../design/ErrorSummary.js";
import type { Translator } from "../i18n/messages.js";

/**
 * Turns a refused form into the GOV.UK error pattern's messages: one per
 * field, in the visitor's language. Schemas name catalogue keys as their
 * messages; anything else falls back to a generic "check this answer".
 */
export function fieldErrors(error: z.ZodError, tr: Translator): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: tr.has(issue.message) ? tr.t(issue.message) : tr.t("errors.invalidField") });
  }
  return out;
}

/** The message for one field, if it was refused. */
export function errorFor(errors: FieldError[], field: string): string | undefined {
  return errors.find((e) => e.field === field)?.message;
}

/** The body of a form post as a plain object (empty when there is none). */
export function formBody(body: unknown): Record<string, unknown> {
  return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
}

/** The catalogue key of the first problem, for refusing a whole request with one message. */
export function firstMessageKey(error: z.ZodError, tr: Translator): string {
  const key = error.issues[0]?.message;
  return key && tr.has(key) ? key : "errors.badRequest.message";
}

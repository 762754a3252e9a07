import type { z } from "zod";
import type { FieldError } from "../design/ErrorSummary.js";
import type { Translator } from "../i18n/messages.js";
import { BadRequestError, NotFoundError } from "./errors.js";

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

/**
 * Validates a request part against its schema: a 400 naming the first
 * problem (its message is a catalogue key), or a 404 for addresses that
 * cannot name anything (`notFound`).
 */
export function parseOrRefuse<S extends z.ZodType>(schema: S, data: unknown, options: { notFound?: boolean } = {}): z.infer<S> {
  const parsed = schema.safeParse(data ?? {});
  if (parsed.success) return parsed.data;
  if (options.notFound) throw new NotFoundError();
  throw new BadRequestError(parsed.error.issues[0]?.message);
}

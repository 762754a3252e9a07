import { and, eq, isNull, lt, or } from "drizzle-orm";
import { type Problem, problemMessage } from "../forms/problems.js";
import type { Db } from "../platform/db/client.js";
import type { ThrottleRule, Throttles } from "../platform/http/throttle.js";
import type { Translator } from "../platform/i18n/messages.js";
import { users } from "./tables.js";
import { totpStep } from "./totp.js";

/** Wrong authenticator codes allowed per account before it must wait (whatever the address or language). */
export const WRONG_CODES: ThrottleRule = { name: "totp-wrong-account", points: 5, seconds: 15 * 60 };

export type SecondStepOutcome =
  | { ok: true }
  | { ok: false; reason: "wrong" | "used" }
  | { ok: false; reason: "tooMany"; minutes: number };

/**
 * Checks an authenticator code for an account: right for now, not used
 * before (a code, or an earlier one, is accepted once: the step is recorded
 * in the same statement that accepts it, so two requests racing with one
 * code cannot both pass), and no more than five wrong codes per account in
 * fifteen minutes, counted on every instance.
 */
export async function checkSecondStep(
  db: Db,
  throttles: Throttles,
  user: { id: string; totpSecret: string | null },
  code: string,
): Promise<SecondStepOutcome> {
  const waiting = await throttles.peek(WRONG_CODES, user.id);
  if (waiting.count >= WRONG_CODES.points)
    return { ok: false, reason: "tooMany", minutes: Math.ceil(waiting.retryAfterSeconds / 60) };
  const step = user.totpSecret ? totpStep(user.totpSecret, code) : null;
  if (step === null) {
    await throttles.hit(WRONG_CODES, user.id);
    return { ok: false, reason: "wrong" };
  }
  const accepted = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  if (accepted.length === 0) return { ok: false, reason: "used" };
  await throttles.reset(WRONG_CODES, user.id);
  return { ok: true };
}

/** A refused code as the page shows it: the status and the message beside the code box. */
export function refusalOf(
  outcome: Exclude<SecondStepOutcome, { ok: true }>,
  tr: Translator,
): { status: number; errors: { field: string; message: string }[] } {
  const problem: Problem =
    outcome.reason === "tooMany"
      ? { field: "code", key: "accounts.errors.totp.tooMany", values: { minutes: outcome.minutes } }
      : { field: "code", key: `accounts.errors.totp.${outcome.reason}` };
  return { status: outcome.reason === "tooMany" ? 429 : 400, errors: [problemMessage(tr, problem)] };
}

import { z } from "zod";
import { foldDigits } from "../platform/text/clean.js";

/** The test bank's cards: what each number makes the bank do. */
export const TEST_CARDS = [
  { number: "4111111111111111", outcome: "authorised" },
  { number: "4000000000000002", outcome: "declined" },
  { number: "4000000000000119", outcome: "slow" },
] as const;

export type CardOutcome = "authorised" | "declined" | "slow";

/** What the bank decides for a card number that passed the checks: any card it does not know is declined. */
export function outcomeOf(cardNumber: string): CardOutcome {
  return TEST_CARDS.find((c) => c.number === cardNumber)?.outcome ?? "declined";
}

/** The Luhn checksum every card number carries in its last digit. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** "4111 1111 1111 1111": card numbers in groups of four, as printed on cards. */
export function groupDigits(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, "$1 ");
}

const key = (field: string, problem: string) => `sandboxGateway.errors.${field}.${problem}`;

/** A form field as text, whatever was (or was not) posted; Arabic-Indic digits become 0–9. */
const posted = z.preprocess((v) => (typeof v === "string" ? foldDigits(v).trim() : ""), z.string());

/** The month after the expiry month, at midnight UTC: a card is good until then. */
function endOfExpiry(month: number, year: number): Date {
  return new Date(Date.UTC(year, month, 1));
}

/** Reads "04/29", "04 / 29", "0429" or "04/2029" as month and four-digit year. */
export function parseExpiry(text: string): { month: number; year: number } | undefined {
  const m = /^(\d{1,2})\s*[/\-.]?\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return undefined;
  const month = Number(m[1]);
  const year = m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2]);
  return month >= 1 && month <= 12 ? { month, year } : undefined;
}

/**
 * The card form of the hosted payment page. Each message is a catalogue
 * key; the ids of the fields are the paths, so the error summary links to them.
 */
export function cardFormSchema(now: Date) {
  return z.object({
    cardNumber: posted.pipe(
      z
        .string()
        .min(1, key("cardNumber", "missing"))
        .transform((v) => v.replace(/[\s-]/g, ""))
        .pipe(
          z
            .string()
            .regex(/^\d{12,19}$/, key("cardNumber", "format"))
            .refine(passesLuhn, key("cardNumber", "invalid")),
        ),
    ),
    expiry: posted.pipe(
      z
        .string()
        .min(1, key("expiry", "missing"))
        .transform((v, ctx) => {
          const parsed = parseExpiry(v);
          if (!parsed) {
            ctx.addIssue({ code: "custom", message: key("expiry", "format") });
            return z.NEVER;
          }
          return parsed;
        })
        .refine((e) => endOfExpiry(e.month, e.year) > now, key("expiry", "past")),
    ),
    cvc: posted.pipe(
      z
        .string()
        .min(1, key("cvc", "missing"))
        .regex(/^\d{3,4}$/, key("cvc", "format")),
    ),
    cardName: posted.pipe(z.string().min(1, key("cardName", "missing")).max(100, key("cardName", "tooLong"))),
  });
}

export type CardForm = z.infer<ReturnType<typeof cardFormSchema>>;

import { randomInt } from "node:crypto";
import { HttpError } from "../platform/http/errors.js";
import type { sandboxPayments, sandboxRefunds } from "./tables.js";

/**
 * A payment's life at the gateway: `created` until the shopper finishes the
 * hosted page, `pending` while the slow test bank decides, then authorised
 * (and later captured, perhaps refunded), or declined, cancelled or expired.
 */
export const gatewayStatuses = [
  "created",
  "pending",
  "authorised",
  "captured",
  "declined",
  "cancelled",
  "expired",
  "refunded",
] as const;
export type GatewayStatus = (typeof gatewayStatuses)[number];

/** The changes the merchant is told about with a signed notification ("payment.<status>"). */
export const notifiedStatuses: ReadonlySet<GatewayStatus> = new Set([
  "authorised",
  "captured",
  "declined",
  "cancelled",
  "expired",
  "refunded",
]);

export type PaymentRow = typeof sandboxPayments.$inferSelect;
export type RefundRow = typeof sandboxRefunds.$inferSelect;

/** What the API (and every notification) says about a payment. */
export interface PaymentView {
  id: string;
  status: GatewayStatus;
  amount: string;
  currency: string;
  reference: string;
  cardLast4: string | null;
  capturedAmount: string;
  refundedAmount: string;
  createdAt: string;
  updatedAt: string;
}

export function paymentView(row: PaymentRow): PaymentView {
  return {
    id: row.id,
    status: row.status as GatewayStatus,
    amount: row.amount,
    currency: row.currency,
    reference: row.reference,
    cardLast4: row.cardLast4,
    capturedAmount: row.capturedAmount,
    refundedAmount: row.refundedAmount,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface RefundView {
  id: string;
  paymentId: string;
  amount: string;
  createdAt: string;
}

export function refundView(row: RefundRow): RefundView {
  return { id: row.id, paymentId: row.paymentId, amount: row.amount, createdAt: row.createdAt.toISOString() };
}

/** The body of a signed notification. */
export interface NotificationBody {
  eventId: string;
  type: `payment.${GatewayStatus}`;
  createdAt: string;
  payment: PaymentView;
}

/** A decimal amount ("150.00", "7.5", "12") as a whole number of dirhams (hundredths of a riyal). */
export function toCents(amount: string): number {
  const [whole = "0", fraction = ""] = amount.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2));
}

/** Hundredths back to the decimal form the API speaks: 15000 → "150.00". */
export function fromCents(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/** Letters and digits that cannot be mistaken for each other; 32 of them, so every one is equally likely. */
const ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

/** "pay_" or "re_" and 24 random characters. */
export function newId(prefix: "pay" | "re"): string {
  let out = `${prefix}_`;
  for (let i = 0; i < 24; i++) out += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return out;
}

/**
 * A request the gateway refuses: an HTTP status, a stable machine-readable
 * code for the merchant's software, and a catalogue key for the message.
 */
export class GatewayError extends HttpError {
  constructor(
    statusCode: number,
    readonly code: string,
    messageKey: string,
    readonly values: Record<string, string> = {},
    /** For a refused body: each problem's field and catalogue key. */
    readonly issues: { field: string; key: string }[] = [],
  ) {
    super(statusCode, messageKey, code);
  }
}

export const gatewayErrors = {
  notFound: () => new GatewayError(404, "not_found", "sandboxGateway.api.errors.notFound"),
  invalidState: (status: string) => new GatewayError(409, "invalid_state", "sandboxGateway.api.errors.invalidState", { status }),
  refundTooLarge: (remaining: string) =>
    new GatewayError(400, "amount_too_large", "sandboxGateway.api.errors.refundTooLarge", { remaining }),
  idempotencyMismatch: () => new GatewayError(422, "idempotency_mismatch", "sandboxGateway.api.errors.idempotencyMismatch"),
};

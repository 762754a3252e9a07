import { index, integer, jsonb, numeric, pgTable, serial, text, timestamp, unique } from "drizzle-orm/pg-core";

/**
 * The sandbox payment gateway's own records: a stand-in for a bank, kept
 * apart from the portal's tables (the portal reads them only through the
 * gateway's HTTP API).
 */
export const sandboxPayments = pgTable(
  "sandbox_gateway_payments",
  {
    /** "pay_" and 24 random characters. */
    id: text("id").primaryKey(),
    merchant: text("merchant").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    currency: text("currency").notNull(),
    description: text("description").notNull(),
    /** The merchant's own reference (the portal's payment id). */
    reference: text("reference").notNull(),
    returnUrl: text("return_url").notNull(),
    /** Where the gateway posts its signed notifications about this payment. */
    notifyUrl: text("notify_url"),
    /** ar or en: the language of the hosted payment page. */
    language: text("language").notNull(),
    /** created, pending, authorised, captured, declined, cancelled, expired, refunded. */
    status: text("status").notNull(),
    cardLast4: text("card_last4"),
    capturedAmount: numeric("captured_amount", { precision: 12, scale: 2 }).notNull().default("0"),
    refundedAmount: numeric("refunded_amount", { precision: 12, scale: 2 }).notNull().default("0"),
    /** For the "slow bank" test card: when the pending authorisation completes by itself. */
    completesAt: timestamp("completes_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("sandbox_gateway_idempotency").on(t.merchant, t.idempotencyKey),
    index("sandbox_gateway_created_idx").on(t.createdAt),
  ],
);

/** Signed notifications the gateway sends to the merchant, with retries until accepted. */
export const sandboxNotifications = pgTable(
  "sandbox_gateway_notifications",
  {
    id: serial("id").primaryKey(),
    eventId: text("event_id").notNull().unique(),
    paymentId: text("payment_id").notNull(),
    merchant: text("merchant").notNull(),
    body: jsonb("body").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    lastError: text("last_error"),
  },
  (t) => [index("sandbox_gateway_notifications_due_idx").on(t.deliveredAt, t.nextAttemptAt)],
);

/** Each refund of a captured payment, once per idempotency key. */
export const sandboxRefunds = pgTable(
  "sandbox_gateway_refunds",
  {
    /** "re_" and 24 random characters. */
    id: text("id").primaryKey(),
    paymentId: text("payment_id").notNull(),
    merchant: text("merchant").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("sandbox_gateway_refund_idempotency").on(t.merchant, t.idempotencyKey),
    index("sandbox_gateway_refunds_payment_idx").on(t.paymentId),
  ],
);

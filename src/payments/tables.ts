import { date, index, integer, jsonb, numeric, pgTable, serial, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * A payment attempt for a request's fee. Each attempt has its own
 * idempotency key, so retrying a call to the gateway never charges twice.
 */
export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey(),
    caseId: uuid("case_id").notNull(),
    userId: uuid("user_id").notNull(),
    agency: text("agency").notNull(),
    amount: numeric("amount", { precision: 12, scale: 2 }).notNull(),
    currency: text("currency").notNull().default("QAR"),
    /** created, pending, authorised, captured, failed, expired, refunded. */
    status: text("status").notNull(),
    idempotencyKey: text("idempotency_key").notNull().unique(),
    gatewayPaymentId: text("gateway_payment_id").unique(),
    cardLast4: text("card_last4"),
    failureReason: text("failure_reason"),
    refundedAmount: numeric("refunded_amount", { precision: 12, scale: 2 }).notNull().default("0"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** An attempt not finished by then is expired (after asking the gateway). */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    capturedAt: timestamp("captured_at", { withTimezone: true }),
  },
  (t) => [
    index("payments_case_idx").on(t.caseId),
    index("payments_user_idx").on(t.userId),
    index("payments_status_idx").on(t.status, t.expiresAt),
  ],
);

/** Every change of a payment's state, and what caused it (return, notification, reconciliation, officer, expiry). */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: serial("id").primaryKey(),
    paymentId: uuid("payment_id").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    fromStatus: text("from_status"),
    toStatus: text("to_status").notNull(),
    source: text("source").notNull(),
    actorId: uuid("actor_id"),
    detail: jsonb("detail"),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId, t.at)],
);

/** Notifications accepted from the gateway, by their event id: a replayed one is refused. */
export const gatewayNotifications = pgTable("payment_gateway_notifications", {
  eventId: text("event_id").primaryKey(),
  paymentId: uuid("payment_id"),
  receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Each day's comparison of the portal's payments with the gateway's. */
export const reconciliationRuns = pgTable("payment_reconciliations", {
  id: serial("id").primaryKey(),
  day: date("day").notNull().unique(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
  checked: integer("checked").notNull(),
  /** What differed, and what was done about it. */
  differences: jsonb("differences").notNull(),
});

import { randomUUID } from "node:crypto";
import { and, asc, eq, gt, gte, inArray, isNull, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import {
  fromCents,
  type GatewayStatus,
  gatewayErrors,
  type NotificationBody,
  newId,
  notifiedStatuses,
  type PaymentRow,
  paymentView,
  type RefundRow,
  toCents,
} from "./model.js";
import { sandboxNotifications, sandboxPayments, sandboxRefunds } from "./tables.js";

export type NotificationRow = typeof sandboxNotifications.$inferSelect;
type PaymentChanges = Partial<typeof sandboxPayments.$inferInsert>;

export interface NewPayment {
  merchant: string;
  idempotencyKey: string;
  amount: string;
  currency: string;
  description: string;
  reference: string;
  returnUrl: string;
  notifyUrl: string;
  language: string;
}

/**
 * Creates a payment once per idempotency key: a second request with the
 * same key (even at the same moment, which the unique constraint settles)
 * gets the first payment back. A key reused for another amount or
 * reference is refused.
 */
export async function createPayment(db: Db, input: NewPayment, now: Date): Promise<{ payment: PaymentRow; created: boolean }> {
  const [created] = await db
    .insert(sandboxPayments)
    .values({ ...input, id: newId("pay"), status: "created", createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: [sandboxPayments.merchant, sandboxPayments.idempotencyKey] })
    .returning();
  if (created) return { payment: created, created: true };
  const [existing] = await db
    .select()
    .from(sandboxPayments)
    .where(and(eq(sandboxPayments.merchant, input.merchant), eq(sandboxPayments.idempotencyKey, input.idempotencyKey)));
  if (!existing) throw new Error("payment neither created nor found for its idempotency key");
  const same =
    toCents(existing.amount) === toCents(input.amount) &&
    existing.currency === input.currency &&
    existing.reference === input.reference;
  if (!same) throw gatewayErrors.idempotencyMismatch();
  return { payment: existing, created: false };
}

export async function findPayment(db: Db, id: string, merchant?: string): Promise<PaymentRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxPayments)
    .where(merchant ? and(eq(sandboxPayments.id, id), eq(sandboxPayments.merchant, merchant)) : eq(sandboxPayments.id, id));
  return row;
}

/** Payments created from `from` (inclusive) to `to` (exclusive), oldest first. */
export async function paymentsCreatedBetween(db: Db, merchant: string, from: Date, to: Date): Promise<PaymentRow[]> {
  return db
    .select()
    .from(sandboxPayments)
    .where(and(eq(sandboxPayments.merchant, merchant), gte(sandboxPayments.createdAt, from), lt(sandboxPayments.createdAt, to)))
    .orderBy(asc(sandboxPayments.createdAt), asc(sandboxPayments.id));
}

function notificationFor(payment: PaymentRow, now: Date): typeof sandboxNotifications.$inferInsert {
  const eventId = randomUUID();
  const body: NotificationBody = {
    eventId,
    type: `payment.${payment.status as GatewayStatus}`,
    createdAt: now.toISOString(),
    payment: paymentView(payment),
  };
  return { eventId, paymentId: payment.id, merchant: payment.merchant, body, nextAttemptAt: now };
}

/**
 * Moves every payment matching `where` to `to`, and records the signed
 * notification of each change in the same transaction, so a change is never
 * without its notification nor a notification without its change.
 */
export async function changeStatus(
  db: Db,
  where: SQL | undefined,
  to: GatewayStatus,
  now: Date,
  changes: PaymentChanges = {},
): Promise<PaymentRow[]> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(sandboxPayments)
      .set({ ...changes, status: to, updatedAt: now })
      .where(where)
      .returning();
    if (rows.length > 0 && notifiedStatuses.has(to)) {
      await tx.insert(sandboxNotifications).values(rows.map((row) => notificationFor(row, now)));
    }
    return rows;
  });
}

/** Conditions naming one payment in one of the given states. */
export function paymentIn(id: string, statuses: GatewayStatus[]): SQL | undefined {
  return and(eq(sandboxPayments.id, id), inArray(sandboxPayments.status, statuses));
}

/** Conditions naming the payments still "created" that were created at or before `cutoff`. */
export function staleCreated(cutoff: Date): SQL | undefined {
  return and(eq(sandboxPayments.status, "created"), lte(sandboxPayments.createdAt, cutoff));
}

/** Conditions naming the slow bank's payments whose time has come. */
export function slowPaymentsDue(now: Date): SQL | undefined {
  return and(eq(sandboxPayments.status, "pending"), lte(sandboxPayments.completesAt, now));
}

/** Conditions naming a payment the shopper may still pay: "created" and not yet stale. */
export function payable(id: string, cutoff: Date): SQL | undefined {
  return and(eq(sandboxPayments.id, id), eq(sandboxPayments.status, "created"), gt(sandboxPayments.createdAt, cutoff));
}

/**
 * Refunds part or all of a captured payment, once per idempotency key: the
 * payment row is locked, so refunds of one payment take turns and never
 * exceed what was captured. A full refund makes the payment "refunded".
 */
export async function refundPayment(
  db: Db,
  input: { merchant: string; paymentId: string; idempotencyKey: string; amount: string },
  now: Date,
): Promise<{ refund: RefundRow; payment: PaymentRow; created: boolean }> {
  return db.transaction(async (tx) => {
    const [payment] = await tx
      .select()
      .from(sandboxPayments)
      .where(and(eq(sandboxPayments.id, input.paymentId), eq(sandboxPayments.merchant, input.merchant)))
      .for("update");
    if (!payment) throw gatewayErrors.notFound();
    const [earlier] = await tx
      .select()
      .from(sandboxRefunds)
      .where(and(eq(sandboxRefunds.merchant, input.merchant), eq(sandboxRefunds.idempotencyKey, input.idempotencyKey)));
    if (earlier) {
      if (earlier.paymentId !== payment.id || toCents(earlier.amount) !== toCents(input.amount)) {
        throw gatewayErrors.idempotencyMismatch();
      }
      return { refund: earlier, payment, created: false };
    }
    if (payment.status !== "captured") throw gatewayErrors.invalidState(payment.status);
    const captured = toCents(payment.capturedAmount);
    const refunded = toCents(payment.refundedAmount) + toCents(input.amount);
    if (refunded > captured) throw gatewayErrors.refundTooLarge(fromCents(captured - toCents(payment.refundedAmount)));
    const [refund] = await tx
      .insert(sandboxRefunds)
      .values({
        id: newId("re"),
        paymentId: payment.id,
        merchant: input.merchant,
        idempotencyKey: input.idempotencyKey,
        amount: fromCents(toCents(input.amount)),
        createdAt: now,
      })
      .returning();
    const status: GatewayStatus = refunded === captured ? "refunded" : "captured";
    const [updated] = await tx
      .update(sandboxPayments)
      .set({ refundedAmount: fromCents(refunded), status, updatedAt: now })
      .where(eq(sandboxPayments.id, payment.id))
      .returning();
    if (!refund || !updated) throw new Error("refund not recorded");
    if (status === "refunded") await tx.insert(sandboxNotifications).values(notificationFor(updated, now));
    return { refund, payment: updated, created: true };
  });
}

/**
 * Takes up to `limit` notifications due for delivery. The rows are chosen
 * with FOR UPDATE SKIP LOCKED, so instances running at once take different
 * ones, and leased (their next attempt moved past the delivery's time
 * limit), so no other instance takes them while they are being sent; one
 * whose deliverer died is taken again when the lease ends.
 */
export async function claimDueNotifications(
  db: Db,
  now: Date,
  { limit, leaseSeconds, maxAttempts }: { limit: number; leaseSeconds: number; maxAttempts: number },
): Promise<(NotificationRow & { notifyUrl: string | null })[]> {
  const due = db
    .select({ id: sandboxNotifications.id })
    .from(sandboxNotifications)
    .where(
      and(
        isNull(sandboxNotifications.deliveredAt),
        lte(sandboxNotifications.nextAttemptAt, now),
        lt(sandboxNotifications.attempts, maxAttempts),
      ),
    )
    .orderBy(asc(sandboxNotifications.nextAttemptAt), asc(sandboxNotifications.id))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(sandboxNotifications)
    .set({
      attempts: sql`${sandboxNotifications.attempts} + 1`,
      nextAttemptAt: new Date(now.getTime() + leaseSeconds * 1000),
    })
    .where(inArray(sandboxNotifications.id, due))
    .returning();
  if (claimed.length === 0) return [];
  const targets = await db
    .select({ id: sandboxPayments.id, notifyUrl: sandboxPayments.notifyUrl })
    .from(sandboxPayments)
    .where(
      inArray(
        sandboxPayments.id,
        claimed.map((n) => n.paymentId),
      ),
    );
  const urls = new Map(targets.map((t) => [t.id, t.notifyUrl]));
  return claimed.map((n) => ({ ...n, notifyUrl: urls.get(n.paymentId) ?? null }));
}

export async function markDelivered(db: Db, id: number, at: Date): Promise<void> {
  await db.update(sandboxNotifications).set({ deliveredAt: at, lastError: null }).where(eq(sandboxNotifications.id, id));
}

export async function scheduleRetry(db: Db, id: number, at: Date, error: string): Promise<void> {
  await db
    .update(sandboxNotifications)
    .set({ nextAttemptAt: at, lastError: error.slice(0, 500) })
    .where(eq(sandboxNotifications.id, id));
}

export async function notificationsOf(db: Db, paymentId: string): Promise<NotificationRow[]> {
  return db
    .select()
    .from(sandboxNotifications)
    .where(eq(sandboxNotifications.paymentId, paymentId))
    .orderBy(asc(sandboxNotifications.id));
}

import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { dohaDayStart } from "../platform/time/doha.js";
import type { PaymentStatus } from "./states.js";
import { gatewayNotifications, paymentEvents, payments, reconciliationRuns } from "./tables.js";

export type Payment = typeof payments.$inferSelect;
export type PaymentEvent = typeof paymentEvents.$inferSelect;

/** What caused a change: the person's return, the gateway's notification, a job, an officer. */
export type ChangeSource = "start" | "return" | "notification" | "expiry" | "reconciliation" | "officer" | "duplicate";

/** A new attempt; the same attempt id twice (a double click) gives the one attempt. */
export async function createAttempt(
  db: Db,
  a: { id: string; caseId: string; userId: string; agency: string; amount: string; expiresAt: Date },
): Promise<Payment> {
  const [created] = await db
    .insert(payments)
    .values({ ...a, status: "created", idempotencyKey: a.id })
    .onConflictDoNothing()
    .returning();
  if (created) {
    await db.insert(paymentEvents).values({ paymentId: a.id, toStatus: "created", source: "start", actorId: a.userId });
    return created;
  }
  const existing = await findPayment(db, a.id);
  if (!existing) throw new Error("payment attempt vanished");
  return existing;
}

export async function findPayment(db: Db, id: string): Promise<Payment | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row;
}

export async function findByGatewayId(db: Db, gatewayId: string): Promise<Payment | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.gatewayPaymentId, gatewayId));
  return row;
}

/** The payment, held until the transaction ends, so two changes to it happen one after the other. */
export async function lockPayment(tx: Db, id: string): Promise<Payment | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for("update");
  return row;
}

/** Changes a payment and records the step, in the caller's transaction. */
export async function changePayment(
  tx: Db,
  p: Payment,
  change: Partial<Pick<Payment, "status" | "gatewayPaymentId" | "cardLast4" | "failureReason" | "refundedAmount" | "capturedAt">>,
  event: { source: ChangeSource; actorId?: string | null; detail?: Record<string, unknown> },
): Promise<Payment> {
  const [updated] = await tx
    .update(payments)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(payments.id, p.id))
    .returning();
  if (change.status && change.status !== p.status) {
    await tx.insert(paymentEvents).values({
      paymentId: p.id,
      fromStatus: p.status,
      toStatus: change.status,
      source: event.source,
      actorId: event.actorId ?? null,
      detail: event.detail ?? null,
    });
  }
  return updated ?? p;
}

export async function paymentsOf(db: Db, userId: string, limit = 50): Promise<Payment[]> {
  return db.select().from(payments).where(eq(payments.userId, userId)).orderBy(desc(payments.createdAt)).limit(limit);
}

export async function paymentsOfCase(db: Db, caseId: string): Promise<Payment[]> {
  return db.select().from(payments).where(eq(payments.caseId, caseId)).orderBy(desc(payments.createdAt));
}

/** Unfinished attempts past their time. */
export async function expiredAttempts(db: Db, limit = 100): Promise<Payment[]> {
  const waiting: PaymentStatus[] = ["created", "pending", "authorised"];
  return db
    .select()
    .from(payments)
    .where(and(inArray(payments.status, waiting), lt(payments.expiresAt, new Date())))
    .limit(limit);
}

/** Payments attempted on a Doha day. */
export async function paymentsOnDay(db: Db, day: string): Promise<Payment[]> {
  return db
    .select()
    .from(payments)
    .where(and(gte(payments.createdAt, dohaDayStart(day)), lt(payments.createdAt, dohaDayStart(day, 1))));
}

/**
 * Records a gateway notification's event id; false when it was seen before
 * (a replay), so each notification is acted on once.
 */
export async function firstTimeSeen(db: Db, eventId: string, paymentId: string | undefined): Promise<boolean> {
  const rows = await db
    .insert(gatewayNotifications)
    .values({ eventId, paymentId: paymentId ?? null })
    .onConflictDoNothing()
    .returning({ eventId: gatewayNotifications.eventId });
  return rows.length > 0;
}

/** Forgets a notification that could not be acted on, so the gateway's retry is. */
export async function forgetNotification(db: Db, eventId: string): Promise<void> {
  await db.delete(gatewayNotifications).where(eq(gatewayNotifications.eventId, eventId));
}

/** Claims a day's reconciliation (one instance runs it); false when it ran already. */
export async function claimReconciliation(db: Db, day: string): Promise<boolean> {
  const rows = await db
    .insert(reconciliationRuns)
    .values({ day, checked: 0, differences: [] })
    .onConflictDoNothing()
    .returning({ id: reconciliationRuns.id });
  return rows.length > 0;
}

export async function saveReconciliation(db: Db, day: string, checked: number, differences: unknown[]): Promise<void> {
  await db.update(reconciliationRuns).set({ checked, differences, ranAt: new Date() }).where(eq(reconciliationRuns.day, day));
}

export async function findReconciliation(db: Db, day: string) {
  const [row] = await db.select().from(reconciliationRuns).where(eq(reconciliationRuns.day, day));
  return row;
}

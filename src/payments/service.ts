import type { FastifyBaseLogger } from "fastify";
import { findUser } from "../accounts/service.js";
import { type AuditEntry, fieldsOf, recordAudit } from "../audit/log.js";
import { advanceCase, type Case, findCaseById, findDefinition } from "../eservices/service.js";
import type { Definition } from "../forms/engine/definition.js";
import { moneyBoth } from "../forms/money.js";
import type { Notifier } from "../notifications/notifier.js";
import { type Db, inTransaction } from "../platform/db/client.js";
import { type Locale, localizePath } from "../platform/i18n/locales.js";
import { addWorkingDays } from "../platform/time/working-days.js";
import type { GatewayPayment, PaymentGateway } from "./gateway.js";
import {
  type ChangeSource,
  changePayment,
  createAttempt,
  findPayment,
  lockPayment,
  type Payment,
  paymentsOfCase,
} from "./repository.js";
import { canMove, fromDirhams, fromGateway, type PaymentStatus, toDirhams } from "./states.js";

export interface PaymentSettings {
  baseUrl: string;
  expiryMinutes: number;
}

/** The number printed on a receipt: short, from the payment's id. */
export const receiptNumber = (p: Payment) => `R-${p.id.slice(0, 8).toUpperCase()}`;

/** Where the person sees a payment's outcome and its receipt. */
export const paymentPath = (id: string) => `/my/payments/${id}`;

/**
 * Fees paid through the gateway. The portal never trusts what comes back
 * with the person: it asks the gateway (on return, on a signed
 * notification, when an attempt expires, in the daily reconciliation), and
 * every change of state is made under a lock on the payment, so the same
 * news arriving twice changes nothing the second time.
 */
export class Payments {
  constructor(
    private readonly db: Db,
    readonly gateway: PaymentGateway,
    private readonly notifier: Notifier,
    private readonly settings: PaymentSettings,
    private readonly log: FastifyBaseLogger,
  ) {}

  get database(): Db {
    return this.db;
  }

  /** Starts (or, for the same attempt id, resumes) a payment of a request's fee; returns the gateway's page. */
  async start(kase: Case, def: Definition, attemptId: string, locale: Locale): Promise<{ url: string } | { paid: true }> {
    const earlier = await paymentsOfCase(this.db, kase.id);
    if (kase.status !== "payment-due" || earlier.some((p) => p.status === "captured")) return { paid: true };
    const attempt = await createAttempt(this.db, {
      id: attemptId,
      caseId: kase.id,
      userId: kase.userId,
      agency: kase.agency,
      amount: kase.feeAmount,
      expiresAt: new Date(Date.now() + this.settings.expiryMinutes * 60_000),
    });
    if (attempt.caseId !== kase.id) return { paid: true };
    const created = await this.gateway.create(
      {
        amount: attempt.amount,
        description: def.title[locale],
        reference: kase.reference,
        returnUrl: `${this.settings.baseUrl}${localizePath(locale, `/payments/${attempt.id}/return`)}`,
        notifyUrl: `${this.settings.baseUrl}/api/v1/payments/notifications`,
        language: locale,
      },
      attempt.idempotencyKey,
    );
    await inTransaction(this.db, async (tx) => {
      const p = await lockPayment(tx, attempt.id);
      if (p?.status === "created") {
        await changePayment(
          tx,
          p,
          { status: "pending", gatewayPaymentId: created.id },
          { source: "start", actorId: kase.userId },
        );
      }
    });
    return { url: created.paymentUrl };
  }

  /** Asks the gateway about a payment and records what it says; an authorised payment is captured. */
  async sync(paymentId: string, source: ChangeSource): Promise<Payment | undefined> {
    const p = await findPayment(this.db, paymentId);
    if (!p?.gatewayPaymentId) return p;
    let g = await this.gateway.get(p.gatewayPaymentId);
    if (g.status === "authorised") g = await this.gateway.capture(g.id);
    return this.apply(p.id, g, source);
  }

  /** Records the gateway's view of a payment, under a lock; the case moves on once its fee is captured. */
  async apply(
    paymentId: string,
    g: GatewayPayment,
    source: ChangeSource,
    actorId?: string,
    audited?: Pick<AuditEntry, "actor" | "requestId">,
  ): Promise<Payment | undefined> {
    let duplicate: Payment | undefined;
    const result = await inTransaction(this.db, async (tx) => {
      const p = await lockPayment(tx, paymentId);
      if (!p) return undefined;
      const target = fromGateway(g);
      const refundedBefore = toDirhams(p.refundedAmount);
      const refundedNow = toDirhams(g.refundedAmount);
      const moves = target.status !== p.status && canMove(p.status as PaymentStatus, target.status);
      if (!moves && refundedNow === refundedBefore) {
        if (target.status !== p.status)
          this.log.warn({ payment: p.id, from: p.status, to: target.status }, "payment change ignored");
        return p;
      }
      const updated = await changePayment(
        tx,
        p,
        {
          ...(moves ? { status: target.status } : {}),
          cardLast4: g.cardLast4 ?? p.cardLast4,
          failureReason: target.reason ?? p.failureReason,
          refundedAmount: fromDirhams(Math.max(refundedNow, refundedBefore)),
          ...(target.status === "captured" && !p.capturedAt ? { capturedAt: new Date() } : {}),
        },
        { source, actorId: actorId ?? null, detail: { gateway: g.status } },
      );
      if (moves && target.status === "captured") {
        const paidFor = await this.caseIsPaid(tx, updated);
        if (!paidFor) duplicate = updated;
      }
      if (refundedNow > refundedBefore) await this.tell(tx, updated, "refunded", fromDirhams(refundedNow - refundedBefore));
      if (audited && refundedNow > refundedBefore) {
        const keys = ["status", "refundedAmount"] as const;
        await recordAudit(tx, {
          ...audited,
          action: "payment.refunded",
          objectType: "payment",
          objectId: p.id,
          agency: p.agency,
          before: fieldsOf(p, keys),
          after: fieldsOf(updated, keys),
        });
      }
      return updated;
    });
    // A second payment for a fee already paid (two tabs): its money goes back.
    if (duplicate?.gatewayPaymentId) {
      const refunded = await this.gateway.refund(duplicate.gatewayPaymentId, duplicate.amount, `duplicate-${duplicate.id}`);
      return this.apply(duplicate.id, refunded, "duplicate");
    }
    return result;
  }

  /** Moves the case from "payment due" to "submitted" and tells the person; false when it was paid already. */
  private async caseIsPaid(tx: Db, p: Payment): Promise<boolean> {
    const kase = await findCaseById(tx, p.caseId);
    const def = kase ? await findDefinition(tx, kase.eservice, kase.version) : undefined;
    if (!kase || !def) return false;
    const now = new Date();
    const moved = await advanceCase(
      tx,
      kase.id,
      ["payment-due"],
      { status: "submitted", submittedAt: now, dueAt: addWorkingDays(now, def.targetDays) },
      { kind: "paid", actorId: p.userId },
      (inner, updated) => this.tell(inner, p, "payment-received", p.amount, updated, def),
    );
    return moved !== undefined;
  }

  private async tell(
    tx: Db,
    p: Payment,
    event: "payment-received" | "refunded",
    amount: string,
    known?: Case,
    knownDef?: Definition,
  ): Promise<void> {
    const kase = known ?? (await findCaseById(tx, p.caseId));
    const def = knownDef ?? (kase ? await findDefinition(tx, kase.eservice, kase.version) : undefined);
    const user = await findUser(tx, p.userId);
    if (!kase || !def || !user) return;
    await this.notifier.record(
      tx,
      user,
      event,
      { service: def.title, reference: kase.reference, amount: moneyBoth(amount), receipt: receiptNumber(p) },
      paymentPath(p.id),
    );
  }

  /** An officer gives back some or all of a captured fee; the key makes a repeated click one refund. */
  async refund(
    p: Payment,
    amount: string,
    key: string,
    officerId: string,
    audited?: Pick<AuditEntry, "actor" | "requestId">,
  ): Promise<Payment | undefined> {
    if (!p.gatewayPaymentId) return p;
    const g = await this.gateway.refund(p.gatewayPaymentId, amount, key);
    return this.apply(p.id, g, "officer", officerId, audited);
  }
}

/** What may still be refunded of a payment, in dirhams. */
export function refundable(p: Payment): number {
  return p.status === "captured" ? toDirhams(p.amount) - toDirhams(p.refundedAmount) : 0;
}

/** The payment, if it is this person's. */
export async function ownPayment(db: Db, userId: string, id: string): Promise<Payment | undefined> {
  const p = await findPayment(db, id);
  return p?.userId === userId ? p : undefined;
}

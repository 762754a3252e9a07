import type { FastifyBaseLogger } from "fastify";
import { signatureHeaders } from "../payments/signature.js";
import type { Db } from "../platform/db/client.js";
import type { Locale } from "../platform/i18n/locales.js";
import { Periodic } from "../platform/jobs/periodic.js";
import { type CardForm, outcomeOf } from "./cards.js";
import { gatewayErrors, type PaymentRow } from "./model.js";
import {
  changeStatus,
  claimDueNotifications,
  createPayment,
  findPayment,
  markDelivered,
  type NewPayment,
  type NotificationRow,
  payable,
  paymentIn,
  paymentsCreatedBetween,
  refundPayment,
  scheduleRetry,
  slowPaymentsDue,
  staleCreated,
} from "./repository.js";

export interface GatewaySettings {
  /** The one merchant the sandbox knows, and its API secret. */
  merchantId: string;
  merchantSecret: string;
  /** The key notifications are signed with. */
  notifySecret: string;
  /** The public address the hosted pages are reached at. */
  baseUrl: string;
  /** Minutes after which a payment nobody finished expires. */
  expiryMinutes: number;
  /** Seconds the slow test bank takes to authorise. */
  slowCardSeconds: number;
}

/** Milliseconds a merchant has to answer a notification. */
const DELIVERY_TIMEOUT_MS = 10_000;
/** How long a notification being sent is held from other instances (longer than the timeout). */
const LEASE_SECONDS = 60;
/** Attempts before the gateway gives up on a notification (about a day of trying). */
export const MAX_DELIVERY_ATTEMPTS = 30;
const BATCH = 20;

/** Seconds before the next try after `attempts` failed ones: 5, 10, 20, 40… at most an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
}

/** The merchant's return address with "payment=<id>" added to its query (kept, with any fragment). */
export function returnAddress(returnUrl: string, paymentId: string): string {
  const hashAt = returnUrl.indexOf("#");
  const base = hashAt < 0 ? returnUrl : returnUrl.slice(0, hashAt);
  const hash = hashAt < 0 ? "" : returnUrl.slice(hashAt);
  const joiner = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${joiner}payment=${encodeURIComponent(paymentId)}${hash}`;
}

/** The hosted payment page's path in a language. */
export function payPath(locale: Locale, id: string): string {
  return locale === "en" ? `/sandbox-gateway/en/pay/${id}` : `/sandbox-gateway/pay/${id}`;
}

/**
 * The sandbox bank: takes payments from the merchant's API calls, lets the
 * shopper pay on its hosted page, and tells the merchant of every change
 * with signed notifications, retried until accepted. Background work (the
 * slow bank, expiry, deliveries) runs in `runDue`, on a timer or by hand.
 */
export class SandboxGateway {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    readonly settings: GatewaySettings,
    private readonly log: FastifyBaseLogger,
    private readonly send: typeof fetch = fetch,
  ) {
    this.periodic = new Periodic(() => this.runDue(), log, "sandbox gateway work");
  }

  /** Where the shopper pays: the hosted page in the payment's language. */
  paymentUrl(payment: Pick<PaymentRow, "id" | "language">): string {
    return `${this.settings.baseUrl}${payPath(payment.language === "en" ? "en" : "ar", payment.id)}`;
  }

  private expiryCutoff(now: Date): Date {
    return new Date(now.getTime() - this.settings.expiryMinutes * 60_000);
  }

  async create(input: NewPayment, now = new Date()) {
    return createPayment(this.db, input, now);
  }

  /**
   * A payment as it stands now: one left "created" too long is expired, and
   * the slow bank's answer is taken once its time has come, even between
   * runs of the background work.
   */
  async current(id: string, merchant?: string, now = new Date()): Promise<PaymentRow | undefined> {
    const row = await findPayment(this.db, id, merchant);
    if (!row) return undefined;
    if (row.status === "created" && row.createdAt <= this.expiryCutoff(now)) {
      await changeStatus(this.db, paymentIn(id, ["created"]), "expired", now);
      return findPayment(this.db, id, merchant);
    }
    if (row.status === "pending" && row.completesAt && row.completesAt <= now) {
      await changeStatus(this.db, paymentIn(id, ["pending"]), "authorised", now);
      return findPayment(this.db, id, merchant);
    }
    return row;
  }

  /** The shopper pays with a card that passed the form's checks; undefined when the payment can no longer be paid. */
  async pay(id: string, card: CardForm, now = new Date()): Promise<PaymentRow | undefined> {
    const outcome = outcomeOf(card.cardNumber);
    const cardLast4 = card.cardNumber.slice(-4);
    const where = payable(id, this.expiryCutoff(now));
    const [row] =
      outcome === "slow"
        ? await changeStatus(this.db, where, "pending", now, {
            cardLast4,
            completesAt: new Date(now.getTime() + this.settings.slowCardSeconds * 1000),
          })
        : await changeStatus(this.db, where, outcome, now, { cardLast4 });
    return row;
  }

  /** The shopper cancels on the hosted page; undefined when the payment is already finished. */
  async cancel(id: string, now = new Date()): Promise<PaymentRow | undefined> {
    const [row] = await changeStatus(this.db, payable(id, this.expiryCutoff(now)), "cancelled", now);
    return row;
  }

  /** Takes the authorised amount; capturing a captured payment again changes nothing. */
  async capture(merchant: string, id: string, now = new Date()): Promise<PaymentRow> {
    const before = await this.current(id, merchant, now);
    if (!before) throw gatewayErrors.notFound();
    if (before.status === "captured") return before;
    if (before.status !== "authorised") throw gatewayErrors.invalidState(before.status);
    const [captured] = await changeStatus(this.db, paymentIn(id, ["authorised"]), "captured", now, {
      capturedAmount: before.amount,
    });
    if (captured) return captured;
    const after = await findPayment(this.db, id, merchant);
    if (after?.status === "captured") return after;
    throw gatewayErrors.invalidState(after?.status ?? "unknown");
  }

  async refund(merchant: string, id: string, idempotencyKey: string, amount: string, now = new Date()) {
    return refundPayment(this.db, { merchant, paymentId: id, idempotencyKey, amount }, now);
  }

  /** Payments created on the UTC days from `from` to `to`, both included ("2026-03-01"). */
  async createdOnDays(merchant: string, from: string, to: string): Promise<PaymentRow[]> {
    const start = new Date(`${from}T00:00:00Z`);
    const end = new Date(new Date(`${to}T00:00:00Z`).getTime() + 86_400_000);
    return paymentsCreatedBetween(this.db, merchant, start, end);
  }

  /** One pass of the background work: the slow bank's answers, expiry, then the notifications due. */
  async runDue(now = new Date()): Promise<void> {
    const authorised = await changeStatus(this.db, slowPaymentsDue(now), "authorised", now);
    const expired = await changeStatus(this.db, staleCreated(this.expiryCutoff(now)), "expired", now);
    const delivered = await this.deliverDue(now);
    if (authorised.length || expired.length || delivered) {
      this.log.info(
        { authorised: authorised.length, expired: expired.length, notifications: delivered },
        "sandbox gateway work done",
      );
    }
  }

  /** Sends every notification due at `now`; returns how many were tried. */
  private async deliverDue(now: Date): Promise<number> {
    let tried = 0;
    for (;;) {
      const batch = await claimDueNotifications(this.db, now, {
        limit: BATCH,
        leaseSeconds: LEASE_SECONDS,
        maxAttempts: MAX_DELIVERY_ATTEMPTS,
      });
      await Promise.all(batch.map((n) => this.deliver(n, now)));
      tried += batch.length;
      if (batch.length < BATCH) return tried;
    }
  }

  private async deliver(n: NotificationRow & { notifyUrl: string | null }, now: Date): Promise<void> {
    const body = JSON.stringify(n.body);
    try {
      if (!n.notifyUrl) throw new Error("the payment has no notification address");
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await this.send(n.notifyUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...signatureHeaders(this.settings.notifySecret, timestamp, body) },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status < 200 || response.status >= 300) throw new Error(`the merchant answered ${response.status}`);
      await markDelivered(this.db, n.id, new Date());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const giveUp = n.attempts >= MAX_DELIVERY_ATTEMPTS;
      await scheduleRetry(this.db, n.id, new Date(now.getTime() + retryDelaySeconds(n.attempts) * 1000), message);
      this.log.warn(
        { event: n.eventId, attempts: n.attempts, giveUp, error: message },
        "sandbox gateway notification not accepted",
      );
    }
  }

  /** Runs `runDue` every `intervalSeconds` (0: never; tests call it by hand). */
  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

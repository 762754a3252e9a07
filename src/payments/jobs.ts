import type { FastifyBaseLogger } from "fastify";
import { type Db, inTransaction } from "../platform/db/client.js";
import { Periodic } from "../platform/jobs/periodic.js";
import { addDays, dohaDayStart, dohaToday } from "../platform/time/doha.js";
import { GatewayUnavailable } from "./gateway.js";
import {
  changePayment,
  claimReconciliation,
  expiredAttempts,
  findByGatewayId,
  lockPayment,
  paymentsOnDay,
  saveReconciliation,
} from "./repository.js";
import type { Payments } from "./service.js";
import { fromGateway, unfinished } from "./states.js";

/** A difference the reconciliation found, and what it did about it. */
export interface Difference {
  kind: "unknown-at-portal" | "missing-at-gateway" | "status" | "amount";
  payment?: string;
  gatewayPayment?: string;
  portal?: string;
  gateway?: string;
  /** The portal's record was brought in line with the gateway's. */
  fixed?: boolean;
}

/**
 * The payment jobs: attempts left unfinished past their time are asked
 * about once more and then expired; each day, once, the portal's payments
 * of the day before are compared with the gateway's, and what the gateway
 * knows to be paid is recorded (a payment finished after the person closed
 * the browser is never lost).
 */
export class PaymentJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly payments: Payments,
    private readonly log: FastifyBaseLogger,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "payment jobs");
  }

  async runOnce(now = new Date()): Promise<{ expired: number; reconciled: boolean }> {
    const expired = await this.expire();
    const yesterday = addDays(dohaToday(now), -1);
    const reconciled = (await this.reconcile(yesterday)) !== undefined;
    return { expired, reconciled };
  }

  /** Expires unfinished attempts past their time, unless the gateway says they were paid after all. */
  async expire(): Promise<number> {
    let count = 0;
    for (const p of await expiredAttempts(this.db)) {
      if (p.gatewayPaymentId) {
        try {
          const after = await this.payments.sync(p.id, "expiry");
          if (after && !unfinished.includes(after.status as (typeof unfinished)[number])) continue;
        } catch (error) {
          if (!(error instanceof GatewayUnavailable)) throw error;
          // The gateway is not answering: expire at the portal; reconciliation catches a late payment.
        }
      }
      const expired = await inTransaction(this.db, async (tx) => {
        const locked = await lockPayment(tx, p.id);
        if (!locked || !unfinished.includes(locked.status as (typeof unfinished)[number])) return false;
        await changePayment(tx, locked, { status: "expired" }, { source: "expiry" });
        return true;
      });
      if (expired) count++;
    }
    return count;
  }

  /**
   * Compares a Doha day's payments with the gateway's, once per day across
   * every instance; returns the differences, or undefined when that day was
   * done already.
   */
  async reconcile(day: string): Promise<Difference[] | undefined> {
    if (!(await claimReconciliation(this.db, day))) return undefined;
    const differences: Difference[] = [];
    // The gateway lists by UTC day: the two UTC days a Doha day straddles, kept to the Doha day.
    const [start, end] = [dohaDayStart(day).getTime(), dohaDayStart(day, 1).getTime()];
    const theirs = (await this.payments.gateway.list(addDays(day, -1), day)).filter((g) => {
      const at = Date.parse(g.createdAt);
      return at >= start && at < end;
    });
    const ours = await paymentsOnDay(this.db, day);
    const seen = new Set<string>();
    for (const g of theirs) {
      seen.add(g.id);
      const p = await findByGatewayId(this.db, g.id);
      if (!p) {
        differences.push({ kind: "unknown-at-portal", gatewayPayment: g.id, gateway: g.status });
        continue;
      }
      if (p.amount !== g.amount) {
        differences.push({ kind: "amount", payment: p.id, gatewayPayment: g.id, portal: p.amount, gateway: g.amount });
      }
      if (fromGateway(g).status !== p.status || p.refundedAmount !== g.refundedAmount) {
        const after = await this.payments.apply(
          p.id,
          g.status === "authorised" ? await this.payments.gateway.capture(g.id) : g,
          "reconciliation",
        );
        differences.push({
          kind: "status",
          payment: p.id,
          gatewayPayment: g.id,
          portal: p.status,
          gateway: g.status,
          fixed: after?.status !== p.status,
        });
      }
    }
    for (const p of ours) {
      if (p.gatewayPaymentId && !seen.has(p.gatewayPaymentId)) {
        differences.push({ kind: "missing-at-gateway", payment: p.id, gatewayPayment: p.gatewayPaymentId, portal: p.status });
      }
    }
    await saveReconciliation(this.db, day, theirs.length, differences);
    if (differences.length) this.log.warn({ day, differences }, "payment reconciliation found differences");
    return differences;
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

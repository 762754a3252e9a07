import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../platform/db/client.js";
import { Periodic } from "../platform/jobs/periodic.js";
import type { Mailer, SmsSender } from "../platform/messaging/senders.js";
import { outboxMessages } from "./tables.js";

export type OutboxMessage = typeof outboxMessages.$inferSelect;

/** Seconds before each retry: quick at first, then patient (the mail server may be down for a while). */
const BACKOFF_SECONDS = [10, 30, 120, 600, 1800, 3600, 3 * 3600, 6 * 3600];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
/** How long a worker holds a message it is sending; a crashed worker's messages are taken again after. */
const LEASE_SECONDS = 120;

/** Adds a message to the outbox, inside the caller's transaction. */
export async function enqueue(
  tx: Db,
  m: { notificationId?: string; channel: "email" | "sms"; recipient: string; subject?: string; body: string; locale: string },
): Promise<void> {
  await tx.insert(outboxMessages).values({
    id: randomUUID(),
    notificationId: m.notificationId ?? null,
    channel: m.channel,
    recipient: m.recipient,
    subject: m.subject ?? null,
    body: m.body,
    locale: m.locale,
  });
}

/**
 * Sends what the outbox holds. Messages are claimed (status "sending" with
 * a lease) by one statement that skips rows another instance holds, so
 * each is sent by one worker; a failure is retried with back-off, and
 * given up after the last attempt.
 */
export class OutboxWorker {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly sms: SmsSender,
    private readonly log: FastifyBaseLogger,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "sending the outbox");
  }

  private async claim(limit: number): Promise<OutboxMessage[]> {
    const now = new Date();
    const due = this.db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        or(
          and(eq(outboxMessages.status, "pending"), lte(outboxMessages.nextAttemptAt, now)),
          and(eq(outboxMessages.status, "sending"), lt(outboxMessages.lockedUntil, now)),
        ),
      )
      .orderBy(asc(outboxMessages.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    return this.db
      .update(outboxMessages)
      .set({
        status: "sending",
        lockedUntil: new Date(now.getTime() + LEASE_SECONDS * 1000),
        attempts: sql`${outboxMessages.attempts} + 1`,
      })
      .where(inArray(outboxMessages.id, due))
      .returning();
  }

  private async deliver(m: OutboxMessage): Promise<void> {
    try {
      if (m.channel === "email")
        await this.mailer.send({ id: m.id, to: m.recipient, subject: m.subject ?? "", text: m.body, locale: m.locale });
      else await this.sms.send({ to: m.recipient, text: m.body });
      await this.db
        .update(outboxMessages)
        .set({ status: "sent", sentAt: new Date(), lockedUntil: null, lastError: null })
        .where(eq(outboxMessages.id, m.id));
    } catch (error) {
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      const wait = BACKOFF_SECONDS[Math.min(m.attempts - 1, BACKOFF_SECONDS.length - 1)] ?? 3600;
      await this.db
        .update(outboxMessages)
        .set({
          status: giveUp ? "failed" : "pending",
          lockedUntil: null,
          nextAttemptAt: new Date(Date.now() + wait * 1000),
          lastError: String((error as Error).message ?? error).slice(0, 500),
        })
        .where(eq(outboxMessages.id, m.id));
      this.log.warn({ err: error, message: m.id, attempts: m.attempts, giveUp }, "a message could not be sent");
    }
  }

  /** One pass: sends every message due now (in batches). Returns how many were tried. */
  async runOnce(batch = 50): Promise<number> {
    let tried = 0;
    for (;;) {
      const claimed = await this.claim(batch);
      for (const m of claimed) await this.deliver(m);
      tried += claimed.length;
      if (claimed.length < batch) return tried;
    }
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

import type { FastifyBaseLogger } from "fastify";
import { findUser } from "../accounts/service.js";
import { latestDefinition } from "../eservices/service.js";
import type { Notifier } from "../notifications/notifier.js";
import { type Db, inTransaction } from "../platform/db/client.js";
import { formatDate } from "../platform/i18n/format.js";
import { Periodic } from "../platform/jobs/periodic.js";
import { dohaNoon } from "../platform/time/doha.js";
import { documentPath } from "./codes.js";
import { claimExpiryReminders } from "./repository.js";
import { EXPIRY_NOTICE_DAYS } from "./validity.js";

/**
 * Proactive renewal: tells holders of renewable documents that expire
 * within the notice period, once per document, with a link to the
 * document's page and its "Renew" button. Every instance runs it; claiming
 * the rows in the database, in the transaction that records the
 * notifications, keeps each reminder to one.
 */
export class DocumentJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly log: FastifyBaseLogger,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "document jobs");
  }

  /** One pass; returns how many holders were reminded. */
  async runOnce(now = new Date()): Promise<{ reminded: number }> {
    const reminded = await inTransaction(this.db, async (tx) => {
      const due = await claimExpiryReminders(tx, EXPIRY_NOTICE_DAYS, now);
      let told = 0;
      for (const doc of due) {
        if (!doc.validUntil || !doc.renewWith) continue;
        const [holder, renewal] = await Promise.all([findUser(tx, doc.userId), latestDefinition(tx, doc.renewWith)]);
        if (!holder || !renewal) continue;
        const expires = dohaNoon(doc.validUntil);
        await this.notifier.record(
          tx,
          holder,
          "document-expiring",
          {
            document: { ar: doc.titleAr, en: doc.titleEn },
            date: { ar: formatDate(expires, "ar"), en: formatDate(expires, "en") },
            service: renewal.title,
          },
          documentPath(doc.code),
        );
        told++;
      }
      return told;
    });
    if (reminded) this.log.info({ reminded }, "document holders reminded of expiry");
    return { reminded };
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

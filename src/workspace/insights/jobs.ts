import type { FastifyBaseLogger } from "fastify";
import { usersWithRole } from "../../accounts/service.js";
import type { Notifier } from "../../notifications/notifier.js";
import { type Db, inTransaction } from "../../platform/db/client.js";
import { formatDate } from "../../platform/i18n/format.js";
import { Periodic } from "../../platform/jobs/periodic.js";
import { dohaDate, dohaNoon } from "../../platform/time/doha.js";
import { claimReminders, type OverdueService, overdueNotReminded } from "./repository.js";

/** Where the reminder leads: the agency's freshness list in the workspace. */
export function freshnessPath(agency: string): string {
  return `/workspace/freshness?agency=${encodeURIComponent(agency)}`;
}

/** The list of services in an email, one a line, in a language. */
function listIn(items: OverdueService[], locale: "ar" | "en"): string {
  return items.map((s) => `- ${s.title[locale]} (${formatDate(dohaNoon(s.dueOn), locale)})`).join("\n");
}

/**
 * Review reminders: once a service passes its review date, its agency's
 * editors get one email listing the agency's services that newly passed
 * theirs — one per agency, never two about the same service and date.
 * Every instance runs it; the reminder rows, keyed by service and review
 * date and written in the transaction that records the emails, keep each
 * reminder to one.
 */
export class ReviewReminderJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
    private readonly reviewMonths: number,
    private readonly log: FastifyBaseLogger,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "review reminders");
  }

  /** One pass; returns how many agencies were told, about how many services. */
  async runOnce(now = new Date()): Promise<{ agencies: number; services: number }> {
    const due = await overdueNotReminded(this.db, this.reviewMonths, dohaDate(now));
    const byAgency = new Map<string, OverdueService[]>();
    for (const s of due) byAgency.set(s.agency.slug, [...(byAgency.get(s.agency.slug) ?? []), s]);
    let agencies = 0;
    let services = 0;
    for (const [agency, items] of byAgency) {
      const told = await inTransaction(this.db, async (tx) => {
        const editors = await usersWithRole(tx, "editor", agency);
        if (editors.length === 0) return 0;
        const claimed = await claimReminders(tx, agency, items);
        const mine = items.filter((s) => claimed.has(s.id));
        if (mine.length === 0) return 0;
        const first = mine[0] as OverdueService;
        for (const editor of editors) {
          await this.notifier.record(
            tx,
            editor,
            "content-review-due",
            { agency: first.agency.name, services: { ar: listIn(mine, "ar"), en: listIn(mine, "en") } },
            freshnessPath(agency),
          );
        }
        return mine.length;
      });
      if (told) {
        agencies++;
        services += told;
      }
    }
    if (agencies) this.log.info({ agencies, services }, "agencies reminded of services due for review");
    return { agencies, services };
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

import type { FastifyBaseLogger } from "fastify";
import type { Applications } from "./applications.js";

/**
 * The e-services' background work: reminding people of drafts about to
 * expire, then removing expired drafts and their files. Every instance
 * runs it; claiming rows in the database keeps each reminder to one.
 */
export class DraftJobs {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly applications: Applications,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** One pass; returns what was done. */
  async runOnce(): Promise<{ reminded: number; removed: number }> {
    const reminded = await this.applications.remindDrafts();
    const removed = await this.applications.removeExpired();
    if (reminded || removed) this.log.info({ reminded, removed }, "drafts reminded and removed");
    return { reminded, removed };
  }

  start(intervalSeconds: number): void {
    if (intervalSeconds <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.runOnce()
        .then(() => undefined)
        .catch((error) => this.log.warn({ err: error }, "draft jobs failed; will try again"))
        .finally(() => {
          this.running = undefined;
        });
    }, intervalSeconds * 1000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

import type { FastifyBaseLogger } from "fastify";
import { Periodic } from "../platform/jobs/periodic.js";
import type { Applications } from "./applications.js";

/**
 * The e-services' background work: reminding people of drafts about to
 * expire, then removing expired drafts and their files. Every instance
 * runs it; claiming rows in the database keeps each reminder to one.
 */
export class DraftJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly applications: Applications,
    private readonly log: FastifyBaseLogger,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "draft jobs");
  }

  /** One pass; returns what was done. */
  async runOnce(): Promise<{ reminded: number; removed: number }> {
    const reminded = await this.applications.remindDrafts();
    const removed = await this.applications.removeExpired();
    if (reminded || removed) this.log.info({ reminded, removed }, "drafts reminded and removed");
    return { reminded, removed };
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

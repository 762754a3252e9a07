import type { FastifyBaseLogger } from "fastify";
import type { Db } from "../platform/db/client.js";
import { Periodic } from "../platform/jobs/periodic.js";
import { kindNamed } from "./kinds/index.js";
import type { ContentNotices } from "./notices.js";
import { publishDue } from "./workflow.js";

/** The workspace's background work: publishing what approvers scheduled, once, on whichever instance gets there first. */
export class WorkspaceJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly notices?: ContentNotices,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "scheduled publishing");
  }

  /** One pass: publishes every scheduled item whose time has come. Returns how many. */
  runOnce(now = new Date()): Promise<number> {
    return publishDue(
      this.db,
      kindNamed,
      now,
      (err, id) => this.log.warn({ err, item: id }, "a scheduled item could not be published; will try again"),
      this.notices,
    );
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

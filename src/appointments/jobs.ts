import type { FastifyBaseLogger } from "fastify";
import { Periodic } from "../platform/jobs/periodic.js";
import type { Bookings } from "./booking.js";

/**
 * Appointments' background work: letting go of holds nobody confirmed (their
 * places go back on sale, or to the waiting list). Every instance runs it;
 * rows are claimed with SKIP LOCKED, so each hold is let go once.
 */
export class AppointmentJobs {
  private readonly periodic: Periodic;

  constructor(
    private readonly bookings: Bookings,
    private readonly log: FastifyBaseLogger,
  ) {
    this.periodic = new Periodic(() => this.runOnce(), log, "appointment holds");
  }

  async runOnce(): Promise<{ expired: number }> {
    const expired = await this.bookings.expireHolds();
    if (expired) this.log.info({ expired }, "appointment holds let go");
    return { expired };
  }

  start(intervalSeconds: number): void {
    this.periodic.start(intervalSeconds);
  }

  stop(): Promise<void> {
    return this.periodic.stop();
  }
}

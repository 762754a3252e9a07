/**
 * The background work of one instance: each area's periodic jobs (reminders,
 * expiry, reconciliation, the outbox, search's refresh and counters) register
 * here once, and the server starts them all when it is ready and stops them
 * all, in the order they registered, when it closes.
 */
export interface BackgroundJob {
  /** Says what it is, in the log. */
  name: string;
  start(): void;
  /** Stops it; waits for a pass under way. */
  stop(): void | Promise<void>;
}

export class JobRunner {
  private readonly jobs: BackgroundJob[] = [];
  private started = false;

  /** Adds a job; it starts with the others (or at once, when they have started). */
  register(job: BackgroundJob): void {
    this.jobs.push(job);
    if (this.started) job.start();
  }

  /** The registered jobs' names, in order (for the log and the tests). */
  get names(): string[] {
    return this.jobs.map((j) => j.name);
  }

  startAll(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs) job.start();
  }

  /** Stops every job in the order they registered, each waiting for its pass under way. */
  async stopAll(): Promise<void> {
    this.started = false;
    for (const job of this.jobs) await job.stop();
  }
}

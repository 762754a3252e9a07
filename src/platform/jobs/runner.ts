/**
 * The background work of one instance: each area's periodic jobs (reminders,
 * expiry, reconciliation, the outbox, search's refresh and counters) register
 * here once, from the area's `register`, and the server starts them all when
 * it is ready and stops them all, one after the other, when it closes.
 *
 * Areas register in the order the server wires them; the order jobs start
 * and stop in is the composition root's to say (`order`), so it does not
 * change when an area moves.
 */
export interface BackgroundJob {
  /** Says what it is, in the log; names its place in the runner's order. */
  name: string;
  start(): void;
  /** Stops it; waits for a pass under way. */
  stop(): void | Promise<void>;
}

export class JobRunner {
  private readonly jobs: BackgroundJob[] = [];
  private started = false;

  /**
   * @param order names of jobs in the order they start and stop, whatever the
   * order they register in; jobs it does not name follow, in the order they registered.
   */
  constructor(private readonly order: readonly string[] = []) {}

  /** Adds a job; it starts with the others (or at once, when they have started). */
  register(job: BackgroundJob): void {
    this.jobs.push(job);
    if (this.started) job.start();
  }

  /** The registered jobs in the order they start and stop. */
  private inOrder(): BackgroundJob[] {
    const rank = (job: BackgroundJob) => {
      const at = this.order.indexOf(job.name);
      return at === -1 ? this.order.length : at;
    };
    // Array sort is stable: jobs of the same rank keep the order they registered in.
    return [...this.jobs].sort((a, b) => rank(a) - rank(b));
  }

  /** The registered jobs' names, in the order they start and stop (for the log and the tests). */
  get names(): string[] {
    return this.inOrder().map((j) => j.name);
  }

  startAll(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.inOrder()) job.start();
  }

  /** Stops every job in order, each waiting for its pass under way. */
  async stopAll(): Promise<void> {
    this.started = false;
    for (const job of this.inOrder()) await job.stop();
  }
}

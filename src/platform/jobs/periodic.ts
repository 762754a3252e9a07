import type { FastifyBaseLogger } from "fastify";

/**
 * Runs a task every few seconds, never two passes at once; a failed pass is
 * logged and the next one tries again. Stopping waits for a pass under way.
 */
export class Periodic {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly task: () => Promise<unknown>,
    private readonly log: FastifyBaseLogger,
    /** Says what failed, in the log. */
    private readonly what: string,
  ) {}

  /** Starts the passes; 0 seconds leaves them off (tests run them by hand). */
  start(intervalSeconds: number): void {
    if (intervalSeconds <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.task()
        .catch((error) => this.log.warn({ err: error }, `${this.what} failed; will try again`))
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

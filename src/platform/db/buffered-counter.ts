/**
 * Counts in memory and hands the totals to `write` every few seconds, so a
 * busy page costs no database write per request. What fails to write is
 * kept for the next flush; `write` must add to stored totals (an upsert),
 * so several instances can count the same key. Each batch goes in the order
 * of its keys, so two instances writing the same rows at once lock them in
 * the same order and never deadlock.
 */
export class BufferedCounter<K extends object> {
  private pending = new Map<string, { key: K; count: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly keyOf: (key: K) => string,
    private readonly write: (entries: { key: K; count: number }[]) => Promise<void>,
  ) {}

  add(key: K, count = 1): void {
    const id = this.keyOf(key);
    const entry = this.pending.get(id);
    if (entry) entry.count += count;
    else this.pending.set(id, { key, count });
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
    this.pending = new Map();
    try {
      await this.write(batch);
    } catch (error) {
      for (const e of batch) this.add(e.key, e.count);
      throw error;
    }
  }

  start(seconds: number, onError: (error: unknown) => void): void {
    this.timer = setInterval(() => this.flush().catch(onError), seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

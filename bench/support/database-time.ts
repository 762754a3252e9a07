import pg from "pg";

/**
 * Time spent waiting for PostgreSQL, summed over every query the process
 * sends through a pg pool (drizzle's node-postgres driver queries the pool):
 * `measure` runs some work and reports the queries it sent and their time.
 * Queries sent in parallel count each in full, so the figure is an upper bound.
 */
let queries = 0;
let busyMs = 0;
const original = pg.Pool.prototype.query;
let patched = false;

function patch(): void {
  if (patched) return;
  patched = true;
  pg.Pool.prototype.query = function timedQuery(this: pg.Pool, ...args: unknown[]) {
    const started = performance.now();
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === "function") {
      queries++;
      return (result as Promise<unknown>).finally(() => {
        busyMs += performance.now() - started;
      });
    }
    return result;
  } as typeof pg.Pool.prototype.query;
}

export async function measure(work: () => Promise<unknown>): Promise<{ queries: number; ms: number }> {
  patch();
  const [q, ms] = [queries, busyMs];
  await work();
  return { queries: queries - q, ms: busyMs - ms };
}

import { type Db, inTransaction } from "./client.js";
import { onceRuns } from "./tables.js";

/**
 * Runs `task` once per database, in one transaction with its marker: if the
 * task fails nothing is recorded; an instance starting at the same time
 * waits on the marker's row and then skips. Returns true when it ran.
 */
export async function runOnce(db: Db, name: string, task: (tx: Db) => Promise<void>): Promise<boolean> {
  return inTransaction(db, async (tx) => {
    const inserted = await tx.insert(onceRuns).values({ name }).onConflictDoNothing().returning({ name: onceRuns.name });
    if (inserted.length === 0) return false;
    await task(tx);
    return true;
  });
}

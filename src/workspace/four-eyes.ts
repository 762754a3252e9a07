import { eq } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { singleApproverExceptions } from "./tables.js";

export type SingleApproverException = typeof singleApproverExceptions.$inferSelect;

/** The agency's documented exception to four eyes, when an administrator allowed one. */
export async function singleApproverException(db: Db, agency: string): Promise<SingleApproverException | undefined> {
  const [row] = await db.select().from(singleApproverExceptions).where(eq(singleApproverExceptions.agency, agency));
  return row;
}

/** Allows (or, with no reason, withdraws) the exception; the caller records it in the audit log in the same transaction. */
export async function setSingleApproverException(
  db: Db,
  agency: string,
  exception: { reason: string; by: string } | undefined,
): Promise<void> {
  if (!exception) {
    await db.delete(singleApproverExceptions).where(eq(singleApproverExceptions.agency, agency));
    return;
  }
  const values = { agency, reason: exception.reason, allowedBy: exception.by, allowedAt: new Date() };
  await db
    .insert(singleApproverExceptions)
    .values(values)
    .onConflictDoUpdate({ target: singleApproverExceptions.agency, set: values });
}

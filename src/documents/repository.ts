import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { addDays, dohaDate } from "../platform/time/doha.js";
import { documents } from "./tables.js";

export type IssuedDocument = typeof documents.$inferSelect;
export type NewDocument = typeof documents.$inferInsert;

/** A document by its code, for anyone checking it (the verification page). */
export async function findDocumentByCode(db: Db, code: string): Promise<IssuedDocument | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.code, code));
  return row;
}

/** The holder's own document; anyone else's is as good as missing. */
export async function findOwnDocument(db: Db, userId: string, code: string): Promise<IssuedDocument | undefined> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.code, code), eq(documents.userId, userId)));
  return row;
}

export async function findDocumentOfCase(db: Db, caseId: string): Promise<IssuedDocument | undefined> {
  const [row] = await db.select().from(documents).where(eq(documents.caseId, caseId));
  return row;
}

/** The person's documents, newest first. */
export async function documentsOf(db: Db, userId: string, limit = 100, offset = 0, code?: string): Promise<IssuedDocument[]> {
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.userId, userId), code ? eq(documents.code, code) : undefined))
    .orderBy(desc(documents.issuedAt), desc(documents.id))
    .limit(limit)
    .offset(offset);
}

/** How many documents the person holds. */
export async function countDocumentsOf(db: Db, userId: string, code?: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(documents)
    .where(and(eq(documents.userId, userId), code ? eq(documents.code, code) : undefined));
  return row?.n ?? 0;
}

/** Inserts a document unless its code or its case is taken; undefined when one was. */
export async function insertDocument(db: Db, row: NewDocument): Promise<IssuedDocument | undefined> {
  const [created] = await db.insert(documents).values(row).onConflictDoNothing().returning();
  return created;
}

/**
 * Claims the documents whose expiry reminder is due: renewable, not
 * revoked, expiring within `withinDays` (and not yet expired), not yet
 * reminded. Marking them in the same statement means two instances never
 * remind of the same document; run it in the transaction that records the
 * reminders, so a failure leaves them to the next pass.
 */
export async function claimExpiryReminders(db: Db, withinDays: number, now = new Date(), limit = 200): Promise<IssuedDocument[]> {
  const today = dohaDate(now);
  const due = db
    .select({ id: documents.id })
    .from(documents)
    .where(
      and(
        isNull(documents.remindedAt),
        isNull(documents.revokedAt),
        isNotNull(documents.renewWith),
        gte(documents.validUntil, today),
        lte(documents.validUntil, addDays(today, withinDays)),
      ),
    )
    .orderBy(asc(documents.validUntil))
    .limit(limit);
  return db
    .update(documents)
    .set({ remindedAt: now })
    .where(and(isNull(documents.remindedAt), inArray(documents.id, due)))
    .returning();
}

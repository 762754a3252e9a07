import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lt, lte } from "drizzle-orm";
import type { AnswerSources, Answers } from "../../forms/engine/answers.js";
import type { Db } from "../../platform/db/client.js";
import { drafts } from "../tables.js";

export type Draft = typeof drafts.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Starts an application on a definition version; it is kept `keepDays` after the last change. */
export async function createDraft(
  db: Db,
  userId: string,
  eservice: string,
  version: number,
  answers: Answers,
  keepDays: number,
): Promise<Draft> {
  const now = new Date();
  const [row] = await db
    .insert(drafts)
    .values({
      id: randomUUID(),
      userId,
      eservice,
      version,
      answers,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + keepDays * DAY_MS),
    })
    .returning();
  if (!row) throw new Error("draft not created");
  return row;
}

/** The person's own draft; someone else's draft is as good as missing. */
export async function findOwnDraft(db: Db, userId: string, id: string): Promise<Draft | undefined> {
  const [row] = await db
    .select()
    .from(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.userId, userId)));
  return row;
}

/** Saves the answers (and where they came from, when given) and keeps the draft another `keepDays`; a reminder is due again before the new expiry. */
export async function saveDraft(
  db: Db,
  draft: Draft,
  answers: Answers,
  keepDays: number,
  sources?: AnswerSources,
): Promise<void> {
  const now = new Date();
  await db
    .update(drafts)
    .set({
      answers,
      ...(sources ? { sources } : {}),
      updatedAt: now,
      expiresAt: new Date(now.getTime() + keepDays * DAY_MS),
      remindedAt: null,
    })
    .where(and(eq(drafts.id, draft.id), eq(drafts.userId, draft.userId)));
}

/** Saves what the registries filled in; the person has not touched the draft, so its expiry stays. */
export async function savePrefilled(db: Db, draft: Draft, answers: Answers, sources: AnswerSources): Promise<Draft> {
  const [row] = await db
    .update(drafts)
    .set({ answers, sources })
    .where(and(eq(drafts.id, draft.id), eq(drafts.userId, draft.userId)))
    .returning();
  return row ?? { ...draft, answers, sources };
}

export async function deleteDraft(db: Db, userId: string, id: string): Promise<boolean> {
  const gone = await db
    .delete(drafts)
    .where(and(eq(drafts.id, id), eq(drafts.userId, userId)))
    .returning({ id: drafts.id });
  return gone.length > 0;
}

/** The person's drafts, most recently changed first. */
export async function draftsOf(db: Db, userId: string): Promise<Draft[]> {
  return db.select().from(drafts).where(eq(drafts.userId, userId)).orderBy(desc(drafts.updatedAt));
}

/**
 * Claims the drafts whose reminder is due (expiring within `withinDays`,
 * not yet reminded): marking them in the same statement means two
 * instances never send the same reminder.
 */
export async function claimDraftReminders(db: Db, withinDays: number, limit = 200): Promise<Draft[]> {
  const due = db
    .select({ id: drafts.id })
    .from(drafts)
    .where(and(isNull(drafts.remindedAt), lte(drafts.expiresAt, new Date(Date.now() + withinDays * DAY_MS))))
    .orderBy(asc(drafts.expiresAt))
    .limit(limit);
  return db
    .update(drafts)
    .set({ remindedAt: new Date() })
    .where(and(isNull(drafts.remindedAt), inArray(drafts.id, due)))
    .returning();
}

/** Removes the drafts past their expiry; returns them so their uploads can go too. */
export async function removeExpiredDrafts(db: Db, limit = 500): Promise<Draft[]> {
  const expired = db.select({ id: drafts.id }).from(drafts).where(lt(drafts.expiresAt, new Date())).limit(limit);
  return db.delete(drafts).where(inArray(drafts.id, expired)).returning();
}

import { randomUUID } from "node:crypto";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { pageFeedback } from "./tables.js";

export type FeedbackRow = typeof pageFeedback.$inferSelect;

/** How long after answering a person may still add a comment to their answer. */
export const COMMENT_WINDOW_MINUTES = 60;

export async function recordAnswer(db: Db, answer: { path: string; locale: string; helpful: boolean }): Promise<string> {
  const id = randomUUID();
  await db.insert(pageFeedback).values({ id, ...answer });
  return id;
}

export async function findAnswer(db: Db, id: string): Promise<FeedbackRow | undefined> {
  const [row] = await db.select().from(pageFeedback).where(eq(pageFeedback.id, id));
  return row;
}

/** True when a comment can still be added: none yet, and within the comment window. */
export function isOpenForComment(row: FeedbackRow, now = new Date()): boolean {
  return row.comment === null && now.getTime() - row.createdAt.getTime() < COMMENT_WINDOW_MINUTES * 60_000;
}

/** Adds the optional comment once; false when the answer is unknown, already commented or too old. */
export async function addComment(db: Db, id: string, comment: string): Promise<boolean> {
  const updated = await db
    .update(pageFeedback)
    .set({ comment, commentedAt: new Date() })
    .where(
      and(
        eq(pageFeedback.id, id),
        isNull(pageFeedback.comment),
        gt(pageFeedback.createdAt, sql`now() - make_interval(mins => ${COMMENT_WINDOW_MINUTES})`),
      ),
    )
    .returning({ id: pageFeedback.id });
  return updated.length === 1;
}

export interface FeedbackSummary {
  path: string;
  locale: string;
  yes: number;
  no: number;
}

/** Yes and no counts per page and language, for the agencies that own the pages. */
export async function summarise(db: Db): Promise<FeedbackSummary[]> {
  const rows = await db
    .select({ path: pageFeedback.path, locale: pageFeedback.locale, helpful: pageFeedback.helpful, n: count() })
    .from(pageFeedback)
    .groupBy(pageFeedback.path, pageFeedback.locale, pageFeedback.helpful);
  const byPage = new Map<string, FeedbackSummary>();
  for (const r of rows) {
    const key = `${r.locale}|${r.path}`;
    const entry = byPage.get(key) ?? { path: r.path, locale: r.locale, yes: 0, no: 0 };
    if (r.helpful) entry.yes += Number(r.n);
    else entry.no += Number(r.n);
    byPage.set(key, entry);
  }
  return [...byPage.values()];
}

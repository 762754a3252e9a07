import { randomUUID } from "node:crypto";
import { and, count, desc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
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

/**
 * The language-neutral paths as the feedback form records them, with the
 * trailing-slash form of each (an address the router accepts too).
 */
function withSlashes(paths: string[]): string[] {
  return paths.flatMap((p) => (p === "/" ? [p] : [p, `${p}/`]));
}

/** Yes and no counts for each of the given pages (both languages together). */
export async function answerCounts(db: Db, paths: string[]): Promise<{ path: string; yes: number; no: number }[]> {
  if (paths.length === 0) return [];
  const rows = await db
    .select({ path: pageFeedback.path, helpful: pageFeedback.helpful, n: count() })
    .from(pageFeedback)
    .where(inArray(pageFeedback.path, withSlashes(paths)))
    .groupBy(pageFeedback.path, pageFeedback.helpful);
  const byPath = new Map<string, { path: string; yes: number; no: number }>();
  for (const r of rows) {
    const path = r.path.length > 1 && r.path.endsWith("/") ? r.path.slice(0, -1) : r.path;
    const entry = byPath.get(path) ?? { path, yes: 0, no: 0 };
    if (r.helpful) entry.yes += Number(r.n);
    else entry.no += Number(r.n);
    byPath.set(path, entry);
  }
  return [...byPath.values()];
}

export type FeedbackComment = Pick<FeedbackRow, "id" | "path" | "locale" | "helpful" | "comment" | "createdAt" | "commentedAt">;

/** The comments left on the given pages, newest first, a page of them at a time, with how many there are. */
export async function commentsFor(
  db: Db,
  paths: string[],
  page: { limit: number; offset: number },
): Promise<{ items: FeedbackComment[]; total: number }> {
  if (paths.length === 0) return { items: [], total: 0 };
  const where = and(inArray(pageFeedback.path, withSlashes(paths)), isNotNull(pageFeedback.comment));
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: pageFeedback.id,
        path: pageFeedback.path,
        locale: pageFeedback.locale,
        helpful: pageFeedback.helpful,
        comment: pageFeedback.comment,
        createdAt: pageFeedback.createdAt,
        commentedAt: pageFeedback.commentedAt,
      })
      .from(pageFeedback)
      .where(where)
      .orderBy(desc(pageFeedback.commentedAt), desc(pageFeedback.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(pageFeedback).where(where),
  ]);
  return { items, total: Number(total?.n ?? 0) };
}

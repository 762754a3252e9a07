import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../platform/db/client.js";
import { notifications } from "./tables.js";

export type Notification = typeof notifications.$inferSelect;

/** The person's notifications, newest first. */
export async function notificationsOf(db: Db, userId: string, limit: number, offset = 0): Promise<Notification[]> {
  return db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit)
    .offset(offset);
}

export async function countNotifications(db: Db, userId: string): Promise<{ total: number; unread: number }> {
  const [all] = await db.select({ n: count() }).from(notifications).where(eq(notifications.userId, userId));
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { total: all?.n ?? 0, unread: unread?.n ?? 0 };
}

/** Marks the person's notifications read (they have seen the list). */
export async function markRead(db: Db, userId: string): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

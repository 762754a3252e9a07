import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What an event's messages name; a value in both languages is shown in the reader's. */
export type NotificationValues = Record<string, string | { ar: string; en: string }>;

/**
 * What happened that a person should know, shown in My Hukoomi. The text is
 * rendered from the catalogues when shown, so it reads in either language.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id").notNull(),
    /** submitted, info-requested, approved, rejected, payment-received, document-issued, reminder… */
    event: text("event").notNull(),
    /** The values the event's message names (service title in both languages, reference…). */
    values: jsonb("values").$type<NotificationValues>().notNull(),
    /** A language-neutral address to follow ("/my/requests/HK-…"). */
    link: text("link"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * The transactional outbox: each email or SMS is written in the same
 * transaction as the event it tells of, then sent by a worker with retries;
 * a message is claimed before sending, so it goes once.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: uuid("id").primaryKey(),
    notificationId: uuid("notification_id"),
    /** email or sms. */
    channel: text("channel").notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    body: text("body").notNull(),
    locale: text("locale").notNull(),
    /** pending, sending, sent, failed (given up after the last attempt). */
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While a worker holds the message; after this another may take it. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_due_idx").on(t.status, t.nextAttemptAt)],
);

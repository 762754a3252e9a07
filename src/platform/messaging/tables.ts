import { jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/** Messages kept instead of sent when no mail server or SMS provider is configured (development), read at /dev/messages. */
export const devMessages = pgTable("dev_messages", {
  id: serial("id").primaryKey(),
  channel: text("channel").notNull(),
  recipient: text("recipient").notNull(),
  subject: text("subject"),
  body: text("body").notNull(),
  meta: jsonb("meta"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

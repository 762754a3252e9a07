import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Completed e-transactions counted per catalogue service, month and channel,
 * for what the portal's own cases do not hold: history from before the
 * portal, and transactions recorded by agencies' own systems. Cases decided
 * on the portal are counted live from the e-services and added to these.
 */
export const transactionCounts = pgTable(
  "transaction_counts",
  {
    /** The catalogue service's slug. */
    serviceSlug: text("service_slug").notNull(),
    /** YYYY-MM. */
    month: text("month").notNull(),
    /** online (a website, app or agency e-service) or other (a service centre, counter, phone). */
    channel: text("channel").$type<TransactionChannel>().notNull(),
    count: integer("count").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.serviceSlug, t.month, t.channel] }),
    check("transaction_counts_month_check", sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check("transaction_counts_channel_check", sql`${t.channel} in ('online', 'other')`),
    check("transaction_counts_count_check", sql`${t.count} >= 0`),
  ],
);

export type TransactionChannel = "online" | "other";

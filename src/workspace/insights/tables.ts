import { date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { services } from "../../catalogue/tables.js";

/**
 * The review reminders sent: one row per service and review date. The key
 * is what keeps a reminder to one — the job writes these rows in the
 * transaction that records the email, and a second pass or a second
 * instance finds them already there.
 */
export const contentReviewReminders = pgTable(
  "content_review_reminders",
  {
    serviceId: integer("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    /** The review date the reminder was about (last reviewed + the review interval). */
    dueOn: date("due_on").notNull(),
    /** The agency (slug) whose editors were told. */
    agency: text("agency").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.dueOn] }), index("content_review_reminders_agency_idx").on(t.agency)],
);

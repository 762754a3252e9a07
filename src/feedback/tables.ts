import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Answers to "Is this page easy to understand?", per language-neutral page and language. */
export const pageFeedback = pgTable(
  "page_feedback",
  {
    id: uuid("id").primaryKey(),
    path: text("path").notNull(),
    locale: text("locale").notNull(),
    helpful: boolean("helpful").notNull(),
    comment: text("comment"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    commentedAt: timestamp("commented_at", { withTimezone: true }),
  },
  (t) => [index("page_feedback_path_idx").on(t.path, t.locale)],
);

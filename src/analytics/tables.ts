import { date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";

/** Page views per language-neutral path, language and day: no cookie, no address, nothing personal. */
export const pageViews = pgTable(
  "page_views",
  {
    path: text("path").notNull(),
    locale: text("locale").notNull(),
    day: date("day").notNull(),
    views: integer("views").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.path, t.locale, t.day] })],
);

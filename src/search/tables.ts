import { date, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";

/** Groups of expressions that mean the same (فيزا = تأشيرة = visa); edited by administrators. */
export const searchSynonyms = pgTable("search_synonyms", {
  id: serial("id").primaryKey(),
  terms: text("terms").array().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** A result pinned to the top for a query, by administrators. */
export const searchBestBets = pgTable("search_best_bets", {
  id: serial("id").primaryKey(),
  query: text("query").notNull(),
  targetType: text("target_type").notNull(),
  targetSlug: text("target_slug").notNull(),
  position: integer("position").notNull().default(0),
});

/** What people searched for, per day and language, and how often nothing was found. */
export const searchQueries = pgTable(
  "search_queries",
  {
    day: date("day").notNull(),
    locale: text("locale").notNull(),
    query: text("query").notNull(),
    searches: integer("searches").notNull().default(0),
    zeroResults: integer("zero_results").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.locale, t.query] }), index("search_queries_zero_idx").on(t.zeroResults)],
);

/** Other names people call an agency by (short forms, acronyms, former names), in both languages; edited by administrators. */
export const searchAgencyNames = pgTable("search_agency_names", {
  id: serial("id").primaryKey(),
  agencySlug: text("agency_slug").notNull().unique(),
  names: text("names").array().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

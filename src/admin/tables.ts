import { boolean, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";

/**
 * What the home page highlights, chosen by portal administrators: a service
 * (by its slug) or a link to a page of the portal, with titles in both
 * languages, in their set order. Only active rows are shown.
 */
export const homeHighlights = pgTable("home_highlights", {
  id: serial("id").primaryKey(),
  /** "service" or "link". */
  kind: text("kind").notNull(),
  serviceSlug: text("service_slug"),
  /** A path on the portal ("/facts"), for links. */
  path: text("path"),
  titleAr: text("title_ar").notNull(),
  titleEn: text("title_en").notNull(),
  position: integer("position").notNull().default(0),
  active: boolean("active").notNull().default(true),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Records each one-off task (loading the demo content) so that it runs once, even with several instances. */
export const onceRuns = pgTable("once_runs", {
  name: text("name").primaryKey(),
  ranAt: timestamp("ran_at", { withTimezone: true }).notNull().defaultNow(),
});

export { contentVersions } from "./versions.js";

import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** How each simulated registry behaves now (normal, slow or down), shared by every instance. */
export const sandboxRegistryModes = pgTable("sandbox_registry_modes", {
  registry: text("registry").primaryKey(),
  mode: text("mode").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

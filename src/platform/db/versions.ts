import { sql } from "drizzle-orm";
import { bigint, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Db } from "./client.js";

/**
 * Change counters: a writer bumps a name ("catalogue", "search-settings")
 * in the same transaction as its change; every instance polls the counters
 * and refreshes what it derives from them (the search index).
 */
export const contentVersions = pgTable("content_versions", {
  name: text("name").primaryKey(),
  version: bigint("version", { mode: "number" }).notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export async function bumpVersion(db: Db, name: string): Promise<void> {
  await db
    .insert(contentVersions)
    .values({ name, version: 1 })
    .onConflictDoUpdate({
      target: contentVersions.name,
      set: { version: sql`${contentVersions.version} + 1`, updatedAt: new Date() },
    });
}

/** Every counter, as one string that changes whenever any of them does. */
export async function versionStamp(db: Db): Promise<string> {
  const rows = await db.select({ name: contentVersions.name, version: contentVersions.version }).from(contentVersions);
  return rows
    .map((r) => `${r.name}=${r.version}`)
    .sort()
    .join(",");
}

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

/** How often a kept value asks whether the content counters moved. */
const STAMP_CHECK_MS = 1000;

/**
 * A value derived from the database (the home page's lists), kept and shared
 * by every request until the content counters move — looked at at most once a
 * second — or `maxAgeMs` passes, for what changes with time or with counts
 * that have no counter. Concurrent callers wait for one load. With `maxAgeMs`
 * 0 nothing is kept (a portal without a page cache, as the tests run it).
 */
export function keptUntilChange<T>(db: Db, load: () => Promise<T>, maxAgeMs: number): () => Promise<T> {
  if (maxAgeMs <= 0) return load;
  let kept: { value: T; stamp: string; at: number } | undefined;
  let stamp: { value: string; at: number } | undefined;
  let asking: Promise<void> | undefined;
  let loading: Promise<T> | undefined;
  const follow = async () => {
    if (stamp && Date.now() - stamp.at < STAMP_CHECK_MS) return;
    asking ??= versionStamp(db)
      .then((value) => {
        stamp = { value, at: Date.now() };
      })
      .finally(() => {
        asking = undefined;
      });
    await asking;
  };
  return async () => {
    await follow();
    const seen = stamp?.value ?? "";
    if (kept && kept.stamp === seen && Date.now() - kept.at < maxAgeMs) return kept.value;
    loading ??= load()
      .then((value) => {
        kept = { value, stamp: seen, at: Date.now() };
        return value;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  };
}

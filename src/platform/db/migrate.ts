import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { fromRoot } from "../paths.js";
import type { Database } from "./client.js";

const migrationsFolder = fromRoot("drizzle");
/** Arbitrary constant naming the advisory lock that serialises migrations across instances. */
const MIGRATION_LOCK = 72_410_001;

/**
 * Applies the committed migrations. On PostgreSQL an advisory lock makes
 * instances that start together take turns, so each migration runs once.
 */
export async function runMigrations(database: Database, url?: string): Promise<void> {
  if (database.kind === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  if (!url) throw new Error("runMigrations needs the PostgreSQL URL");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await migratePg(drizzlePg(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => undefined);
    await client.end();
  }
}

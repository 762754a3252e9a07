import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { type Database, openDatabase } from "../../src/platform/db/client.js";
import { runMigrations } from "../../src/platform/db/migrate.js";
import {
  type Built,
  databaseUrl,
  dumpPglite,
  onServer,
  openPgliteCopy,
  runTag,
  sealTemplate,
  serverUrl,
  TEMPLATE_PREFIX,
  type Template,
  template,
} from "./templates.js";

export interface TestDatabase {
  database: Database;
  /** The URL of the database when it is a PostgreSQL server. */
  url?: string;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: an in-memory PGlite by
 * default, or, when DATABASE_URL is set, a new database created on that
 * PostgreSQL server and dropped afterwards, so test files never share state.
 * It is a copy of the run's migrated template (test/support/templates.ts),
 * which is built once per run; without one it is migrated here.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const migrated = await template("migrated", (folder, id) => buildTemplate(folder, id));
  if (migrated.own) return migrated.own;
  if (migrated.template) return copyDatabase(migrated.template);
  const fresh = await copyDatabase(undefined);
  await runMigrations(fresh.database, fresh.url);
  return fresh;
}

/**
 * A new database: a copy of `from`, or an empty one. On PostgreSQL it is
 * named `name` (a template being built) or a random test name, and dropped
 * with the test's `drop`.
 */
export async function copyDatabase(from: Template | undefined, name?: string): Promise<TestDatabase> {
  if (!serverUrl()) {
    const database = from?.tar ? await openPgliteCopy(from.tar) : await openDatabase({ dataDir: "memory://" });
    return { database, drop: () => database.close() };
  }
  const dbName = name ?? `hukoomi_test_${randomBytes(6).toString("hex")}`;
  await onServer(`create database ${dbName}${from?.database ? ` template ${from.database}` : ""}`);
  const url = databaseUrl(dbName);
  const database = await openDatabase({ url, poolSize: 4 });
  return {
    database,
    url,
    drop: async () => {
      await database.close().catch(() => undefined);
      await onServer(`drop database if exists ${dbName} with (force)`);
    },
  };
}

/**
 * Builds a template: a new database, migrated, then filled by `fill` (the
 * demo content, written into the template's own file folder). On PGlite the
 * built database stays open for the file that built it.
 */
export async function buildTemplate(
  folder: string,
  id: string,
  fill?: (database: Database, files: string) => Promise<void>,
  day?: string,
): Promise<Built<TestDatabase>> {
  const files = join(folder, `${id}-files`);
  const dbName = `${TEMPLATE_PREFIX}${runTag(folder)}_${id.replaceAll("-", "_")}`;
  const built = await copyDatabase(undefined, dbName);
  await runMigrations(built.database, built.url);
  if (fill) await fill(built.database, files);
  const stamp = day ? { day } : {};
  if (!serverUrl()) {
    const tar = join(folder, `${id}.tar`);
    await dumpPglite(built.database, tar);
    return { template: { tar, files, ...stamp }, own: built };
  }
  await built.database.close();
  await sealTemplate(dbName);
  return { template: { database: dbName, files, ...stamp } };
}

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/platform/db/client.js";
import { fromRoot } from "../../src/platform/paths.js";
import { dohaToday } from "../../src/platform/time/doha.js";

/**
 * Templates: the databases every test file starts from, built once per test
 * run instead of once per file. A file still gets a database of its own,
 * copied from the template (PGlite: a new in-memory instance loaded from the
 * template's dumped data folder; PostgreSQL: CREATE DATABASE … TEMPLATE), so
 * test files never share state.
 *
 * The first file that needs a template builds it; files that need it at the
 * same time wait for it (a lock folder in the run's folder, which
 * test/support/global-setup.ts creates and removes, and where it drops the
 * run's PostgreSQL templates), one per state of the migrations. Without that folder (a config without the
 * global setup) every file builds its own database as before.
 */

declare module "vitest" {
  export interface ProvidedContext {
    /** The run's template folder (test/support/global-setup.ts). */
    hukoomiTemplates: string;
  }
}

export type TemplateName = "migrated" | "demo";

/** What a built template is: where its database is and, for demo content, its file folder. */
export interface Template {
  /** PGlite: the dumped data folder (a tar file). */
  tar?: string;
  /** PostgreSQL: the template database's name. */
  database?: string;
  /** The file storage folder the content was written to, copied for each test app. */
  files?: string;
  /** The UTC and Doha days it was built on, when its content is placed relative to "now" (right only on the same days). */
  day?: string;
}

/** The PostgreSQL server the tests run on, if any. */
export const serverUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

/** The URL of a database on the tests' PostgreSQL server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl() ?? "");
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs statements on the server's maintenance connection (the DATABASE_URL's database). */
export async function onServer(...statements: string[]): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    for (const s of statements) await admin.query(s);
  } finally {
    await admin.end();
  }
}

/** The days a template is valid on: demo polls, surveys and transaction months are placed relative to today. */
export function currentDay(now = new Date()): string {
  return `${now.toISOString().slice(0, 10)}/${dohaToday(now)}`;
}

/** Prefix of the PostgreSQL template databases. */
export const TEMPLATE_PREFIX = "hukoomi_tpl_";

/**
 * What names one run's PostgreSQL templates: the second the run started
 * (global-setup.ts drops a crashed run's templates a day later) and a hash of
 * its folder. Its templates are `hukoomi_tpl_<tag>_<name>`.
 */
export function runTag(folder: string): string {
  const started = /hk-templates-(\d+)-/.exec(basename(folder))?.[1] ?? "0";
  return `${started}_${createHash("sha256").update(folder).digest("hex").slice(0, 8)}`;
}

/** The run's template folder, or undefined when the tests run without the global setup. */
function runFolder(): string | undefined {
  try {
    return inject("hukoomiTemplates") || undefined;
  } catch {
    return undefined;
  }
}

const kind = () => (serverUrl() ? "postgres" : "pglite");

/** A hash of the migrations: code changed during a run (a rebase) gets templates of its own. */
function migrationsHash(): string {
  const folder = fromRoot("drizzle");
  const hash = createHash("sha256");
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .sort())
    hash.update(file).update(readFileSync(join(folder, file)));
  return hash.digest("hex").slice(0, 8);
}
const WAIT_MS = 600_000;

/** A template just built, and what the file that built it may keep of it (its PGlite database, still open). */
export interface Built<T> {
  template: Template;
  own?: T;
}

/**
 * The template `name`, built by `build` if no file of this run has built it
 * yet (that file also gets `own`). No template when there is no run folder,
 * when building it failed in another file, or when it was built on another day.
 */
export async function template<T>(
  name: TemplateName,
  build: (folder: string, id: string) => Promise<Built<T>>,
): Promise<Partial<Built<T>>> {
  const folder = runFolder();
  if (!folder) return {};
  const id = `${kind()}-${name}-${migrationsHash()}`;
  const manifest = join(folder, `${id}.json`);
  const lock = join(folder, `${id}.lock`);
  const failed = join(folder, `${id}.failed`);
  const read = (): Partial<Built<T>> => {
    const t = JSON.parse(readFileSync(manifest, "utf8")) as Template;
    return !t.day || t.day === currentDay() ? { template: t } : {};
  };
  if (existsSync(manifest)) return read();
  let builder = false;
  try {
    mkdirSync(lock);
    builder = true;
  } catch {
    // Another file is building it.
  }
  if (builder) {
    writeFileSync(join(lock, "pid"), String(process.pid));
    try {
      const built = await build(folder, id);
      writeFileSync(`${manifest}.tmp`, JSON.stringify(built.template));
      renameSync(`${manifest}.tmp`, manifest);
      return built;
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
  }
  const started = Date.now();
  while (Date.now() - started < WAIT_MS) {
    if (existsSync(manifest)) return read();
    if (existsSync(failed) || !builderAlive(lock)) return {};
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {};
}

function builderAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    return true; // The lock was just taken; its pid follows.
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Dumps a PGlite database's data folder (uncompressed: loading it is as fast, and it is read once per file). */
export async function dumpPglite(database: Database, tar: string): Promise<void> {
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const blob = await client.dumpDataDir("none");
  writeFileSync(tar, Buffer.from(await blob.arrayBuffer()));
}

/** Each worker reads a template's tar once. */
const tars = new Map<string, Blob>();

/** A new in-memory PGlite holding a copy of the template's database. */
export function openPgliteCopy(tar: string): Promise<Database> {
  let blob = tars.get(tar);
  if (!blob) {
    blob = new Blob([readFileSync(tar)]);
    tars.set(tar, blob);
  }
  return openDatabase({ dataDir: "memory://", loadDataDir: blob });
}

/**
 * Marks a built PostgreSQL database as a template: nobody may connect to it
 * (CREATE DATABASE … TEMPLATE fails while anyone is), so it stays as built.
 */
export function sealTemplate(name: string): Promise<void> {
  return onServer(`alter database ${name} with allow_connections false`);
}

import { execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import pg from "pg";
import { loadDemoPeople } from "../../src/accounts/demo-people.js";
import { loadCatalogueContent } from "../../src/catalogue/content/load.js";
import { loadDemoCatalogue } from "../../src/catalogue/demo/load-demo.js";
import { loadDemoEservices } from "../../src/eservices/demo.js";
import { loadDemoParticipation } from "../../src/participation/demo.js";
import { openDatabase } from "../../src/platform/db/client.js";
import { runMigrations } from "../../src/platform/db/migrate.js";
import { LocalFileStorage } from "../../src/platform/storage/file-storage.js";

/**
 * Proves the backup and restore procedure (scripts/backup/*.sh) on a real
 * PostgreSQL server: a database with the demo content and its files is backed
 * up, restored into an empty database and folder, and every table's rows and
 * every file are compared; then a damaged backup must be refused with nothing
 * changed. Run by `npm run backup:check` and by the PostgreSQL test pass.
 */

const SCRIPTS = resolve(import.meta.dirname);

export interface RestoreCheck {
  tables: number;
  rows: number;
  files: number;
  /** Tables or files that differ after the restore (empty when the restore is faithful). */
  differences: string[];
  /** Whether a damaged backup was refused and left the target as it was. */
  damagedRefused: boolean;
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Each table's row count and a fingerprint of its rows, in every schema the portal owns. */
async function fingerprint(url: string): Promise<Map<string, { rows: number; digest: string }>> {
  return onServer(url, async (client) => {
    const tables = await client.query<{ name: string }>(
      `select format('%I.%I', table_schema, table_name) as name from information_schema.tables
       where table_type = 'BASE TABLE' and table_schema in ('public', 'drizzle') order by 1`,
    );
    const result = new Map<string, { rows: number; digest: string }>();
    for (const { name } of tables.rows) {
      // The name comes from the catalogue itself, quoted by format(%I).
      const row = await client.query<{ rows: string; digest: string | null }>(
        `select count(*) as rows, md5(string_agg(t::text, '|' order by t::text)) as digest from ${name} t`,
      );
      result.set(name, { rows: Number(row.rows[0]?.rows ?? 0), digest: row.rows[0]?.digest ?? "" });
    }
    return result;
  });
}

function fileSums(root: string): Map<string, string> {
  const sums = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else sums.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(root);
  return sums;
}

function run(script: string, args: string[], env: Record<string, string>): void {
  execFileSync(join(SCRIPTS, script), args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

export async function checkBackupAndRestore(serverUrl: string): Promise<RestoreCheck> {
  const suffix = randomBytes(4).toString("hex");
  const source = `hukoomi_backup_source_${suffix}`;
  const target = `hukoomi_backup_target_${suffix}`;
  const work = mkdtempSync(join(tmpdir(), "hukoomi-backup-"));
  const sourceFiles = join(work, "source-files");
  const targetFiles = join(work, "target-files");
  await onServer(serverUrl, async (c) => {
    await c.query(`create database ${source}`);
    await c.query(`create database ${target}`);
  });
  try {
    const sourceUrl = databaseUrl(serverUrl, source);
    const targetUrl = databaseUrl(serverUrl, target);
    const database = await openDatabase({ url: sourceUrl, poolSize: 2 });
    try {
      await runMigrations(database, sourceUrl);
      await loadDemoCatalogue(database.db, new LocalFileStorage(sourceFiles), loadCatalogueContent());
      await loadDemoPeople(database.db);
      await loadDemoEservices(database.db);
      await loadDemoParticipation(database.db);
    } finally {
      await database.close();
    }

    const backups = join(work, "backups");
    const folder = execFileSync(join(SCRIPTS, "backup.sh"), [backups], {
      env: { ...process.env, DATABASE_URL: sourceUrl, FILES_DIR: sourceFiles },
    })
      .toString()
      .trim()
      .split("\n")
      .pop() as string;
    run("restore.sh", [folder], { DATABASE_URL: targetUrl, FILES_DIR: targetFiles });

    const before = await fingerprint(sourceUrl);
    const after = await fingerprint(targetUrl);
    const differences: string[] = [];
    for (const [table, value] of before) {
      const restored = after.get(table);
      if (!restored || restored.rows !== value.rows || restored.digest !== value.digest) differences.push(table);
    }
    const filesBefore = fileSums(sourceFiles);
    const filesAfter = fileSums(targetFiles);
    for (const [path, sum] of filesBefore) if (filesAfter.get(path) !== sum) differences.push(`file ${path}`);
    if (filesAfter.size !== filesBefore.size) differences.push("file count");

    // A damaged backup: one byte of the dump changed. The restore must refuse it and leave the target alone.
    const damaged = join(work, "damaged");
    cpSync(folder, damaged, { recursive: true });
    const dump = readFileSync(join(damaged, "database.dump"));
    dump[dump.length >> 1] = (dump[dump.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(join(damaged, "database.dump"), dump);
    let damagedRefused = false;
    try {
      run("restore.sh", [damaged], { DATABASE_URL: targetUrl, FILES_DIR: targetFiles });
    } catch {
      damagedRefused = true;
    }
    const untouched = await fingerprint(targetUrl);
    if ([...after].some(([table, v]) => untouched.get(table)?.digest !== v.digest)) damagedRefused = false;

    return {
      tables: before.size,
      rows: [...before.values()].reduce((sum, v) => sum + v.rows, 0),
      files: filesBefore.size,
      differences,
      damagedRefused,
    };
  } finally {
    await onServer(serverUrl, async (c) => {
      await c.query(`drop database if exists ${source} with (force)`);
      await c.query(`drop database if exists ${target} with (force)`);
    });
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  const report = await checkBackupAndRestore(serverUrl);
  console.log(
    `backup and restore: ${report.tables} tables, ${report.rows} rows, ${report.files} files; ` +
      `differences: ${report.differences.length === 0 ? "none" : report.differences.join(", ")}; ` +
      `damaged backup refused: ${report.damagedRefused ? "yes" : "NO"}`,
  );
  process.exit(report.differences.length === 0 && report.damagedRefused ? 0 : 1);
}

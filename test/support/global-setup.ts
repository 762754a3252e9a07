import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { runTag, serverUrl, TEMPLATE_PREFIX } from "./templates.js";

/** A crashed run's PostgreSQL templates are dropped by the first run a day later. */
const LEFTOVER_SECONDS = 86_400;

/**
 * Once per test run: the folder the run's templates are built in (by the
 * first test file that needs each, see templates.ts), removed at the end
 * with the run's PostgreSQL template databases.
 */
export default async function setup(project: TestProject) {
  const started = Math.floor(Date.now() / 1000);
  const folder = mkdtempSync(join(tmpdir(), `hk-templates-${started}-`));
  project.provide("hukoomiTemplates", folder);
  if (serverUrl()) await dropTemplates((tag) => Number(tag.split("_")[0]) < started - LEFTOVER_SECONDS);
  return async () => {
    if (serverUrl()) await dropTemplates((tag) => tag === runTag(folder));
    rmSync(folder, { recursive: true, force: true });
  };
}

/** Drops the template databases whose run tag (`<started>_<hash>`) `which` picks. */
async function dropTemplates(which: (tag: string) => boolean): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [
      TEMPLATE_PREFIX,
    ]);
    for (const { datname } of rows) {
      const tag = datname.slice(TEMPLATE_PREFIX.length).split("_").slice(0, 2).join("_");
      if (which(tag)) await admin.query(`drop database if exists ${datname} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

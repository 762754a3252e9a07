import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";

/** The PostgreSQL server the benchmarks create their databases on. */
export const SERVER = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A fresh database for one run, dropped by `drop()`. */
export async function scratchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: SERVER });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** Fills a database with the national-scale catalogue (the demo plus generated agencies and services). */
export function seedScale(databaseUrl: string, filesDir: string, services = 2247, agencies = 471): void {
  execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/seed-scale.ts", "--agencies", String(agencies), "--services", String(services)],
    { env: { ...process.env, DATABASE_URL: databaseUrl, FILES_DIR: filesDir }, stdio: ["ignore", "ignore", "inherit"] },
  );
}

/** Resident memory of one instance in MB, read from its /metrics (loopback may read them). */
export async function residentMb(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const bytes = Number(/^hukoomi_process_resident_memory_bytes (\d+(?:\.\d+)?(?:e\+\d+)?)$/m.exec(text)?.[1] ?? Number.NaN);
  return Math.round(bytes / 1024 / 1024);
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

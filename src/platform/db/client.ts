import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import pg from "pg";

/** The database handle every repository receives: the same query builder on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT>;

/**
 * Runs `work` in one transaction whose handle is a `Db`, so the repositories
 * it calls take part in it. The one place a transaction is typed as a Db.
 */
export function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  /** Clients of the PostgreSQL pool (open, idle, waiting for one), for the metrics; absent on PGlite. */
  poolStats?(): { total: number; idle: number; waiting: number };
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL server URL; when absent, the embedded PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder, or "memory://" for a throw-away database. */
  dataDir?: string;
  /** Most connections the pool opens to a PostgreSQL server. */
  poolSize?: number;
  /** Longest wait in milliseconds for a PostgreSQL connection (to open one, or for one to come free); 2000 by default. */
  connectTimeoutMs?: number;
  /** A PGlite data folder dumped as a tar (`dumpDataDir`) to start from instead of an empty one (the tests' templates). */
  loadDataDir?: Blob;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      // Fail fast when the server is down or every connection is busy: a request
      // waits at most this long for a connection, then gets the "try again" page (503).
      connectionTimeoutMillis: options.connectTimeoutMs ?? 2000,
      // Notices a server that vanished without closing the connection (a dead network).
      keepAlive: true,
    });
    // A broken idle connection must not crash the process: pg.Pool drops it, and
    // the next query opens a new one, so the pool recovers once the server is back.
    pool.on("error", () => undefined);
    const db = drizzlePg(pool) as unknown as Db;
    return {
      db,
      kind: "postgres",
      poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
      ping: () => pingWith(db),
      close: () => pool.end(),
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(resolve(dataDir), { recursive: true });
  // The embedded database's code is loaded only when it is used: an instance on PostgreSQL never holds it.
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  const client = await PGlite.create({
    dataDir: dataDir.startsWith("memory://") ? dataDir : resolve(dataDir),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    kind: "pglite",
    ping: () => pingWith(db),
    close: () => client.close(),
  };
}

async function pingWith(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { type Cluster, startCluster } from "../../scripts/cluster/cluster.js";
import { freePort } from "../../test/support/portal-process.js";
import { scratchDatabase, seedScale } from "./figures.js";
import { cloneDraft, completeDraft, Session } from "./session.js";

export interface ScratchClusterOptions {
  /** Fill the database with the national-scale catalogue (2,247 services) before the instances start. */
  scale?: boolean;
  /** More environment for every instance. */
  env?: Record<string, string>;
}

/** Two instances behind nginx on a database and a folder of their own, with the demo resident signed in. */
export interface ScratchCluster {
  cluster: Cluster;
  /** A connection to the scratch database, for counting what the run left there. */
  db: pg.Client;
  session: Session;
  /** `count` drafts of the benchmark e-service, complete and ready to submit as the signed-in resident. */
  drafts(count: number): Promise<string[]>;
  /** Stops the instances and removes the database and the folder. */
  close(): Promise<void>;
}

/** The set-up every multi-instance benchmark shares: scratch database and folder, cluster, session. */
export async function scratchCluster(prefix: string, options: ScratchClusterOptions = {}): Promise<ScratchCluster> {
  const database = await scratchDatabase(`hukoomi_${prefix}`);
  const work = mkdtempSync(join(tmpdir(), `hukoomi-${prefix}-`));
  // nginx's workers (nobody, when started as root) write the proxy's cache there.
  chmodSync(work, 0o755);
  const filesDir = join(work, "files");
  const db = new pg.Client({ connectionString: database.url });
  let cluster: Cluster | undefined;
  const close = async () => {
    await db.end().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    await database.drop();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    if (options.scale) seedScale(database.url, filesDir);
    cluster = await startCluster({
      instances: 2,
      proxyPort: await freePort(),
      firstPort: await freePort(),
      databaseUrl: database.url,
      workDir: join(work, "cluster"),
      env: { ...options.env, FILES_DIR: filesDir },
    });
    await db.connect();
    const session = new Session(cluster.baseUrl);
    let template: string | undefined;
    return {
      cluster,
      db,
      session,
      async drafts(count) {
        template ??= await completeDraft(session);
        return cloneDraft(db, template, count);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
